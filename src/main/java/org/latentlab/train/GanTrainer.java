package org.latentlab.train;

import org.latentlab.core.Seeds;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.latentlab.data.ExampleSet;
import org.latentlab.engine.ExampleTable;
import org.latentlab.engine.InferenceNetwork;
import org.latentlab.engine.InferenceOutput;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
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
 * <p>One concept, read in one sitting despite its length: one GAN iteration (k D updates, one G update) for
 * every loss and remedy, with its diagnostics.
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
    private final CriticPenalty gradientPenalty;
    /** R1's zero-centred penalty at the real examples, or null when γ = 0 (built when R1 is switched on). */
    private CriticPenalty r1Penalty;
    /** Historical averaging's θ̄ of each player, or null when λ = 0 (started afresh when it is switched on). */
    private HistoricalAverage generatorAverage;
    private HistoricalAverage discriminatorAverage;
    /** Spectral normalisation's raw weights and power-iteration vectors of D, or null when off. */
    private final SpectralNormalisation spectralNorm;
    /** G's training-mode passes, with virtual batch norm's reference batch when G has the layer. */
    private final GeneratorPasses generatorPasses;
    /** D up to the feature-matching layer (a view of D's first layers), or null for G's GAN loss. */
    private TrainingNetwork features;
    private final Random rng = new Random();
    /** A finite data set as one native table, real batches gathered from it; made on first use. */
    private java.util.Optional<ExampleTable> table;
    /** Inference-mode outputs for samples and scores, on the engine. */
    private final InferenceOutput generatorOutput;
    private final InferenceOutput discriminatorOutput;
    /** Views of batch norm's running statistics in D's gradient; made on first use. */
    private List<INDArray> runningStatisticViews;
    private GanSettings settings;
    /** The exact unrolled gradient's record of the look-ahead, or null for the first-order form. */
    private UnrolledGradient exactUnroll;
    /** D's packed input of the last D gradient and its real packs (what the exact unrolled gradient records). */
    private INDArray lastDiscriminatorInput;
    private int lastRealPacks;

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
    /** The conditional GAN's labels joined to G's and D's inputs, or null for an unconditional GAN. */
    private final ConditionalBatches conditional;
    /** InfoGAN's codes and Q head (Chen et al. 2016), or null. */
    private final InfoGanHead info;
    /** The BiGAN's encoder and (example, code) pairs, or null for a GAN without an encoder. */
    private final BiganPairs bigan;
    /** The energy-based GAN's losses (D an autoencoder), or null for D's score losses. */
    private final EnergyGame energy;

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

    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DataSource data,
                      GanSettings settings, int latentDim, long seed) {
        this(generator, discriminator, data, settings, latentDim, seed, null);
    }

    /**
     * A conditional GAN when {@code conditional} is not null: G takes [z, y] ({@code latentDim} + K values) and D the
     * examples joined to their labels ({@link ConditionalBatches}).
     */
    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DataSource data,
                      GanSettings settings, int latentDim, long seed, ConditionalBatches conditional) {
        this(generator, discriminator, data, settings, latentDim, seed, conditional, null, null, null);
    }

    /** An InfoGAN when {@code info} is not null: G takes [z, c] ({@link InfoGanCodes}), Q reads D's body. */
    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DataSource data,
                      GanSettings settings, int latentDim, long seed, ConditionalBatches conditional,
                      InfoGanHead info) {
        this(generator, discriminator, data, settings, latentDim, seed, conditional, info, null, null);
    }

    /** A BiGAN when {@code bigan} is not null: D judges pairs (x, E(x)) against (G(z), z) ({@link BiganPairs}). */
    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DataSource data,
                      GanSettings settings, int latentDim, long seed, ConditionalBatches conditional,
                      BiganPairs bigan) {
        this(generator, discriminator, data, settings, latentDim, seed, conditional, null, bigan, null);
    }

    /** An energy-based GAN (Zhao et al. 2017) when {@code energySettings} is not null ({@link EnergyGame}). */
    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DataSource data,
                      GanSettings settings, int latentDim, long seed, ConditionalBatches conditional,
                      EnergySettings energySettings) {
        this(generator, discriminator, data, settings, latentDim, seed, conditional, null, null, energySettings);
    }

    /**
     * Any GAN of the zoo: conditional, InfoGAN, BiGAN or energy-based when the matching argument is not null (the
     * last three exclude one another).
     */
    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DataSource data,
                      GanSettings settings, int latentDim, long seed, ConditionalBatches conditional,
                      InfoGanHead info, BiganPairs bigan, EnergySettings energySettings) {
        if ((info != null ? 1 : 0) + (bigan != null ? 1 : 0) + (energySettings != null ? 1 : 0) > 1) {
            throw new LabException("a GAN is at most one of InfoGAN, BiGAN and energy-based");
        }
        if (info != null) {
            InfoGanCodes.refusal(settings).ifPresent(why -> {
                throw new LabException(why);
            });
        }
        this.info = info;
        if (bigan != null) {
            if (conditional != null) {
                throw new LabException("a GAN is either conditional or a BiGAN, not both");
            }
            BiganPairs.refusal(settings).ifPresent(why -> {
                throw new LabException(why);
            });
        }
        this.bigan = bigan;
        if (energySettings != null) {
            EnergyGame.refusal(settings).or(() -> java.util.Optional.ofNullable(conditional == null ? null
                    : "the energy-based GAN has no labels: remove the conditional block")).ifPresent(why -> {
                throw new LabException(why);
            });
        }
        if (conditional != null) {
            ConditionalBatches.refusal(settings).ifPresent(why -> {
                throw new LabException(why);
            });
        }
        this.conditional = conditional;
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
        this.usesNd4jRandom = settings.instanceNoise() > 0 || hasDropout(generator) || hasDropout(discriminator);
        // batch norm and minibatch discrimination couple the examples of a batch: D must see real and generated
        // examples as separate batches (Salimans et al. 2016 compute D's minibatch features per batch)
        this.discriminatorCouplesBatch = has(discriminator,
                org.deeplearning4j.nn.conf.layers.BatchNormalization.class)
                || has(discriminator, org.latentlab.model.MinibatchDiscriminationLayer.class);
        if (energySettings != null && discriminatorCouplesBatch) {
            throw new LabException("an energy-based D's energy is each example's own reconstruction error, and batch"
                    + " norm or minibatch discrimination in D makes it depend on the whole batch: remove those layers");
        }
        checkShapes(energySettings != null);
        this.g = TrainingNetwork.of(generator, "G");
        this.generatorPasses = GeneratorPasses.of(generator, g, latentDim, dataDim, seed, step);
        if (conditional != null && generatorPasses.referenceCodes() != null) {
            throw new LabException("a conditional GAN cannot use virtual batch norm in G (its reference batch holds"
                    + " codes without labels): remove the virtual batch norm layers");
        }
        if (info != null && generatorPasses.referenceCodes() != null) {
            throw new LabException("InfoGAN cannot use virtual batch norm in G (its reference batch holds noise"
                    + " without codes): remove the virtual batch norm layers");
        }
        this.generatorOutput = new InferenceOutput(generator);
        this.discriminatorOutput = new InferenceOutput(discriminator);
        this.d = TrainingNetwork.of(discriminator, "D");
        this.energy = energySettings == null ? null : new EnergyGame(energySettings, discriminator, d, dataDim);
        this.gradientPenalty = settings.loss() != GanLoss.WGAN_GP ? null
                : d.onEngine() ? new EngineGradientPenalty(d) : new GradientPenalty(discriminator);
        // before the averages: D's parameters are the normalised ones from here on
        this.spectralNorm = settings.spectralNorm() ? new SpectralNormalisation(discriminator, seed) : null;
        switchRemedies(settings, true);
        this.exactUnroll = exactUnroll(settings);
        generatorPasses.storeReferenceStatistics();
    }

    /**
     * The exact unrolled gradient's recorder when {@code next} asks for it (kept when already built), else null.
     *
     * @throws LabException when G or D cannot take it, saying what to change
     */
    private UnrolledGradient exactUnroll(GanSettings next) {
        if (next.unrollGradient() != UnrollGradient.EXACT || next.unrollSteps() == 0) {
            return null;
        }
        if (exactUnroll != null) {
            return exactUnroll;
        }
        UnrolledGradient.refusal(generator, discriminator, d, discriminatorCouplesBatch).ifPresent(why -> {
            throw new LabException(why);
        });
        return new UnrolledGradient(discriminator, d, g, generatorPasses);
    }

    /**
     * Builds what the remedies of {@code next} need and drops what those switched off leave behind, all or nothing:
     * R1's penalty, historical averaging's θ̄ of each player (started at the current θ when switched on, so its term
     * starts at zero, as at a run's first parameters) and the view of D up to the feature-matching layer. With
     * {@code fresh} false, what is still on is kept (θ̄ keeps its history).
     *
     * @throws LabException when D cannot take a remedy (R1 with layers that couple the batch, or without second
     *                      derivatives; feature matching on a layer D lacks or the engine does not run)
     */
    private void switchRemedies(GanSettings next, boolean fresh) {
        CriticPenalty r1 = next.r1Gamma() == 0 ? null : !fresh && r1Penalty != null ? r1Penalty : r1Penalty();
        boolean averaging = next.historicalAveraging() > 0;
        boolean keepAverages = !fresh && generatorAverage != null;
        HistoricalAverage gAverage = !averaging ? null : keepAverages ? generatorAverage
                : new HistoricalAverage(generator.params());
        HistoricalAverage dAverage = !averaging ? null : keepAverages ? discriminatorAverage
                : new HistoricalAverage(discriminator.params());
        boolean sameLayer = !fresh && features != null && next.featureMatching().equals(settings.featureMatching());
        TrainingNetwork f = !next.matchesFeatures() ? null : sameLayer ? features
                : featureLayer(discriminator, next.featureMatching());
        r1Penalty = r1;
        generatorAverage = gAverage;
        discriminatorAverage = dAverage;
        features = f;
    }

    private CriticPenalty r1Penalty() {
        if (discriminatorCouplesBatch) {
            throw new LabException("R1 penalises D's gradient at each real example, and batch norm or minibatch"
                    + " discrimination makes every score depend on the whole batch: remove those layers from D or set"
                    + " training.r1Gamma to 0");
        }
        return EngineGradientPenalty.zeroCentred(d);
    }

    private static TrainingNetwork featureLayer(MultiLayerNetwork discriminator, String layer) {
        try {
            return TrainingNetwork.prefix(discriminator, layer).orElseThrow(() -> new LabException(
                    "feature matching needs D on the lab's engine, and D has a layer the engine does not run:"
                            + " set training.featureMatching to \"\" (G's GAN loss)"));
        } catch (IllegalArgumentException e) {
            throw new LabException("training.featureMatching: " + e.getMessage(), e);
        }
    }

    private void checkShapes(boolean autoencoder) {
        INDArray z = Nd4j.zeros(dataType, 2, info != null ? info.codes().generatorInputSize()
                : conditional == null ? latentDim : conditional.generatorInputSize());
        long gOut;
        try {
            gOut = flat(generator.output(z, false)).columns();
        } catch (RuntimeException e) {
            throw new LabException("G does not take a latent code of size " + latentDim + ": " + e.getMessage(), e);
        }
        if (gOut != dataDim) {
            throw new LabException("G outputs " + gOut + " values per example but the data set '" + data.name()
                    + "' has " + dataDim + ": change G's last layer");
        }
        INDArray dOut;
        int packed = conditional != null ? conditional.discriminatorInputSize()
                : bigan != null ? bigan.discriminatorInputSize() : settings.packing() * dataDim;
        try {
            dOut = discriminator.output(Nd4j.zeros(dataType, 2, packed), false);
        } catch (RuntimeException e) {
            throw new LabException("D does not take " + (settings.packing() == 1 ? "examples of size " + dataDim
                    : "packs of " + settings.packing() + " examples (" + packed + " values): set D's input to "
                    + settings.packing() + " × the data size") + ": " + e.getMessage(), e);
        }
        if (autoencoder) {
            if (dOut.length() != 2L * dataDim) {
                throw new LabException("an energy-based D is an autoencoder: it must output " + dataDim + " values per"
                        + " example (the data's size), not " + dOut.length() / 2 + ": end D with a layer of "
                        + dataDim + " units");
            }
        } else if (dOut.rank() != 2 || dOut.columns() != 1) {
            throw new LabException("D must output one score per example, not " + java.util.Arrays.toString(
                    dOut.shape()) + ": end D with a dense layer of 1 unit and no activation");
        }
    }

    private static boolean hasDropout(MultiLayerNetwork net) {
        return has(net, org.deeplearning4j.nn.conf.layers.DropoutLayer.class);
    }

    private static boolean has(MultiLayerNetwork net, Class<?> layerType) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (layerType.isInstance(net.getLayer(i).conf().getLayer())) {
                return true;
            }
        }
        return false;
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
        INDArray real = realInput(n);
        INDArray z = codes("z", n);
        INDArray fake = generatorPasses.forward(z);
        INDArray gradient = discriminatorGradient(real, generatedInput(fake, z));
        if (info != null) {
            last.discriminatorLoss += info.addToDiscriminator(fake, z, gradient);
            last.informationBound = info.categoricalLowerBound();
            requireFinite("D loss", last.discriminatorLoss);
        }
        if (spectralNorm != null) {
            spectralNorm.chainRule(gradient);
        }
        if (diagnostics) {
            last.discriminatorGradNorm = gradient.norm2Number().doubleValue();
        }
        updateDiscriminator((int) discriminatorUpdates);
        if (info != null) {
            info.updateQ((int) discriminatorUpdates);
        }
        if (discriminatorAverage != null) {
            discriminatorAverage.record(discriminator.params());
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
        if (bigan != null) {
            // E's step against the same D, on a real batch drawn after G's codes (Donahue et al. 2017: E and G
            // take one joint step; D is unchanged between the two)
            bigan.encoderGradient(reals(settings.batchSize()), d, settings.loss());
            requireFinite("E loss", bigan.lastEncoderLoss());
            bigan.update((int) generatorUpdates);
        }
        if (generatorAverage != null) {
            generatorAverage.record(generator.params());
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
            if (unrolled != null && exactUnroll != null) {
                INDArray averageMean = discriminatorAverage == null ? null : discriminatorAverage.mean();
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
        if (exactUnroll != null) {
            exactUnroll.begin();
        }
        for (int i = 0; i < settings.unrollSteps(); i++) {
            INDArray real = realInput(n);
            INDArray z = codes("z", n);
            INDArray gradient = discriminatorGradient(real, generatedInput(generatorPasses.forward(z), z));
            if (exactUnroll != null) {
                exactUnroll.record(lastDiscriminatorInput, lastRealPacks, z, (int) discriminatorUpdates + i);
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
        INDArray gradient = discriminatorGradientOfGame(real, fake);
        if (discriminatorAverage != null) {
            last.discriminatorLoss += discriminatorAverage.addPenalty(discriminator.params(),
                    settings.historicalAveraging(), gradient);
            requireFinite("D loss", last.discriminatorLoss);
        }
        return gradient;
    }

    private INDArray discriminatorGradientOfGame(INDArray real, INDArray fake) {
        int n = (int) real.rows();
        int m = (int) fake.rows();
        INDArray x = step.get("x", n + m, real.columns());
        x.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).assign(real);
        x.get(NDArrayIndex.interval(n, n + m), NDArrayIndex.all()).assign(fake);
        if (settings.instanceNoise() > 0) {
            x.addi(Nd4j.randn(dataType, x.shape()).muli(settings.instanceNoise()));
        }
        // packs of m: packs of real examples first, then packs of generated ones (m = 1: the examples themselves)
        x = pack(x);
        n /= settings.packing();
        m /= settings.packing();
        lastDiscriminatorInput = x;
        lastRealPacks = n;
        if (energy != null) {
            INDArray energyGradient = energy.discriminatorGradient(x, n, m, last);
            requireFinite("D loss", last.discriminatorLoss);
            return energyGradient;
        }
        if (discriminatorCouplesBatch) {
            // batch norm must see real and generated examples in separate batches, as in the G step
            return discriminatorGradientSeparately(x, n, m);
        }
        double[] s = d.forward(x).toDoubleVector();
        double[] eps = new double[n + m];
        double[] realTerms = discriminatorTerms(s, 0, n, true, eps);
        double[] fakeTerms = discriminatorTerms(s, n, m, false, eps);
        double lossValue = realTerms[0] + fakeTerms[0];
        double realScore = realTerms[1];
        double fakeScore = fakeTerms[1];
        d.backward(column(eps));
        INDArray gradient = d.gradient();
        double penalty = 0;
        double meanCriticGradientNorm = Double.NaN;
        if (gradientPenalty != null) {
            int k = Math.min(n, m);
            double[] t = new double[k];
            for (int i = 0; i < k; i++) {
                t[i] = rng.nextDouble();
            }
            INDArray tCol = column(t);
            INDArray xHat = pack(real).get(NDArrayIndex.interval(0, k), NDArrayIndex.all()).mulColumnVector(tCol)
                    .addi(pack(fake).get(NDArrayIndex.interval(0, k), NDArrayIndex.all())
                            .mulColumnVector(tCol.rsub(1)));
            GradientPenalty.Result result = gradientPenalty.apply(xHat, settings.gpLambda(), gradient);
            penalty = result.penalty();
            meanCriticGradientNorm = result.meanGradientNorm();
            lossValue += penalty;
        }
        if (r1Penalty != null) {
            // Mescheder et al. 2018, eq. 9: γ/2 · E ‖∇ₓ D(x)‖² at the real examples (packs), as drawn (no noise)
            GradientPenalty.Result result = r1Penalty.apply(pack(real), settings.r1Gamma() / 2, gradient);
            penalty += result.penalty();
            meanCriticGradientNorm = result.meanGradientNorm();
            lossValue += result.penalty();
        }
        requireFinite("D loss", lossValue);
        last.discriminatorLoss = lossValue;
        last.realScore = realScore;
        last.fakeScore = fakeScore;
        last.penalty = gradientPenalty != null || r1Penalty != null ? penalty : Double.NaN;
        last.criticGradientNorm = meanCriticGradientNorm;
        return gradient;
    }

    /** Rows of m consecutive examples concatenated, [rows / m, m·d] (PacGAN's packs); m = 1: {@code a} itself. */
    private INDArray pack(INDArray a) {
        int p = settings.packing();
        return p == 1 ? a : a.reshape('c', a.rows() / p, a.columns() * p);
    }

    /** The gradient of packs [rows / m, m·d] as the gradient of their examples [rows, d]; m = 1: {@code a} itself. */
    private INDArray unpack(INDArray a) {
        int p = settings.packing();
        return p == 1 ? a : a.reshape('c', a.rows() * p, a.columns() / p);
    }

    /**
     * For examples {@code from .. from+count} of the scores: writes d(mean loss)/ds into {@code eps} at the same
     * places and returns {mean loss, mean displayed score}.
     */
    private double[] discriminatorTerms(double[] s, int from, int count, boolean real, double[] eps) {
        GanLoss loss = settings.loss();
        double target = settings.realTarget();
        double lossValue = 0;
        double score = 0;
        for (int i = from; i < from + count; i++) {
            lossValue += (real ? loss.realLoss(s[i], target) : loss.fakeLoss(s[i])) / count;
            eps[i] = (real ? loss.realLossDerivative(s[i], target) : loss.fakeLossDerivative(s[i])) / count;
            score += loss.displayScore(s[i]) / count;
        }
        return new double[] {lossValue, score};
    }

    /** Batch norm's running-statistic entries of D's flat gradient (DL4J's layout), views made once. */
    private List<INDArray> runningStatistics(INDArray gradient) {
        if (runningStatisticViews == null) {
            runningStatisticViews = new java.util.ArrayList<>();
            INDArray flat = discriminator.params();
            INDArray g = gradient.reshape(gradient.length());
            discriminator.paramTable().forEach((key, value) -> {
                if (key.endsWith("_mean") || key.endsWith("_var") || key.endsWith("_log10stdev")) {
                    long from = value.offset() - flat.offset();
                    runningStatisticViews.add(g.get(NDArrayIndex.interval(from, from + value.length())));
                }
            });
        }
        return runningStatisticViews;
    }

    /** Batch norm's case: two passes of D's compiled plan, one per batch (of n and m packs), as in the G step. */
    private INDArray discriminatorGradientSeparately(INDArray x, int n, int m) {
        long width = x.columns();
        INDArray realPart = step.get("dReal", n, width).assign(x.get(NDArrayIndex.interval(0, n),
                NDArrayIndex.all()));
        INDArray fakePart = step.get("dFake", m, width).assign(x.get(NDArrayIndex.interval(n, n + m),
                NDArrayIndex.all()));
        double[] s = d.forward(realPart).toDoubleVector();
        double[] eps = new double[n];
        double[] realTerms = discriminatorTerms(s, 0, n, true, eps);
        d.backward(column(eps));
        INDArray realGradient = step.get("dRealGradient", 1, d.gradient().length()).assign(d.gradient());
        s = d.forward(fakePart).toDoubleVector();
        eps = new double[m];
        double[] fakeTerms = discriminatorTerms(s, 0, m, false, eps);
        double lossValue = realTerms[0] + fakeTerms[0];
        d.backward(column(eps));
        INDArray gradient = d.gradient();
        gradient.addi(realGradient);
        for (INDArray statistic : runningStatistics(gradient)) {
            statistic.divi(2); // batch norm's running statistics: the average of the two batches' updates
        }
        requireFinite("D loss", lossValue);
        last.discriminatorLoss = lossValue;
        last.realScore = realTerms[1];
        last.fakeScore = fakeTerms[1];
        last.penalty = Double.NaN;
        last.criticGradientNorm = Double.NaN;
        return gradient;
    }

    /**
     * G's loss for a batch of codes, leaving ∂L_G/∂θ_G in G's gradient view (not applied) and returning it. With
     * feature matching, G's loss compares D's features of the samples with those of a real batch drawn here.
     */
    public INDArray generatorGradient(INDArray z) {
        return generatorGradient(z, features == null ? null : reals((int) z.rows()));
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
        INDArray fakeGradient = features == null ? gameInputGradient(fake, z)
                : featureMatchingInputGradient(real, fake);
        if (info != null) {
            fakeGradient = info.inputGradient(fake, z).addi(fakeGradient);
            last.generatorLoss += info.lastLoss();
            last.informationBound = info.categoricalLowerBound();
        }
        requireFinite("G loss", last.generatorLoss);
        generatorPasses.backward(fakeGradient);
        INDArray gradient = g.gradient();
        if (generatorAverage != null) {
            last.generatorLoss += generatorAverage.addPenalty(generator.params(), settings.historicalAveraging(),
                    gradient);
            requireFinite("G loss", last.generatorLoss);
        }
        return gradient;
    }

    /**
     * G's GAN loss on D's scores of the samples (in packs; joined to their codes' labels when conditional): sets it
     * and returns dL_G/dx, [n, d].
     */
    private INDArray gameInputGradient(INDArray fake, INDArray z) {
        if (energy != null) {
            return energy.generatorInputGradient(fake, last);
        }
        double[] s = d.forward(pack(generatedInput(fake, z))).toDoubleVector();
        int packs = s.length;
        GanLoss loss = settings.loss();
        double[] eps = new double[packs];
        double lossValue = 0;
        for (int i = 0; i < packs; i++) {
            lossValue += loss.generatorLoss(s[i]) / packs;
            eps[i] = loss.generatorLossDerivative(s[i]) / packs;
        }
        last.generatorLoss = lossValue;
        if (exactUnroll != null && exactUnroll.awaitsAdjoint()) {
            // the exact unrolled gradient also needs ∂L_G/∂θ_D at the unrolled D
            INDArray inputGradient = d.backward(column(eps));
            exactUnroll.takeAdjoint(d.gradient());
            return unpack(inputGradient);
        }
        INDArray inputGradient = unpack(d.inputGradient(column(eps)));
        return conditional != null ? conditional.exampleGradient(inputGradient)
                : bigan != null ? bigan.exampleGradient(inputGradient) : inputGradient;
    }

    /**
     * Feature matching (Salimans et al. 2016, section 3.1): L_G = ‖μ_real − μ_fake‖², μ the batch mean of D's
     * training-mode activations f at the chosen layer (on packs when packing); μ_real is a constant for G, so
     * dL_G/df(x_fake,j) = 2 (μ_fake − μ_real) / N for each of the N fake packs. Sets the loss, returns dL_G/dx.
     */
    private INDArray featureMatchingInputGradient(INDArray real, INDArray fake) {
        if (real == null || real.rows() != fake.rows()) {
            throw new IllegalArgumentException("feature matching needs a real batch as large as the generated one");
        }
        INDArray realInput = real;
        if (settings.instanceNoise() > 0) {
            realInput = real.add(Nd4j.randn(dataType, real.shape()).muli(settings.instanceNoise()));
        }
        double[] realMean = features.forward(pack(realInput)).mean(0).toDoubleVector();
        INDArray fakeFeatures = features.forward(pack(fake));
        double[] fakeMean = fakeFeatures.mean(0).toDoubleVector();
        int packs = (int) fakeFeatures.rows();
        int units = fakeMean.length;
        double lossValue = 0;
        double[] slope = new double[packs * units];
        for (int k = 0; k < units; k++) {
            double diff = fakeMean[k] - realMean[k];
            lossValue += diff * diff;
            for (int j = 0; j < packs; j++) {
                slope[j * units + k] = 2 * diff / packs;
            }
        }
        last.generatorLoss = lossValue;
        return unpack(features.inputGradient(step.filled("featureGradient", packs, units, slope)));
    }

    /** G's samples for the given codes, flat [n, dataDim], in inference mode. */
    public INDArray generate(INDArray z) {
        return generatorOutput.of(z);
    }

    /**
     * D's raw scores for the given examples [n, dataDim], in inference mode. With packing m, D scores packs: each
     * example is scored as the pack of m copies of itself. A conditional D scores each example as the mean of its
     * scores under the K labels. An energy-based D gives each example's energy, its reconstruction error.
     */
    public INDArray score(INDArray x) {
        if (conditional != null) {
            return conditional.meanOverLabels(x, discriminatorOutput::of);
        }
        if (bigan != null) {
            return bigan.scoreAsRealPairs(x, discriminatorOutput::of);
        }
        if (energy != null) {
            return EnergyGame.energies(x, discriminatorOutput.of(x));
        }
        return discriminatorOutput.of(copies(x));
    }

    /** Each example as a pack of m copies of itself, [n, m·d] (m = 1: {@code x} itself). */
    private INDArray copies(INDArray x) {
        return settings.packing() == 1 ? x : Nd4j.tile(x, 1, settings.packing());
    }

    /**
     * dL_G/dx at the given generated points: the direction G's update pushes each sample, negated. With packing m,
     * the gradient for the pack of m copies of x, summed over the copies (the derivative along moving all of them).
     */
    public INDArray generatorLossInputGradient(INDArray fake) {
        InferenceNetwork inferenceDiscriminator = discriminatorOutput.engine().orElseThrow(() -> new LabException(
                "D has a layer the lab's engine does not run, so its gradient field cannot be drawn"));
        if (energy != null) {
            return EnergyGame.energyInputGradient(inferenceDiscriminator, fake);
        }
        double[] s = inferenceDiscriminator.output(copies(fake)).toDoubleVector();
        double[] eps = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            eps[i] = settings.loss().generatorLossDerivative(s[i]);
        }
        INDArray gradient = inferenceDiscriminator.inputGradient(column(eps));
        int p = settings.packing();
        return p == 1 ? gradient.dup() : gradient.reshape('c', fake.rows(), p, fake.columns()).sum(1);
    }

    private void requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(what, value, iteration);
        }
    }

    /** A column of values in a step array (overwritten by the next column of that length). */
    private INDArray column(double[] values) {
        return step.filled("column", values.length, 1, values);
    }

    /** A batch of real examples in a step array (overwritten by the next step). */
    private INDArray reals(int n) {
        if (table == null) {
            table = data instanceof ExampleSet set ? ExampleTable.of(set, dataType) : java.util.Optional.empty();
        }
        if (table.isPresent()) {
            return table.get().sample(n, rng);
        }
        float[] values = new float[n * dataDim];
        data.sample(n, rng, values);
        return step.filled("real", n, dataDim, values);
    }

    /**
     * Codes z ~ N(0, I) in a step array: the same draws as {@link #sampleLatent}; for a conditional GAN, G's input
     * [z, y] with labels drawn uniformly after the codes (a fresh array).
     */
    private INDArray codes(String role, int n) {
        double[] z = new double[n * latentDim];
        for (int i = 0; i < z.length; i++) {
            z[i] = dataType == DataType.DOUBLE ? rng.nextGaussian() : (float) rng.nextGaussian();
        }
        return info != null ? info.codes().codes(z, n, rng)
                : conditional == null ? step.filled(role, n, latentDim, z) : conditional.codes(z, n, rng);
    }

    /** A real batch as D takes it: the examples, joined to their labels when conditional. */
    private INDArray realInput(int n) {
        if (bigan != null) {
            return bigan.realPairs(reals(n));
        }
        return conditional == null ? reals(n) : conditional.realBatch(n, rng);
    }

    /** G's samples as D takes them: joined to the labels of their codes when conditional. */
    private INDArray generatedInput(INDArray fake, INDArray z) {
        if (bigan != null) {
            return bigan.join(fake, z);
        }
        return conditional == null ? fake : conditional.joinGenerated(fake, z);
    }

    /** InfoGAN's codes and Q head; empty for other GANs. */
    public java.util.Optional<InfoGanHead> infoGan() {
        return java.util.Optional.ofNullable(info);
    }

    /** The BiGAN's encoder and pairs; empty for a GAN without an encoder. */
    public java.util.Optional<BiganPairs> bigan() {
        return java.util.Optional.ofNullable(bigan);
    }

    /** The energy-based GAN's losses; empty for D's score losses. */
    public java.util.Optional<EnergyGame> energy() {
        return java.util.Optional.ofNullable(energy);
    }

    /** The conditional GAN's label joins; empty for an unconditional GAN. */
    public java.util.Optional<ConditionalBatches> conditional() {
        return java.util.Optional.ofNullable(conditional);
    }

    private INDArray flat(INDArray out) {
        return out.rank() == 2 ? out : out.reshape(out.size(0), out.length() / out.size(0));
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
        return exactUnroll;
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
        return energy == null ? settings.describe() : settings.describe() + ", " + energy.settings().describe();
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
        if (info != null && InfoGanCodes.refusal(updated).isPresent()) {
            throw new IllegalArgumentException(InfoGanCodes.refusal(updated).get());
        }
        java.util.Optional<String> biganRefusal = bigan == null ? java.util.Optional.empty()
                : BiganPairs.refusal(updated);
        if (biganRefusal.isPresent()) {
            throw new IllegalArgumentException(biganRefusal.get());
        }
        if (energy != null && EnergyGame.refusal(updated).isPresent()) {
            throw new IllegalArgumentException(EnergyGame.refusal(updated).get());
        }
        if (conditional != null) {
            java.util.Optional<String> refusal = ConditionalBatches.refusal(updated);
            if (refusal.isPresent()) {
                throw new IllegalArgumentException(refusal.get());
            }
        }
        try {
            UnrolledGradient nextUnroll = exactUnroll(updated);
            switchRemedies(updated, false);
            exactUnroll = nextUnroll;
        } catch (LabException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        generator.setLearningRate(updated.generatorOptimizer().learningRate());
        if (bigan != null) {
            bigan.encoder().setLearningRate(updated.generatorOptimizer().learningRate());
        }
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
        return java.util.Optional.ofNullable(generatorAverage);
    }

    /** Historical averaging's running mean of D's past parameters; empty when it is off. */
    public java.util.Optional<HistoricalAverage> discriminatorAverage() {
        return java.util.Optional.ofNullable(discriminatorAverage);
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
