package org.latentlab.ui.reconstruction;

import org.latentlab.experiment.Experiment;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.train.Metric;
import org.latentlab.train.ae.AutoencoderSettings;

/**
 * The held-out number a kept run is compared by, with its unit. Different quantities never share an axis: an
 * autoencoder trained with cross-entropy is measured in nats per example, a VAE by its negative ELBO (nats per
 * example, Kingma and Welling 2014), a squared-error autoencoder and an RBM's mean-field reconstruction (Hinton
 * 2002) by the squared error summed over the values of an example, a sigmoid belief net by its negative wake-sleep
 * bound (nats per binarised image).
 */
public enum HeldOutMeasure {
    CROSS_ENTROPY(Metric.HELD_OUT_RECONSTRUCTION, "held-out cross-entropy", "nats per example"),
    SQUARED_ERROR(Metric.HELD_OUT_RECONSTRUCTION, "held-out squared error", "sum over values, per example"),
    NEGATIVE_ELBO(Metric.HELD_OUT_NEGATIVE_ELBO, "held-out negative ELBO", "nats per example"),
    /** A sigmoid belief net's one-sample negative bound (Hinton, Dayan, Frey and Neal 1995), on binarised images. */
    NEGATIVE_BOUND(Metric.HELD_OUT_NEGATIVE_BOUND, "held-out negative bound (wake-sleep)", "nats per image"),
    /** CycleGAN's cycle error on held-out examples of A (Zhu et al. 2017). */
    CYCLE_ERROR(Metric.CYCLE_ERROR_A, "held-out cycle error |F(G(a)) − a|", "mean per value");

    private final Metric metric;
    private final String title;
    private final String unit;

    HeldOutMeasure(Metric metric, String title, String unit) {
        this.metric = metric;
        this.title = title;
        this.unit = unit;
    }

    /** The measurement this measure reads. */
    public Metric metric() {
        return metric;
    }

    /** The name of its curve on the bench: the metric's label. */
    public String key() {
        return metric.label();
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

    /** The measure of the held-out curve of any experiment the bench trains. */
    public static HeldOutMeasure of(Experiment<?> e) {
        if (e instanceof ReconstructionExperiment r) {
            return of(r);
        }
        if (e.family() == Family.SBN) {
            return NEGATIVE_BOUND;
        }
        if (e.family() == Family.CYCLEGAN) {
            return CYCLE_ERROR;
        }
        if (e.family() == Family.VAEGAN) {
            return NEGATIVE_ELBO; // its encoder and decoder measured as a VAE's, pixel by pixel
        }
        if (e.family() == Family.AAE) {
            return SQUARED_ERROR; // the adversarial autoencoder's Euclidean reconstruction cost
        }
        throw new IllegalArgumentException("a " + e.family().label() + " experiment has no held-out reconstruction"
                + " measure");
    }

    /** The measure of an experiment's held-out curve. */
    public static HeldOutMeasure of(ReconstructionExperiment e) {
        return switch (e.family()) {
            case VAE -> NEGATIVE_ELBO;
            case RBM -> SQUARED_ERROR;
            case SBN -> NEGATIVE_BOUND;
            case CYCLEGAN -> CYCLE_ERROR;
            case VAEGAN -> NEGATIVE_ELBO;
            case AAE -> SQUARED_ERROR;
            case GAN -> throw new IllegalArgumentException("a GAN has no held-out reconstruction measure");
            case AUTOENCODER -> e.training().reconstruction() == AutoencoderSettings.Reconstruction.CROSS_ENTROPY
                    ? CROSS_ENTROPY : SQUARED_ERROR;
        };
    }
}
