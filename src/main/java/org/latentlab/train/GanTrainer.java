package org.latentlab.train;

import org.latentlab.core.Seeds;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.latentlab.engine.TrainingNetwork;

import java.util.Random;

/**
 * Trains a GAN: G and D are two networks without output layers, trained on the lab's engine
 * ({@link TrainingNetwork}: compiled plans where the engine has every layer, DL4J's layer objects otherwise); the
 * losses of {@link GanLoss} are computed from D's raw scores and their derivatives fed back as the output
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
 * This class builds and checks the parts and is the {@link Trainer} the run drives; the two updates themselves
 * (draws, gradients, the look-ahead, D's update) are {@link GanSteps}. What each GAN of the zoo changes is its
 * {@link GanVariant}; D's and G's losses are {@link DiscriminatorLoss} and {@link GeneratorLoss}, the remedies
 * switched during a run {@link GanRemedies}, the draws {@link GanBatches}.
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
    private final DataType dataType;
    /** G's training-mode passes, with virtual batch norm's reference batch when G has the layer. */
    private final GeneratorPasses generatorPasses;
    private final Random rng = new Random();
    /** Real batches and G's codes, drawn from {@link #rng}. */
    private final GanBatches batches;
    /** Inference-mode passes for samples, scores and G's loss gradient, on the engine. */
    private final GanInference inference;
    /** The D and G updates, with the update counters, the current settings and the last step's statistics. */
    private final GanSteps steps;

    private long iteration;
    /** D and G updates made by hand (Step D / Step G) since the last whole iteration. */
    private int partialDiscriminatorSteps;
    private int partialGeneratorSteps;
    private boolean faulted;
    private final NativeMemory memory = new NativeMemory();
    /** What the GAN of the zoo changes in the game (the plain GAN: nothing). */
    private final GanVariant variant;

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
        this.latentDim = latentDim;
        int dataDim = data.dimension();
        this.seed = seed;
        this.rng.setSeed(Seeds.mix(seed));
        this.dataType = generator.params().dataType();
        StepArrays step = new StepArrays(dataType);
        this.batches = new GanBatches(data, latentDim, dataType, step, rng, variant);
        boolean discriminatorCouplesBatch = GanShapes.couplesBatch(discriminator);
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
        this.steps = new GanSteps(generator, discriminator, g, d, generatorPasses, batches, rng, step, variant,
                settings, seed, discriminatorCouplesBatch, () -> iteration);
        generatorPasses.storeReferenceStatistics();
    }

    /** One training iteration: k discriminator updates, then one generator update. */
    @Override
    public void iterate() {
        for (int i = 0; i < steps.settings().discriminatorSteps(); i++) {
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
        steps.stepDiscriminator();
    }

    /** One generator update (also used for the dashboard's "step G"). */
    public void stepGenerator() {
        steps.stepGenerator();
    }

    /**
     * The gradient the next G update would apply (with unrolling, through or against D's look-ahead, D then put
     * back), left in G's gradient view and returned, not applied; G's loss in {@link #lastStats()}. The same draws
     * each time until an update is made (for tests: the unrolled objective f(θ_G) and its gradient).
     */
    INDArray generatorStepGradient() {
        return steps.generatorStepGradient();
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
        return steps.discriminatorGradient(real, fake);
    }

    /**
     * G's loss for a batch of codes, leaving ∂L_G/∂θ_G in G's gradient view (not applied) and returning it. With
     * feature matching, G's loss compares D's features of the samples with those of a real batch drawn here.
     */
    public INDArray generatorGradient(INDArray z) {
        return steps.generatorGradient(z);
    }

    /**
     * G's loss for a batch of codes and, with feature matching, a real batch of the same size (ignored otherwise;
     * may be null then); leaves ∂L_G/∂θ_G in G's gradient view (not applied) and returns it. With packing m, D
     * scores packs of m samples and the gradient flows back through each pack to its samples.
     */
    public INDArray generatorGradient(INDArray z, INDArray real) {
        return steps.generatorGradient(z, real);
    }

    /** G's samples for the given codes, flat [n, dataDim], in inference mode. */
    public INDArray generate(INDArray z) {
        return inference.generate(z);
    }

    /** D's raw scores for the given examples [n, dataDim], in inference mode ({@link GanInference#score}). */
    public INDArray score(INDArray x) {
        return inference.score(x, steps.settings());
    }

    /** dL_G/dx at the given generated points ({@link GanInference#lossInputGradient}). */
    public INDArray generatorLossInputGradient(INDArray fake) {
        return inference.lossInputGradient(fake, steps.settings());
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

    /** Re-seeds the draws as the update numbered {@code counter} does (for tests that rebuild a step). */
    void reseed(long counter) {
        steps.reseed(counter);
    }

    /** A batch of real examples in a step array (overwritten by the next step). */
    INDArray reals(int n) {
        return batches.reals(n);
    }

    /** G's input for n codes z ~ N(0, I) ({@link GanBatches#codes}); the plain codes fill the step array "z". */
    INDArray codes(String role, int n) {
        if (!"z".equals(role)) {
            throw new IllegalArgumentException("G's codes fill the step array \"z\", not \"" + role + "\"");
        }
        return batches.codes(n);
    }

    /** Virtual batch norm's reference codes [R, latent], or null when G has no such layer (for tests). */
    INDArray referenceCodes() {
        return generatorPasses.referenceCodes();
    }

    /** The exact unrolled gradient's recorder, or null in the first-order form (for tests of its products). */
    UnrolledGradient exactUnrolledGradient() {
        return steps.remedies.exactUnroll;
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
        return steps.settings().describe() + variant.describe();
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
        steps.setDiagnostics(on);
    }

    public StepStats lastStats() {
        return steps.last;
    }

    public GanSettings settings() {
        return steps.settings();
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
        GanSettings settings = steps.settings();
        if (updated.loss() != settings.loss()) {
            throw new IllegalArgumentException("the loss cannot change during a run");
        }
        if (updated.packing() != settings.packing()) {
            throw new IllegalArgumentException("the packing sets D's input size, so it cannot change during a run");
        }
        if (updated.spectralNorm() != (steps.spectralNorm != null)) {
            throw new IllegalArgumentException("spectral normalisation reparametrises D's weights, so it cannot be"
                    + " switched on or off during a run");
        }
        java.util.Optional<String> refusal = variant.settingsRefusal(updated);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get());
        }
        try {
            steps.remedies.change(settings, updated);
        } catch (LabException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        generator.setLearningRate(updated.generatorOptimizer().learningRate());
        variant.settingsChanged(updated);
        discriminator.setLearningRate(updated.discriminatorOptimizer().learningRate());
        steps.useSettings(updated);
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
        return steps.discriminatorUpdates();
    }

    public long generatorUpdates() {
        return steps.generatorUpdates();
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
        return java.util.Optional.ofNullable(steps.remedies.generatorAverage);
    }

    /** Historical averaging's running mean of D's past parameters; empty when it is off. */
    public java.util.Optional<HistoricalAverage> discriminatorAverage() {
        return java.util.Optional.ofNullable(steps.remedies.discriminatorAverage);
    }

    /** Spectral normalisation of D (its raw weights, u, v and σ); empty when it is off. */
    public java.util.Optional<SpectralNormalisation> spectralNormalisation() {
        return java.util.Optional.ofNullable(steps.spectralNorm);
    }

    /** The random seed this run was built with (spectral normalisation draws its vectors from it). */
    public long seed() {
        return seed;
    }

    /** Restores the counters of a checkpoint (the networks' parameters and updater state are restored by the caller). */
    public void restoreCounters(long iteration, long discriminatorUpdates, long generatorUpdates) {
        this.iteration = iteration;
        steps.restoreCounters(discriminatorUpdates, generatorUpdates);
        this.partialDiscriminatorSteps = 0;
        this.partialGeneratorSteps = 0;
    }
}
