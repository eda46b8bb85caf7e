package org.latentlab.ui.models;

import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.train.ae.AutoencoderSettings;

/**
 * The held-out number a kept run is compared by, with its unit. Different quantities never share an axis: an
 * autoencoder trained with cross-entropy is measured in nats per example, a VAE by its negative ELBO (nats per
 * example, Kingma and Welling 2014), a squared-error autoencoder and an RBM's mean-field reconstruction (Hinton
 * 2002) by the squared error summed over the values of an example.
 */
public enum HeldOutMeasure {
    CROSS_ENTROPY("held-out reconstruction", "held-out cross-entropy", "nats per example"),
    SQUARED_ERROR("held-out reconstruction", "held-out squared error", "sum over values, per example"),
    NEGATIVE_ELBO("held-out negative ELBO", "held-out negative ELBO", "nats per example");

    private final String key;
    private final String title;
    private final String unit;

    HeldOutMeasure(String key, String title, String unit) {
        this.key = key;
        this.title = title;
        this.unit = unit;
    }

    /** The evaluation value this measure reads. */
    public String key() {
        return key;
    }

    /** "held-out negative ELBO". */
    public String title() {
        return title;
    }

    /** "nats per example". */
    public String unit() {
        return unit;
    }

    /** The chart axis: "held-out negative ELBO (nats per example)". */
    public String axisLabel() {
        return title + " (" + unit + ")";
    }

    /** The measure of an experiment's held-out curve. */
    public static HeldOutMeasure of(ReconstructionExperiment e) {
        return switch (e.family()) {
            case VAE -> NEGATIVE_ELBO;
            case RBM -> SQUARED_ERROR;
            case GAN -> throw new IllegalArgumentException("a GAN has no held-out reconstruction measure");
            case AUTOENCODER -> e.training().reconstruction() == AutoencoderSettings.Reconstruction.CROSS_ENTROPY
                    ? CROSS_ENTROPY : SQUARED_ERROR;
        };
    }
}
