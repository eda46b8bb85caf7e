package org.latentlab.experiment.geometry;

import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.ae.AutoencoderSettings;

import java.util.List;
import java.util.Locale;

/**
 * The three autoencoders the tangent bench sets side by side (Rifai et al. 2011; Vincent et al. 2008): one network,
 * one data set, one seed, one optimiser and one number of iterations, differing only in how it is regularised — none,
 * masking noise on the input (denoising), or the contractive penalty λ‖∂c/∂x‖²_F. The architecture is the
 * contractive preset's, 784-196-784 with a sigmoid code; a plain autoencoder with a smaller code would have a
 * smaller Jacobian for want of units, not for want of sensitivity, so every model here has the same code size.
 */
public final class TangentComparison {

    /** The preset whose network, data, optimiser and seed all three share. */
    public static final String BASE_PRESET = "mnist-cae";
    /**
     * Iterations each model trains for when nothing is said (batches of 128 images). Measured with seed 1: after 1500
     * the median ‖∂c/∂x‖_F on 100 test digits is 8.3 for the plain model and 5.4 for the contractive one, and only
     * the contractive one is less sensitive on the digits than at noisy copies of them (6.1); after 300 it is 3.9
     * against 3.0.
     */
    public static final int DEFAULT_ITERATIONS = 1500;
    /** The denoising model's masking level: the share of input pixels set to 0. */
    public static final double MASKING = 0.5;

    /** One of the three. */
    public enum Variant {
        PLAIN("tangent-ae", "Plain autoencoder", "no regularisation"),
        DENOISING("tangent-dae", "Denoising autoencoder", "masking noise: " + Math.round(100 * MASKING)
                + " % of the input pixels set to 0, the clean image as target"),
        CONTRACTIVE("tangent-cae", "Contractive autoencoder", "contractive penalty λ‖∂c/∂x‖²_F");

        private final String runName;
        private final String heading;
        private final String regularisation;

        Variant(String runName, String heading, String regularisation) {
            this.runName = runName;
            this.heading = heading;
            this.regularisation = regularisation;
        }

        /** The run's name (and the start of its folder's). */
        public String runName() {
            return runName;
        }

        /** A column heading. */
        public String heading() {
            return heading;
        }

        /** What sets it apart from the other two. */
        public String regularisation() {
            return regularisation;
        }
    }

    private TangentComparison() {
    }

    /** The three experiments, PLAIN, DENOISING, CONTRACTIVE, each trained for {@code iterations} iterations. */
    public static List<ReconstructionExperiment> models(long iterations) {
        return List.of(model(Variant.PLAIN, iterations), model(Variant.DENOISING, iterations),
                model(Variant.CONTRACTIVE, iterations));
    }

    /** One of the three. */
    public static ReconstructionExperiment model(Variant v, long iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("train for at least one iteration, not " + iterations);
        }
        ReconstructionExperiment base = Presets.loadReconstruction(BASE_PRESET);
        AutoencoderSettings none = base.training().withPenalty(AutoencoderSettings.Penalty.NONE, 0, 0)
                .withCorruption(AutoencoderSettings.Corruption.NONE, 0);
        AutoencoderSettings t = switch (v) {
            case PLAIN -> none;
            case DENOISING -> none.withCorruption(AutoencoderSettings.Corruption.MASKING, MASKING);
            case CONTRACTIVE -> base.training();
        };
        String description = v.heading + " " + architecture(base) + " for the tangent comparison: "
                + v.regularisation + (v == Variant.CONTRACTIVE ? ", λ = " + base.training().penaltyWeight() : "")
                + ".";
        return new ReconstructionExperiment(v.runName, description, base.family(), base.seed(), base.dataset(),
                base.encoder(), base.decoder(), t, base.rbm(), iterations, base.sampleInterval(),
                base.checkpointInterval(), base.heldOut());
    }

    /**
     * What is compared, in a sentence or two for the screen: what the three share and what sets them apart.
     */
    public static String describe(long iterations) {
        ReconstructionExperiment c = model(Variant.CONTRACTIVE, iterations);
        AutoencoderSettings t = c.training();
        return String.format(Locale.ROOT, "Compared like with like: three autoencoders %s (code of %d sigmoid units),"
                        + " %s reconstruction, Adam lr %s, batch %d, seed %d, %d iterations each on %s; they differ"
                        + " only in regularisation: none, %s, or %s with λ = %s.", architecture(c), c.codeDim(),
                t.reconstruction().id(), t.optimizer().learningRate(), t.batchSize(), c.seed(), iterations,
                c.dataset().name(), Variant.DENOISING.regularisation, Variant.CONTRACTIVE.regularisation,
                t.penaltyWeight());
    }

    private static String architecture(ReconstructionExperiment m) {
        int in = m.encoder().input().size();
        return in + "-" + m.codeDim() + "-" + in;
    }
}
