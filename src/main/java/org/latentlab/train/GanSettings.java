package org.latentlab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.latentlab.model.OptimizerSpec;

/**
 * How a GAN is trained: the objective, k discriminator steps per generator step, batch size, one optimiser per
 * network (different learning rates = TTUR), and the tricks and remedies for mode collapse. Validated on
 * construction. In an experiment file the remedies are optional: a file without them trains as the plain GAN.
 *
 * @param labelSmoothing      one-sided label smoothing: the real target becomes 0.9 (Salimans et al. 2016)
 * @param instanceNoise       standard deviation of Gaussian noise added to D's real and fake inputs (0 = off)
 * @param weightClip          WGAN weight clipping bound c (D's weights clipped to [−c, c] after each step)
 * @param gpLambda            WGAN-GP penalty weight λ
 * @param packing             PacGAN's m (Lin et al. 2018, "PacGAN: The power of two samples in generative
 *                            adversarial networks"): D scores packs of m samples concatenated, m·d values; 1 is the
 *                            plain GAN
 * @param historicalAveraging λ of historical averaging (Salimans et al. 2016, "Improved techniques for training
 *                            GANs"): each player's loss gains λ‖θ − θ̄‖², θ̄ the mean of its past parameters; 0 = off
 * @param featureMatching     the name of one of D's layers: G's loss becomes ‖E f(x) − E f(G(z))‖² on that layer's
 *                            activations f (Salimans et al. 2016); empty = G's GAN loss
 * @param r1Gamma             γ of the zero-centred gradient penalty R1 (Mescheder et al. 2018, "Which training
 *                            methods for GANs do actually converge?"): D's loss gains γ/2 · E_real ‖∇ₓ D(x)‖²; 0 = off
 * @param unrollSteps         k of the unrolled GAN (Metz et al. 2017, "Unrolled generative adversarial networks"):
 *                            G's update is taken against D after k more updates on fresh batches, D then restored
 *                            (the first-order form: the unrolled D held fixed); 0 is the plain GAN
 * @param spectralNorm        spectral normalisation of D (Miyato et al. 2018, "Spectral normalization for generative
 *                            adversarial networks"): each of D's weight matrices is divided by its largest singular
 *                            value, estimated by one power iteration per D update ({@link SpectralNormalisation});
 *                            false is the plain GAN
 * @param unrollGradient      how the unrolled G step's gradient is formed ({@link UnrollGradient}): first-order (the
 *                            default: against the unrolled D held fixed) or exact (through the k look-ahead updates,
 *                            Metz et al. 2017, eq. 7-12); the exact gradient needs second derivatives of D's loss, so
 *                            it refuses the remedies whose second derivatives the lab does not form (spectral
 *                            normalisation, R1, WGAN-GP, weight clipping, feature matching) and the f-GAN losses
 */
public record GanSettings(GanLoss loss, int discriminatorSteps, int batchSize, OptimizerSpec generatorOptimizer,
                          OptimizerSpec discriminatorOptimizer, boolean labelSmoothing, double instanceNoise,
                          double weightClip, double gpLambda, int packing, double historicalAveraging,
                          String featureMatching, double r1Gamma, int unrollSteps,
                          boolean spectralNorm, UnrollGradient unrollGradient) {

    public static final double SMOOTHED_REAL_TARGET = 0.9;

    /** The most D updates an unrolled G step looks ahead. */
    public static final int MAX_UNROLL = 50;

    /** The largest pack PacGAN's D may see. */
    public static final int MAX_PACKING = 64;

    public GanSettings {
        if (loss == null) {
            throw new IllegalArgumentException("training.loss is missing");
        }
        if (discriminatorSteps < 1 || discriminatorSteps > 100) {
            throw new IllegalArgumentException("training.discriminatorSteps (k) must be 1..100, not "
                    + discriminatorSteps);
        }
        if (batchSize < 1 || batchSize > 65536) {
            throw new IllegalArgumentException("training.batchSize must be 1..65536, not " + batchSize);
        }
        if (generatorOptimizer == null || discriminatorOptimizer == null) {
            throw new IllegalArgumentException("training needs generatorOptimizer and discriminatorOptimizer");
        }
        if (labelSmoothing && !loss.supportsLabelSmoothing()) {
            throw new IllegalArgumentException("label smoothing applies to the minimax, nonsaturating and lsgan"
                    + " losses, not " + loss.id());
        }
        if (!(instanceNoise >= 0) || instanceNoise > 10) {
            throw new IllegalArgumentException("training.instanceNoise must be in [0, 10], not " + instanceNoise);
        }
        if (loss == GanLoss.WGAN) {
            weightClip = weightClip == 0 ? 0.01 : weightClip;
        }
        if (!(weightClip >= 0)) {
            throw new IllegalArgumentException("training.weightClip must be >= 0, not " + weightClip);
        }
        if (loss == GanLoss.WGAN_GP) {
            gpLambda = gpLambda == 0 ? 10 : gpLambda;
        }
        if (!(gpLambda >= 0)) {
            throw new IllegalArgumentException("training.gpLambda must be >= 0, not " + gpLambda);
        }
        if (packing < 1 || packing > MAX_PACKING) {
            throw new IllegalArgumentException("training.packing (PacGAN's m) must be 1.." + MAX_PACKING + ", not "
                    + packing + " (1 is the plain GAN)");
        }
        if (batchSize % packing != 0) {
            throw new IllegalArgumentException("training.batchSize (" + batchSize + ") must be a multiple of"
                    + " training.packing (" + packing + "): a batch forms batchSize / packing packs");
        }
        if (!(historicalAveraging >= 0) || historicalAveraging > 1e6) {
            throw new IllegalArgumentException("training.historicalAveraging (λ) must be in [0, 1e6], not "
                    + historicalAveraging);
        }
        featureMatching = featureMatching == null ? "" : featureMatching.strip();
        if (!(r1Gamma >= 0) || r1Gamma > 1e6) {
            throw new IllegalArgumentException("training.r1Gamma (γ) must be in [0, 1e6], not " + r1Gamma);
        }
        if (unrollSteps < 0 || unrollSteps > MAX_UNROLL) {
            throw new IllegalArgumentException("training.unrollSteps (the unrolled GAN's k) must be 0.." + MAX_UNROLL
                    + ", not " + unrollSteps + " (0 is the plain GAN)");
        }
        if (spectralNorm && loss == GanLoss.WGAN) {
            // Miyato et al. 2018: the normalisation bounds each layer's Lipschitz constant itself, and a clip of the
            // raw weights would be undone when they are divided by σ
            throw new IllegalArgumentException("training.spectralNorm cannot go with the wgan loss, whose weight"
                    + " clipping it replaces (clipped raw weights are divided by σ again): use wgan-gp or hinge, or"
                    + " set spectralNorm to false");
        }
        unrollGradient = unrollGradient == null ? UnrollGradient.FIRST_ORDER : unrollGradient;
        if (unrollGradient == UnrollGradient.EXACT) {
            String clash = exactUnrollClash(loss, weightClip, r1Gamma, spectralNorm, featureMatching);
            if (clash != null) {
                throw new IllegalArgumentException("training.unrollGradient \"exact\" differentiates through D's"
                        + " updates and cannot go with " + clash + ": set unrollGradient to \"first-order\"");
            }
        }
    }

    /** What of the exact unrolled gradient's exclusions these settings have, or null when none. */
    private static String exactUnrollClash(GanLoss loss, double weightClip, double r1Gamma, boolean spectralNorm,
                                           String featureMatching) {
        if (spectralNorm) {
            return "spectral normalisation (spectralNorm true)";
        }
        if (r1Gamma > 0) {
            return "the R1 penalty (r1Gamma > 0)";
        }
        if (loss == GanLoss.WGAN_GP) {
            return "the wgan-gp loss's gradient penalty";
        }
        if (weightClip > 0) {
            return "weight clipping (the wgan loss, weightClip > 0)";
        }
        if (featureMatching != null && !featureMatching.isBlank()) {
            return "feature matching (featureMatching set)";
        }
        if (loss.fDivergence().isPresent()) {
            return "the f-GAN loss " + loss.id();
        }
        return null;
    }

    /** The remedies up to spectral normalisation, with the first-order unrolled gradient. */
    public GanSettings(GanLoss loss, int discriminatorSteps, int batchSize, OptimizerSpec generatorOptimizer,
                       OptimizerSpec discriminatorOptimizer, boolean labelSmoothing, double instanceNoise,
                       double weightClip, double gpLambda, int packing, double historicalAveraging,
                       String featureMatching, double r1Gamma, int unrollSteps, boolean spectralNorm) {
        this(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer, labelSmoothing,
                instanceNoise, weightClip, gpLambda, packing, historicalAveraging, featureMatching, r1Gamma,
                unrollSteps, spectralNorm, UnrollGradient.FIRST_ORDER);
    }

    /** The remedies up to unrolling, without spectral normalisation. */
    public GanSettings(GanLoss loss, int discriminatorSteps, int batchSize, OptimizerSpec generatorOptimizer,
                       OptimizerSpec discriminatorOptimizer, boolean labelSmoothing, double instanceNoise,
                       double weightClip, double gpLambda, int packing, double historicalAveraging,
                       String featureMatching, double r1Gamma, int unrollSteps) {
        this(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer, labelSmoothing,
                instanceNoise, weightClip, gpLambda, packing, historicalAveraging, featureMatching, r1Gamma,
                unrollSteps, false);
    }

    /** The plain GAN's settings: no packing, historical averaging, feature matching or R1. */
    public GanSettings(GanLoss loss, int discriminatorSteps, int batchSize, OptimizerSpec generatorOptimizer,
                       OptimizerSpec discriminatorOptimizer, boolean labelSmoothing, double instanceNoise,
                       double weightClip, double gpLambda) {
        this(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer, labelSmoothing,
                instanceNoise, weightClip, gpLambda, 1, 0, "", 0, 0);
    }

    /** Reads the experiment file's {@code training} block: the remedies may be left out (the plain GAN). */
    @JsonCreator
    static GanSettings fromJson(@JsonProperty("loss") GanLoss loss,
                                @JsonProperty("discriminatorSteps") int discriminatorSteps,
                                @JsonProperty("batchSize") int batchSize,
                                @JsonProperty("generatorOptimizer") OptimizerSpec generatorOptimizer,
                                @JsonProperty("discriminatorOptimizer") OptimizerSpec discriminatorOptimizer,
                                @JsonProperty("labelSmoothing") boolean labelSmoothing,
                                @JsonProperty("instanceNoise") double instanceNoise,
                                @JsonProperty("weightClip") double weightClip,
                                @JsonProperty("gpLambda") double gpLambda,
                                @JsonProperty("packing") Integer packing,
                                @JsonProperty("historicalAveraging") Double historicalAveraging,
                                @JsonProperty("featureMatching") String featureMatching,
                                @JsonProperty("r1Gamma") Double r1Gamma,
                                @JsonProperty("unrollSteps") Integer unrollSteps,
                                @JsonProperty("spectralNorm") Boolean spectralNorm,
                                @JsonProperty("unrollGradient") UnrollGradient unrollGradient) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer,
                labelSmoothing, instanceNoise, weightClip, gpLambda, packing == null ? 1 : packing,
                historicalAveraging == null ? 0 : historicalAveraging, featureMatching,
                r1Gamma == null ? 0 : r1Gamma, unrollSteps == null ? 0 : unrollSteps,
                spectralNorm != null && spectralNorm, unrollGradient);
    }

    public double realTarget() {
        return labelSmoothing ? SMOOTHED_REAL_TARGET : 1.0;
    }

    /** Whether G's loss is feature matching on one of D's layers. */
    public boolean matchesFeatures() {
        return !featureMatching.isEmpty();
    }

    public GanSettings withLearningRates(double discriminatorLr, double generatorLr) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer.withLearningRate(generatorLr),
                discriminatorOptimizer.withLearningRate(discriminatorLr), labelSmoothing, instanceNoise, weightClip,
                gpLambda, packing, historicalAveraging, featureMatching, r1Gamma, unrollSteps, spectralNorm,
                unrollGradient);
    }

    public GanSettings withDiscriminatorSteps(int k) {
        return new GanSettings(loss, k, batchSize, generatorOptimizer, discriminatorOptimizer, labelSmoothing,
                instanceNoise, weightClip, gpLambda, packing, historicalAveraging, featureMatching, r1Gamma,
                unrollSteps, spectralNorm, unrollGradient);
    }

    /** PacGAN with packs of {@code m} (D's input must then be m × the data size). */
    public GanSettings withPacking(int m) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer,
                labelSmoothing, instanceNoise, weightClip, gpLambda, m, historicalAveraging, featureMatching, r1Gamma,
                unrollSteps, spectralNorm, unrollGradient);
    }

    /** Historical averaging of weight λ for both players (0 = off). */
    public GanSettings withHistoricalAveraging(double lambda) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer,
                labelSmoothing, instanceNoise, weightClip, gpLambda, packing, lambda, featureMatching, r1Gamma,
                unrollSteps, spectralNorm, unrollGradient);
    }

    /** Feature matching on D's layer {@code layer} (empty = G's GAN loss). */
    public GanSettings withFeatureMatching(String layer) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer,
                labelSmoothing, instanceNoise, weightClip, gpLambda, packing, historicalAveraging, layer, r1Gamma,
                unrollSteps, spectralNorm, unrollGradient);
    }

    /** The R1 penalty of weight γ on D (0 = off). */
    public GanSettings withR1(double gamma) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer,
                labelSmoothing, instanceNoise, weightClip, gpLambda, packing, historicalAveraging, featureMatching,
                gamma, unrollSteps, spectralNorm, unrollGradient);
    }

    /** The unrolled GAN with k look-ahead D updates (0 = off). */
    public GanSettings withUnrolling(int k) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer,
                labelSmoothing, instanceNoise, weightClip, gpLambda, packing, historicalAveraging, featureMatching,
                r1Gamma, k, spectralNorm, unrollGradient);
    }

    /** The unrolled G step's gradient: first-order (against the unrolled D held fixed) or exact (through it). */
    public GanSettings withUnrollGradient(UnrollGradient how) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer,
                labelSmoothing, instanceNoise, weightClip, gpLambda, packing, historicalAveraging, featureMatching,
                r1Gamma, unrollSteps, spectralNorm, how);
    }

    /** Spectral normalisation of D's weights (false = off). */
    public GanSettings withSpectralNorm(boolean on) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer, discriminatorOptimizer,
                labelSmoothing, instanceNoise, weightClip, gpLambda, packing, historicalAveraging, featureMatching,
                r1Gamma, unrollSteps, on, unrollGradient);
    }

    /** One line: "nsgan, k=1, lr D 2.0E-4, lr G 2.0E-4", then the remedies switched on ("pack 2, R1 γ 1.0"). */
    public String describe() {
        StringBuilder s = new StringBuilder(loss.id() + ", k=" + discriminatorSteps + ", lr D "
                + discriminatorOptimizer.learningRate() + ", lr G " + generatorOptimizer.learningRate());
        if (packing > 1) {
            s.append(", pack ").append(packing);
        }
        if (historicalAveraging > 0) {
            s.append(", hist. avg λ ").append(historicalAveraging);
        }
        if (matchesFeatures()) {
            s.append(", feature matching on ").append(featureMatching);
        }
        if (r1Gamma > 0) {
            s.append(", R1 γ ").append(r1Gamma);
        }
        if (unrollSteps > 0) {
            s.append(", unrolled ").append(unrollSteps);
            if (unrollGradient == UnrollGradient.EXACT) {
                s.append(" exact");
            }
        }
        if (spectralNorm) {
            s.append(", spectral norm");
        }
        return s.toString();
    }
}
