package org.latentlab.train;

import java.util.Map;

/**
 * One immutable report of a running autoencoder, VAE or RBM. {@code losses} names the parts of the training loss
 * of the last batch ("reconstruction", "sparsity KL", "KL"...); {@code evaluation} holds held-out measurements when
 * there are new ones; {@code view} is null when there is nothing new to draw.
 */
public record ReconstructionStatus(TrainingRun.Progress progress, Map<String, Double> losses, double gradNorm, String phase,
                          String settings, Evaluation evaluation, ReconstructionView view) implements TrainingStatus {

    public ReconstructionStatus {
        losses = losses == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
    }

    @Override
    public RunState state() {
        return progress.state();
    }

    @Override
    public long iteration() {
        return progress.iteration();
    }

    @Override
    public long maxIterations() {
        return progress.maxIterations();
    }

    @Override
    public long elapsedMillis() {
        return progress.elapsedMillis();
    }

    @Override
    public double itersPerSecond() {
        return progress.itersPerSecond();
    }

    @Override
    public String message() {
        return progress.message();
    }

    @Override
    public boolean fault() {
        return progress.fault();
    }

    @Override
    public String settingsSummary() {
        return settings;
    }
}
