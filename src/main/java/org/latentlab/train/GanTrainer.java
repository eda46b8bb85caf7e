package org.latentlab.train;

import org.latentlab.core.Seeds;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Random;

/**
 * Trains a GAN: G and D are two networks without output layers, trained on the lab's engine
 * ({@link TrainingNetwork}: compiled plans where the engine has every layer, DL4J's layer objects otherwise); the
 * losses of {@link GanLoss} are computed here from D's raw scores and their derivatives fed back as the output
 * gradient. D's step sees real and generated examples in one batch; G's step sends dL_G/dx from D's backward pass
 * into G.
 *
 * <p>Not thread-safe: a {@link TrainingRun} owns it on one thread. Every random draw comes from a generator
 * re-seeded from (seed, update count) at the start of each update, so a run resumed from a checkpoint, or driven by
 * single steps, draws exactly the numbers an uninterrupted run would.
 *
 * <p>The remedies for mode collapse of {@link GanSettings} act inside the two updates: PacGAN's packing (D scores
 * packs of m samples), R1 and historical averaging (terms of D's and both players' losses, see
 * {@link HistoricalAverage}), feature matching (G's loss on D's features, through a view of D's first layers),
 * unrolling (G's step against D's look-ahead, {@link LookAheadSnapshot}; its gradient first-order or exact through the
 * look-ahead, {@link UnrolledGradient}) and spectral normalisation of D ({@link SpectralNormalisation}: D's
 * network holds the normalised weights, every D update steps the raw ones).
 * Virtual batch normalisation in G (Salimans et al. 2016, section 3.4) acts on G's passes: a fixed reference batch
 * of R codes, drawn once from the run's random seed, is put before every batch of codes G runs on in training mode (the D step's
 * samples, the unrolled look-ahead's, the G step's), its R output rows are dropped before D sees the batch and the
 * examples' loss reaches them only through the reference statistics; after each G update one pass of the reference
 * batch alone stores the reference statistics at the new parameters in the layers' state, with which inference
 * mode (the views, the latent studio, saved models) normalises each sample as training mode would.
 *
 * <p>One concept: one GAN iteration (k D updates, one G update) for every loss and remedy, with its diagnostics.
 * What each GAN of the zoo changes is its {@link GanVariant}; D's and G's losses are {@link DiscriminatorLoss} and
 * {@link GeneratorLoss}, the remedies switched during a run {@link GanRemedies}, the draws {@link GanBatches}.
 */
public final class GanTrainer implements Trainer {

    /** The part of an iteration that updates the discriminator ({@link #stepPart}). */
    public static final int DISCRIMINATOR = 0;
    /** The part of an iteration that updates the generator. */
    public static final int GENERATOR = 1;

    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final TrainingNetwork g;
    private final TrainingNetwork d;
    private final DataSource data;
    private final long seed;
    private final int latentDim;
    private final int dataDim;
    private final DataType dataType;
    private final boolean usesNd4jRandom;
    private final boolean discriminatorCouplesBatch;
    /** D's loss on a real and a generated batch, with WGAN-GP's and R1's penalties. */
    private final DiscriminatorLoss discriminatorLoss;
    /** dL_G/dx at G's samples: G's loss on D's scores, or feature matching. */
    private final GeneratorLoss generatorLoss;
    /** The remedies that can be switched during a run: R1, historical averaging, feature matching, exact unrolling. */
    private final GanRemedies remedies;
    /** Spectral normalisation's raw weights and power-iteration vectors of D, or null when off. */
    private final SpectralNormalisation spectralNorm;
    /** G's training-mode passes, with virtual batch norm's reference batch when G has the layer. */
    private final GeneratorPasses generatorPasses;
    private final Random rng = new Random();
    /** Real batches and G's codes, drawn from {@link #rng}. */
    private final GanBatches batches;
    /** Inference-mode passes for samples, scores and G's loss gradient, on the engine. */
    private final GanInference inference;
    private GanSettings settings;

    private long iteration;
    private long discriminatorUpdates;
    private long generatorUpdates;
    /** D and G updates made by hand (Step D / Step G) since the last whole iteration. */
    private int partialDiscriminatorSteps;
    private int partialGeneratorSteps;
    private boolean diagnostics;
    private boolean faulted;
    private final StepStats last = new StepStats();
    private final StepArrays step;
    private final NativeMemory memory = new NativeMemory();
    /** What the GAN of the zoo changes in the game (the plain GAN: nothing). */
    private final GanVariant variant;
    /** What a step offers the variant's hooks. */
    private final GanVariant.Step hookStep = new GanVariant.Step() {
        @Override
        public INDArray reals(int n) {
            return GanTrainer.this.reals(n);
        }

        @Override
        public GanSettings settings() {
            return settings;
        }

        @Override
        public void requireFinite(String what, double value) {
            GanTrainer.this.requireFinite(what, value);
        }
    };

    /** What the last D and G updates measured, all on the host. */
    public static final class StepStats {
        public double discriminatorLoss = Double.NaN;
        public double generatorLoss = Double.NaN;
        public double realScore = Double.NaN;
        public double fakeScore = Double.NaN;
        public double penalty = Double.NaN;
        /** WGAN-GP: the mean of ‖∇ₓ D(x̂)‖ over the interpolates of the penalty (1 is its target). */
        public double criticGradientNorm = Double.NaN;
        public double discriminatorGradNorm = Double.NaN;
        public double generatorGradNorm = Double.NaN;
        /** InfoGAN: the lower bound ln K − CE of I(c_cat; G(z, c)) on the last generated batch (NaN otherwise). */
        public double informationBound = Double.NaN;
    }

    /** A plain GAN: G takes z ~ N(0, I), D scores examples (or PacGAN's packs). */
    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DataSource data,
                      GanSettings settings, int latentDim, long seed) {
        this(generator, discriminator, data, settings, latentDim, seed, GanVariant.plain());
    }

    /**
     * Any GAN of the zoo: {@code variant} says what it changes in the game (a conditional GAN, InfoGAN, BiGAN or
     * energy-based GAN; {@link GanVariant#plain()} for none). The variant is bound to this trainer.
     *
     * @throws LabException when the variant refuses the settings or the networks, or the networks do not fit
     */
    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DataSource data,
                      GanSettings settings, int latentDim, long seed, GanVariant variant) {
        variant.settingsRefusal(settings).ifPresent(why -> {
            throw new LabException(why);
        });
        this.variant = variant;
        this.generator = generator;
        this.discriminator = discriminator;
        this.data = data;
        this.settings = settings;
        this.latentDim = latentDim;
        this.dataDim = data.dimension();
        this.seed = seed;
        this.rng.setSeed(Seeds.mix(seed));
        this.dataType = generator.params().dataType();
        this.step = new StepArrays(dataType);
        this.batches = new GanBatches(data, latentDim, dataType, step, rng, variant);
        this.usesNd4jRandom = settings.instanceNoise() > 0 || GanShapes.hasDropout(generator)
                || GanShapes.hasDropout(discriminator);
        this.discriminatorCouplesBatch = GanShapes.couplesBatch(discriminator);
        if (discriminatorCouplesBatch) {
            variant.refusalOfCoupledBatch().ifPresent(why -> {
                throw new LabException(why);
            });
        }
        GanShapes.check(generator, discriminator, data, settings, latentDim, variant);
        this.g = TrainingNetwork.of(generator, "G");
        this.generatorPasses = GeneratorPasses.of(generator, g, latentDim, dataDim, seed, step);
        if (generatorPasses.referenceCodes() != null) {
            variant.refusalOfReferenceBatch().ifPresent(why -> {
                throw new LabException(why);
            });
        }
        this.inference = new GanInference(generator, discriminator, variant, step);
        this.d = TrainingNetwork.of(discriminator, "D");
        variant.attach(new GanVariant.Game(generator, discriminator, d, latentDim, dataDim, step));
        this.discriminatorLoss = new DiscriminatorLoss(discriminator, d, step, rng, discriminatorCouplesBatch,
                settings.loss(), variant, last, hookStep);
        this.generatorLoss = new GeneratorLoss(d, step, dataType, variant, last);
        // before the averages: D's parameters are the normalised ones from here on
        this.spectralNorm = settings.spectralNorm() ? new SpectralNormalisation(discriminator, seed) : null;
        this.remedies = new GanRemedies(generator, discriminator, g, d, generatorPasses, discriminatorCouplesBatch,
                settings);
        generatorPasses.storeReferenceStatistics();
    }

    /** One training iteration: k discriminator updates, then one generator update. */
    @Override
    public void iterate() {
        for (int i = 0; i < settings.discriminatorSteps(); i++) {
            stepDiscriminator();
        }
        stepGenerator();
        iteration++;
        partialDiscriminatorSteps = 0;
        partialGeneratorSteps = 0;
        memory.afterIteration();
    }

    /** One discriminator update (also used for the dashboard's "step D"). */
    public void stepDiscriminator() {
        reseed(2 * (discriminatorUpdates + generatorUpdates));
        int n = settings.batchSize();
        INDArray real = variant.realInput(n, rng, hookStep);
        INDArray z = codes("z", n);
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

    /** One generator update (also used for the dashboard's "step G"). */
    public void stepGenerator() {
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

    /**
     * The gradient the next G update would apply (with unrolling, through or against D's look-ahead, D then put
     * back), left in G's gradient view and returned, not applied; G's loss in {@link #lastStats()}. The same draws
     * each time until an update is made (for tests: the unrolled objective f(θ_G) and its gradient).
     */
    INDArray generatorStepGradient() {
        reseed(2 * (discriminatorUpdates + generatorUpdates) + 1);
        int n = settings.batchSize();
        LookAheadSnapshot unrolled = settings.unrollSteps() > 0 ? unroll(n) : null;
        INDArray gradient;
        try {
            gradient = generatorGradient(codes("z", n));
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
            INDArray z = codes("z", n);
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
     * D's loss on a real and a generated batch, leaving ∂L_D/∂θ_D in D's gradient view (not applied) and returning
     * that live view. The loss is the mean over the real batch plus the mean over the generated batch (plus the
     * gradient penalty, R1 and historical averaging when on). With PacGAN's packing m, D scores packs: each run of m
     * consecutive examples concatenated into one input of m·d values, so both batches must hold a multiple of m.
     * With spectral normalisation the gradient is with respect to the network's parameters, the normalised weights
     * Ŵ; D's update turns it into the raw weights' ({@link SpectralNormalisation#chainRule}).
     */
    public INDArray discriminatorGradient(INDArray real, INDArray fake) {
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
     * G's loss for a batch of codes, leaving ∂L_G/∂θ_G in G's gradient view (not applied) and returning it. With
     * feature matching, G's loss compares D's features of the samples with those of a real batch drawn here.
     */
    public INDArray generatorGradient(INDArray z) {
        return generatorGradient(z, remedies.features == null ? null : reals((int) z.rows()));
    }

    /**
     * G's loss for a batch of codes and, with feature matching, a real batch of the same size (ignored otherwise;
     * may be null then); leaves ∂L_G/∂θ_G in G's gradient view (not applied) and returns it. With packing m, D
     * scores packs of m samples and the gradient flows back through each pack to its samples.
     */
    public INDArray generatorGradient(INDArray z, INDArray real) {
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

    /** G's samples for the given codes, flat [n, dataDim], in inference mode. */
    public INDArray generate(INDArray z) {
        return inference.generate(z);
    }

    /** D's raw scores for the given examples [n, dataDim], in inference mode ({@link GanInference#score}). */
    public INDArray score(INDArray x) {
        return inference.score(x, settings);
    }

    /** dL_G/dx at the given generated points ({@link GanInference#lossInputGradient}). */
    public INDArray generatorLossInputGradient(INDArray fake) {
        return inference.lossInputGradient(fake, settings);
    }

    /** A batch of real examples in a step array (overwritten by the next step). */
    private INDArray reals(int n) {
        return batches.reals(n);
    }

    /** G's input for n codes z ~ N(0, I) ({@link GanBatches#codes}); the plain codes fill the step array "z". */
    private INDArray codes(String role, int n) {
        if (!"z".equals(role)) {
            throw new IllegalArgumentException("G's codes fill the step array \"z\", not \"" + role + "\"");
        }
        return batches.codes(n);
    }

    private void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(what, value, iteration);
        }
    }

    /** What the GAN of the zoo changes in the game ({@link GanVariant#plain()} for the plain GAN). */
    public GanVariant variant() {
        return variant;
    }

    /** InfoGAN's codes and Q head; empty for other GANs. */
    public java.util.Optional<InfoGanHead> infoGan() {
        return variant instanceof InfoGanHead info ? java.util.Optional.of(info) : java.util.Optional.empty();
    }

    /** The BiGAN's encoder and pairs; empty for a GAN without an encoder. */
    public java.util.Optional<BiganPairs> bigan() {
        return variant instanceof BiganPairs bigan ? java.util.Optional.of(bigan) : java.util.Optional.empty();
    }

    /** The energy-based GAN's losses; empty for D's score losses. */
    public java.util.Optional<EnergyGame> energy() {
        return variant instanceof EnergyGame energy ? java.util.Optional.of(energy) : java.util.Optional.empty();
    }

    /** The conditional GAN's label joins; empty for an unconditional GAN. */
    public java.util.Optional<ConditionalBatches> conditional() {
        return variant instanceof ConditionalBatches c ? java.util.Optional.of(c) : java.util.Optional.empty();
    }

    private void reseed(long counter) {
        long s = Seeds.seed(seed, counter);
        rng.setSeed(s);
        if (usesNd4jRandom) {
            Nd4j.getRandom().setSeed(s ^ 0x94D049BB133111EBL);
        }
    }


    /** Virtual batch norm's reference codes [R, latent], or null when G has no such layer (for tests). */
    INDArray referenceCodes() {
        return generatorPasses.referenceCodes();
    }

    /** The exact unrolled gradient's recorder, or null in the first-order form (for tests of its products). */
    UnrolledGradient exactUnrolledGradient() {
        return remedies.exactUnroll;
    }

    /** G's and D's training passes (for tests that rebuild a step from them). */
    TrainingNetwork[] trainingNetworks() {
        return new TrainingNetwork[] {g, d};
    }

    /** A batch of real examples, a fresh array (the training step draws the same into a step array). */
    public INDArray sampleReal(int n) {
        return reals(n).dup();
    }

    public INDArray sampleLatent(int n) {
        return Latent.gaussian(n, latentDim, rng, dataType);
    }

    /** After a fault (a non-finite loss) the state is not worth saving: checkpoints skip it. */
    @Override
    public java.util.List<String> parts() {
        return java.util.List.of("discriminator", "generator");
    }

    /** Part {@link #DISCRIMINATOR}: one update of D; part {@link #GENERATOR}: one update of G. */
    @Override
    public void stepPart(int part) {
        switch (part) {
            case DISCRIMINATOR -> {
                stepDiscriminator();
                partialDiscriminatorSteps++;
            }
            case GENERATOR -> {
                stepGenerator();
                partialGeneratorSteps++;
            }
            default -> throw new IllegalArgumentException("a GAN's iteration has parts 0 (D) and 1 (G), not " + part);
        }
    }

    @Override
    public String describeSettings() {
        return settings.describe() + variant.describe();
    }

    @Override
    public void markFaulted() {
        faulted = true;
    }

    @Override
    public boolean isFaulted() {
        return faulted;
    }

    @Override
    public void setDiagnostics(boolean on) {
        diagnostics = on;
    }

    public StepStats lastStats() {
        return last;
    }

    public GanSettings settings() {
        return settings;
    }

    /**
     * Changes the learning rates, k and the remedies that act inside the updates: R1's γ, historical averaging's λ,
     * the unrolled GAN's k and the feature-matching layer, each of which may also be switched on or off (historical
     * averaging switched on starts θ̄ at the current θ); optimiser state (Adam moments) is kept. The loss and the
     * packing (which sets D's input size) are fixed for a run. Nothing changes when the change is refused.
     *
     * @throws IllegalArgumentException when the loss or the packing differ, or D cannot take a remedy (saying why)
     */
    public void updateSettings(GanSettings updated) {
        if (updated.loss() != settings.loss()) {
            throw new IllegalArgumentException("the loss cannot change during a run");
        }
        if (updated.packing() != settings.packing()) {
            throw new IllegalArgumentException("the packing sets D's input size, so it cannot change during a run");
        }
        if (updated.spectralNorm() != (spectralNorm != null)) {
            throw new IllegalArgumentException("spectral normalisation reparametrises D's weights, so it cannot be"
                    + " switched on or off during a run");
        }
        java.util.Optional<String> refusal = variant.settingsRefusal(updated);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get());
        }
        try {
            remedies.change(settings, updated);
        } catch (LabException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        generator.setLearningRate(updated.generatorOptimizer().learningRate());
        variant.settingsChanged(updated);
        discriminator.setLearningRate(updated.discriminatorOptimizer().learningRate());
        settings = updated;
    }

    public MultiLayerNetwork generator() {
        return generator;
    }

    public MultiLayerNetwork discriminator() {
        return discriminator;
    }

    public DataSource data() {
        return data;
    }

    public int latentDim() {
        return latentDim;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    public long discriminatorUpdates() {
        return discriminatorUpdates;
    }

    public long generatorUpdates() {
        return generatorUpdates;
    }

    /** D updates made by hand (Step D) since the last whole iteration; 0 after each {@link #iterate()}. */
    public int partialDiscriminatorSteps() {
        return partialDiscriminatorSteps;
    }

    /** G updates made by hand (Step G) since the last whole iteration; 0 after each {@link #iterate()}. */
    public int partialGeneratorSteps() {
        return partialGeneratorSteps;
    }

    /** Historical averaging's running mean of G's past parameters; empty when it is off. */
    public java.util.Optional<HistoricalAverage> generatorAverage() {
        return java.util.Optional.ofNullable(remedies.generatorAverage);
    }

    /** Historical averaging's running mean of D's past parameters; empty when it is off. */
    public java.util.Optional<HistoricalAverage> discriminatorAverage() {
        return java.util.Optional.ofNullable(remedies.discriminatorAverage);
    }

    /** Spectral normalisation of D (its raw weights, u, v and σ); empty when it is off. */
    public java.util.Optional<SpectralNormalisation> spectralNormalisation() {
        return java.util.Optional.ofNullable(spectralNorm);
    }

    /** The random seed this run was built with (spectral normalisation draws its vectors from it). */
    public long seed() {
        return seed;
    }

    /** Restores the counters of a checkpoint (the networks' parameters and updater state are restored by the caller). */
    public void restoreCounters(long iteration, long discriminatorUpdates, long generatorUpdates) {
        this.iteration = iteration;
        this.discriminatorUpdates = discriminatorUpdates;
        this.generatorUpdates = generatorUpdates;
        this.partialDiscriminatorSteps = 0;
        this.partialGeneratorSteps = 0;
    }
}
