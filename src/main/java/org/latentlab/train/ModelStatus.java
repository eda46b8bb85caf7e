package org.latentlab.train;

import java.util.Map;

/**
 * One immutable report of a running autoencoder, VAE or RBM. {@code losses} names the parts of the training loss
 * of the last batch ("reconstruction", "sparsity KL", "KL"...); {@code evaluation} holds held-out measurements when
 * there are new ones; {@code view} is null when there is nothing new to draw.
 */
public record ModelStatus(TrainingRun.Progress progress, Map<String, Double> losses, double gradNorm, String phase,
                          String settings, Evaluation evaluation, ModelView view) {

    public ModelStatus {
        losses = losses == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
    }
}
