package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.Seeds;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Random;
import java.util.function.LongSupplier;

/**
 * {@link GanTrainer}'s two updates, one D update and one G update, with everything that acts inside them: the draws,
 * re-seeded from (seed, update count) at the start of each update; D's gradient on a real and a generated batch and
 * D's optimiser step on it (on spectral normalisation's raw weights, then WGAN's clipping); G's gradient, taken
 * against or through the unrolled GAN's look-ahead of D (Metz et al. 2017), after which D is put back, and G's step;
 * the historical averages each update records. It holds the update counters, the current settings and the last
 * step's statistics. Owned by the trainer on its thread.
 */
final class GanSteps {

    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final TrainingNetwork g;
    private final TrainingNetwork d;
    private final long seed;
    private final DataType dataType;
    private final boolean usesNd4jRandom;
    private final StepArrays step;
    private final Random rng;
    /** Real batches and G's codes, drawn from {@link #rng}. */
    private final GanBatches batches;
    /** G's training-mode passes, with virtual batch norm's reference batch when G has the layer. */
    private final GeneratorPasses generatorPasses;
    /** D's loss on a real and a generated batch, with WGAN-GP's and R1's penalties. */
    private final DiscriminatorLoss discriminatorLoss;
    /** dL_G/dx at G's samples: G's loss on D's scores, or feature matching. */
    private final GeneratorLoss generatorLoss;
    /** The remedies that can be switched during a run: R1, historical averaging, feature matching, exact unrolling. */
    final GanRemedies remedies;
    /** Spectral normalisation's raw weights and power-iteration vectors of D, or null when off. */
    final SpectralNormalisation spectralNorm;
    /** What the GAN of the zoo changes in the game (the plain GAN: nothing). */
    private final GanVariant variant;
    /** What the last D and G updates measured. */
    final GanTrainer.StepStats last = new GanTrainer.StepStats();
    /** The trainer's iteration count, for the message of a non-finite loss. */
    private final LongSupplier iteration;
    private GanSettings settings;
    private long discriminatorUpdates;
    private long generatorUpdates;
    private boolean diagnostics;
    /** What a step offers the variant's hooks. */
    private final GanVariant.Step hookStep = new GanVariant.Step() {
        @Override
        public INDArray reals(int n) {
            return batches.reals(n);
        }

        @Override
        public GanSettings settings() {
            return settings;
        }

        @Override
        public void requireFinite(String what, double value) {
            GanSteps.this.requireFinite(what, value);
        }
    };

    /**
     * Builds D's and G's losses, spectral normalisation (from here on D's parameters are the normalised ones) and
     * the switchable remedies, in that order, for networks the trainer has checked and a variant it has attached.
     */
    GanSteps(MultiLayerNetwork generator, MultiLayerNetwork discriminator, TrainingNetwork g, TrainingNetwork d,
             GeneratorPasses generatorPasses, GanBatches batches, Random rng, StepArrays step, GanVariant variant,
             GanSettings settings, long seed, boolean discriminatorCouplesBatch, LongSupplier iteration) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.g = g;
        this.d = d;
        this.generatorPasses = generatorPasses;
        this.batches = batches;
        this.rng = rng;
        this.step = step;
        this.variant = variant;
        this.settings = settings;
        this.seed = seed;
        this.iteration = iteration;
        this.dataType = generator.params().dataType();
        this.usesNd4jRandom = settings.instanceNoise() > 0 || GanShapes.hasDropout(generator)
                || GanShapes.hasDropout(discriminator);
        this.discriminatorLoss = new DiscriminatorLoss(discriminator, d, step, rng, discriminatorCouplesBatch,
                settings.loss(), variant, last, hookStep);
        this.generatorLoss = new GeneratorLoss(d, step, dataType, variant, last);
        // before the averages: D's parameters are the normalised ones from here on
        this.spectralNorm = settings.spectralNorm() ? new SpectralNormalisation(discriminator, seed) : null;
        this.remedies = new GanRemedies(generator, discriminator, g, d, generatorPasses, discriminatorCouplesBatch,
                settings);
    }

    /** One discriminator update. */
    void stepDiscriminator() {
        reseed(2 * (discriminatorUpdates + generatorUpdates));
        int n = settings.batchSize();
        INDArray real = variant.realInput(n, rng, hookStep);
        INDArray z = batches.codes(n);
        INDArray fake = generatorPasses.forward(z);
        INDArray gradient = discriminatorGradient(real, variant.generatedInput(fake, z));
        variant.addToDiscriminator(fake, z, gradient, last);
        requireFinite("D loss", last.discriminatorLoss);
        if (spectralNorm != null) {
            spectralNorm.chainRule(gradient);
        }
        if (diagnostics) {
            last.discriminatorGradNorm = gradient.norm2Number().doubleValue();
        }
        updateDiscriminator((int) discriminatorUpdates);
        variant.afterDiscriminatorUpdate((int) discriminatorUpdates);
        if (remedies.discriminatorAverage != null) {
            remedies.discriminatorAverage.record(discriminator.params());
        }
        discriminatorUpdates++;
    }

    /**
     * D's optimiser step from its gradient (with spectral normalisation, already the raw weights' gradient): on the
     * raw weights, which are then normalised again, and with WGAN's clipping.
     */
    private void updateDiscriminator(int updateCount) {
        if (spectralNorm != null) {
            spectralNorm.exposeRaw();
        }
        d.update(updateCount);
        if (spectralNorm != null) {
            spectralNorm.normalise();
        }
        if (settings.loss() == GanLoss.WGAN && settings.weightClip() > 0) {
            double c = settings.weightClip();
            Transforms.min(Transforms.max(discriminator.params(), -c, false), c, false);
        }
    }

    /** One generator update. */
    void stepGenerator() {
        INDArray gradient = generatorStepGradient();
        if (diagnostics) {
            last.generatorGradNorm = gradient.norm2Number().doubleValue();
        }
        g.update((int) generatorUpdates);
        generatorPasses.storeReferenceStatistics();
        variant.afterGeneratorUpdate((int) generatorUpdates, hookStep);
        if (remedies.generatorAverage != null) {
            remedies.generatorAverage.record(generator.params());
        }
        generatorUpdates++;
    }

    /** The gradient the next G update would apply, not applied ({@link GanTrainer#generatorStepGradient}). */
    INDArray generatorStepGradient() {
        reseed(2 * (discriminatorUpdates + generatorUpdates) + 1);
        int n = settings.batchSize();
        LookAheadSnapshot unrolled = settings.unrollSteps() > 0 ? unroll(n) : null;
        INDArray gradient;
        try {
            gradient = generatorGradient(batches.codes(n));
            UnrolledGradient exactUnroll = remedies.exactUnroll;
            if (unrolled != null && exactUnroll != null) {
                HistoricalAverage dAverage = remedies.discriminatorAverage;
                INDArray averageMean = dAverage == null ? null : dAverage.mean();
                gradient.assign(exactUnroll.gradient(gradient, settings, averageMean).reshape(gradient.shape()));
            }
        } finally {
            if (unrolled != null) {
                unrolled.restore();
            }
        }
        return gradient;
    }

    /**
     * The unrolled GAN's look-ahead (Metz et al. 2017): k more D updates on fresh real and generated batches, as D's
     * own steps make them (optimiser, clipping, spectral normalisation), from which G's gradient is then taken; returns what puts D back.
     * The first-order form: G's gradient is taken against the unrolled D held fixed, not through the k updates; the
     * exact form records each step for {@link UnrolledGradient}.
     */
    private LookAheadSnapshot unroll(int n) {
        LookAheadSnapshot before = new LookAheadSnapshot(discriminator, spectralNorm, step, last);
        UnrolledGradient exactUnroll = remedies.exactUnroll;
        if (exactUnroll != null) {
            exactUnroll.begin();
        }
        for (int i = 0; i < settings.unrollSteps(); i++) {
            INDArray real = variant.realInput(n, rng, hookStep);
            INDArray z = batches.codes(n);
            INDArray gradient = discriminatorGradient(real, variant.generatedInput(generatorPasses.forward(z), z));
            if (exactUnroll != null) {
                exactUnroll.record(discriminatorLoss.lastInput(), discriminatorLoss.lastRealPacks(), z,
                        (int) discriminatorUpdates + i);
            }
            if (spectralNorm != null) {
                spectralNorm.chainRule(gradient);
            }
            updateDiscriminator((int) discriminatorUpdates + i);
        }
        return before;
    }

    /**
     * D's loss on a real and a generated batch, its gradient left in D's gradient view
     * ({@link GanTrainer#discriminatorGradient}).
     */
    INDArray discriminatorGradient(INDArray real, INDArray fake) {
        int p = settings.packing();
        if (real.rows() % p != 0 || fake.rows() % p != 0) {
            throw new IllegalArgumentException("with packing " + p + " both batches must hold a multiple of " + p
                    + " examples, not " + real.rows() + " and " + fake.rows());
        }
        INDArray gradient = discriminatorLoss.gradient(real, fake, settings, remedies.r1Penalty);
        HistoricalAverage discriminatorAverage = remedies.discriminatorAverage;
        if (discriminatorAverage != null) {
            last.discriminatorLoss += discriminatorAverage.addPenalty(discriminator.params(),
                    settings.historicalAveraging(), gradient);
            requireFinite("D loss", last.discriminatorLoss);
        }
        return gradient;
    }

    /**
     * G's loss for a batch of codes, with feature matching a real batch drawn here
     * ({@link GanTrainer#generatorGradient(INDArray)}).
     */
    INDArray generatorGradient(INDArray z) {
        return generatorGradient(z, remedies.features == null ? null : batches.reals((int) z.rows()));
    }

    /**
     * G's loss for codes and a real batch, its gradient left in G's gradient view
     * ({@link GanTrainer#generatorGradient(INDArray, INDArray)}).
     */
    INDArray generatorGradient(INDArray z, INDArray real) {
        int n = (int) z.rows();
        if (n % settings.packing() != 0) {
            throw new IllegalArgumentException("with packing " + settings.packing() + " a batch must hold a multiple"
                    + " of " + settings.packing() + " codes, not " + n);
        }
        INDArray fake = generatorPasses.forward(z);
        if (settings.instanceNoise() > 0) {
            fake = fake.add(Nd4j.randn(dataType, fake.shape()).muli(settings.instanceNoise()));
        }
        TrainingNetwork features = remedies.features;
        INDArray fakeGradient = features == null
                ? generatorLoss.gameInputGradient(fake, z, settings, remedies.exactUnroll)
                : generatorLoss.featureMatchingInputGradient(features, real, fake, settings);
        fakeGradient = variant.addToGenerator(fake, z, fakeGradient, last);
        requireFinite("G loss", last.generatorLoss);
        generatorPasses.backward(fakeGradient);
        INDArray gradient = g.gradient();
        HistoricalAverage generatorAverage = remedies.generatorAverage;
        if (generatorAverage != null) {
            last.generatorLoss += generatorAverage.addPenalty(generator.params(), settings.historicalAveraging(),
                    gradient);
            requireFinite("G loss", last.generatorLoss);
        }
        return gradient;
    }

    private void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(what, value, iteration.getAsLong());
        }
    }

    /** Re-seeds the draws from (seed, update count): Java's generator, and ND4J's when dropout or noise uses it. */
    void reseed(long counter) {
        long s = Seeds.seed(seed, counter);
        rng.setSeed(s);
        if (usesNd4jRandom) {
            Nd4j.getRandom().setSeed(s ^ 0x94D049BB133111EBL);
        }
    }

    GanSettings settings() {
        return settings;
    }

    /** The settings the next updates use (the trainer has checked and applied the change). */
    void useSettings(GanSettings updated) {
        settings = updated;
    }

    void setDiagnostics(boolean on) {
        diagnostics = on;
    }

    long discriminatorUpdates() {
        return discriminatorUpdates;
    }

    long generatorUpdates() {
        return generatorUpdates;
    }

    /** Restores the update counters of a checkpoint, from which the draws are re-seeded. */
    void restoreCounters(long discriminatorUpdates, long generatorUpdates) {
        this.discriminatorUpdates = discriminatorUpdates;
        this.generatorUpdates = generatorUpdates;
    }
}
