package org.latentlab.experiment.pca;

import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

/**
 * One deep autoencoder trained from one initialisation with one seed: its held-out error curve over fine-tuning
 * and the wall time (greedy stage included).
 */
public record PretrainingRun(Pretraining initialisation, long seed, HeldOutCurve curve, double seconds) {

    /** How a person calls an initialisation. */
    public static String label(Pretraining p) {
        return switch (p) {
            case NONE -> "random (no pretraining)";
            case AUTOENCODER -> "greedy autoencoders";
            case RBM -> "DBN (stacked RBMs)";
        };
    }
}
