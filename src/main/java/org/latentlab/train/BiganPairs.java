package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.engine.InferenceOutput;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The bidirectional GAN's pairs (Donahue, Krähenbühl and Darrell 2017, "Adversarial feature learning", section 3;
 * ALI, Dumoulin et al. 2017, is the same game with a stochastic encoder): an encoder E: x → z is learned beside G,
 * and D judges joint pairs, real pairs (x, E(x)) against generated pairs (G(z), z). The encoder here is deterministic
 * (BiGAN); ALI's encoder would output a mean and a scale and sample z = μ(x) + σ(x)·ε.
 *
 * <p>D's input is the example followed by the code, as the conditional GAN joins its labels: for a D that takes
 * flat vectors, [x, z] (d + latent values); for a convolutional D, z as {@code latent} constant planes after the
 * image's channels (C + latent channels of H × W, in the lab's flat channel-major layout the example followed by
 * one run of H·W copies of each z_k), so that every spatial position of D's first convolution sees the whole code.
 *
 * <p>E and G share the game's loss against D with the pair's roles swapped (section 3.4 of Donahue et al. trains
 * them on the inverted labels): G's loss on a generated pair is l_G(s), E's on a real pair l_G(−s), where s is D's
 * raw score and l_G G's loss of the chosen GAN loss. For the non-saturating loss this is −log σ(s) for G and
 * −log(1 − σ(s)) for E: each pushes its pair towards the other side. The losses for which l_G(−s) is the loss of a
 * real pair judged as generated are those of {@link #ACCEPTED}.
 *
 * <p>Owns E on the trainer's thread; the arrays it returns are fresh unless said to be live. The BiGAN's
 * {@link GanVariant}: D's input the pairs, E stepped after each G update against the same D, E in checkpoints.
 */
public final class BiganPairs implements GanVariant {

    /** The losses for which l_G(−s) is the right E loss: G's loss is a function of the score alone, odd in roles. */
    public static final java.util.Set<GanLoss> ACCEPTED = java.util.EnumSet.of(GanLoss.NON_SATURATING,
            GanLoss.MINIMAX, GanLoss.WGAN, GanLoss.HINGE);

    private final MultiLayerNetwork encoder;
    private final TrainingNetwork e;
    private final InferenceOutput encoderOutput;
    private final int latentDim;
    private final int dataDim;
    private final int planeSize;
    private final DataType type;
    private double lastEncoderLoss = Double.NaN;
    /** The trainer's D and step arrays ({@link #attach}). */
    private Game game;

    /**
     * @param encoder   E, flat examples [n, d] to codes [n, latent], compiled with its own optimiser
     * @param planeSize 1 when D takes flat vectors (z appended once), H·W when D is convolutional (z as planes)
     */
    public BiganPairs(MultiLayerNetwork encoder, int latentDim, int dataDim, int planeSize) {
        if (latentDim < 1 || dataDim < 1 || planeSize < 1 || dataDim % planeSize != 0) {
            throw new IllegalArgumentException("bad sizes: latent " + latentDim + ", data " + dataDim + ", plane "
                    + planeSize);
        }
        this.encoder = encoder;
        this.e = TrainingNetwork.of(encoder);
        this.encoderOutput = new InferenceOutput(encoder);
        this.latentDim = latentDim;
        this.dataDim = dataDim;
        this.planeSize = planeSize;
        this.type = encoder.params().dataType();
    }

    /** Why a BiGAN cannot train with these settings, or empty when it can. */
    public static java.util.Optional<String> refusal(GanSettings s) {
        String what = null;
        if (!ACCEPTED.contains(s.loss())) {
            what = "the " + s.loss().id() + " loss (E's loss is G's loss with the pair's roles swapped, which holds"
                    + " for nonsaturating, minimax, wgan and hinge): use one of those";
        } else if (s.packing() > 1) {
            what = "packing (a pack would need one code per packed example): set training.packing to 1";
        } else if (s.r1Gamma() > 0) {
            what = "R1 (its penalty would differentiate D along the code inputs too): set training.r1Gamma to 0";
        } else if (s.instanceNoise() > 0) {
            what = "instance noise (it would blur the codes as well): set training.instanceNoise to 0";
        } else if (s.matchesFeatures()) {
            what = "feature matching (E has no loss through D's features): set training.featureMatching to \"\"";
        } else if (s.unrollSteps() > 0) {
            what = "unrolling (the look-ahead is written for G alone): set training.unrollSteps to 0";
        } else if (s.historicalAveraging() > 0) {
            what = "historical averaging (E keeps no average): set training.historicalAveraging to 0";
        }
        return what == null ? java.util.Optional.empty() : java.util.Optional.of("a BiGAN cannot use " + what);
    }

    @Override
    public void attach(Game game) {
        this.game = game;
    }

    @Override
    public java.util.Optional<String> settingsRefusal(GanSettings settings) {
        return refusal(settings);
    }

    @Override
    public int discriminatorInputSize(int packedSize) {
        return discriminatorInputSize();
    }

    @Override
    public INDArray generatorInput(double[] z, int n, java.util.Random rng) {
        return game.step().filled("z", n, game.latentDim(), z);
    }

    @Override
    public INDArray realInput(int n, java.util.Random rng, Step step) {
        return realPairs(step.reals(n));
    }

    @Override
    public INDArray generatedInput(INDArray fake, INDArray gInput) {
        return join(fake, gInput);
    }

    @Override
    public INDArray score(INDArray x, java.util.function.UnaryOperator<INDArray> discriminator) {
        return scoreAsRealPairs(x, discriminator);
    }

    /**
     * E's step against the same D, on a real batch drawn after G's codes (Donahue et al. 2017: E and G take one joint
     * step; D is unchanged between the two).
     */
    @Override
    public void afterGeneratorUpdate(int updates, Step step) {
        encoderGradient(step.reals(step.settings().batchSize()), game.d(), step.settings().loss());
        step.requireFinite("E loss", lastEncoderLoss);
        update(updates);
    }

    @Override
    public void settingsChanged(GanSettings settings) {
        encoder.setLearningRate(settings.generatorOptimizer().learningRate());
    }

    @Override
    public java.util.Map<String, MultiLayerNetwork> checkpointNetworks() {
        return java.util.Map.of("E", encoder);
    }

    public MultiLayerNetwork encoder() {
        return encoder;
    }

    public int latentDim() {
        return latentDim;
    }

    /** D's input size: d + latent (flat D) or (C + latent)·H·W (convolutional D). */
    public int discriminatorInputSize() {
        return dataDim + latentDim * planeSize;
    }

    /** The values each code entry fills in D's input: 1 for a flat D, H·W (one plane) for a convolutional D. */
    public int planeSize() {
        return planeSize;
    }

    /** Examples [n, d] (any shape with n rows) joined to codes [n, latent]: D's input, fresh. */
    public INDArray join(INDArray x, INDArray z) {
        int n = (int) x.rows();
        INDArray planes = planeSize == 1 ? z
                : Nd4j.tile(z.reshape('c', n, latentDim, 1), 1, 1, planeSize).reshape('c', n, (long) latentDim * planeSize);
        return Nd4j.hstack(x.reshape('c', n, dataDim).castTo(type), planes.castTo(type));
    }

    /** dL/dx of the examples from dL/d(D's input): the first d columns (a view). */
    @Override
    public INDArray exampleGradient(INDArray joinedGradient) {
        return joinedGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, dataDim));
    }

    /** dL/dz of the codes from dL/d(D's input): the code columns, each plane summed to its entry (fresh). */
    public INDArray codeGradient(INDArray joinedGradient) {
        int n = (int) joinedGradient.rows();
        INDArray tail = joinedGradient.get(NDArrayIndex.all(),
                NDArrayIndex.interval(dataDim, dataDim + (long) latentDim * planeSize)).dup('c');
        return planeSize == 1 ? tail : tail.reshape('c', n, latentDim, planeSize).sum(2);
    }

    /** Real pairs (x, E(x)) for D's step, E in training mode; fresh. */
    INDArray realPairs(INDArray x) {
        return join(x, e.forward(x));
    }

    /** E's codes of examples [n, d] in inference mode, [n, latent]. */
    public INDArray encode(INDArray x) {
        return encoderOutput.of(x);
    }

    /** D's inference-mode scores of examples as real pairs (x, E(x)), given D's inference pass. */
    INDArray scoreAsRealPairs(INDArray x, java.util.function.UnaryOperator<INDArray> discriminator) {
        return discriminator.apply(join(x, encode(x)));
    }

    /**
     * E's loss on a real batch, l_G(−s) averaged over the real pairs (x, E(x)) with s D's training-mode score, and
     * its gradient ∂L_E/∂θ_E, left in E's live gradient view and returned (not applied). D's parameters and gradient
     * are left alone (D's input gradient only).
     */
    INDArray encoderGradient(INDArray x, TrainingNetwork d, GanLoss loss) {
        int n = (int) x.rows();
        INDArray code = e.forward(x);
        double[] s = d.forward(join(x, code)).toDoubleVector();
        double[] eps = new double[n];
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += loss.generatorLoss(-s[i]) / n;
            eps[i] = -loss.generatorLossDerivative(-s[i]) / n;
        }
        lastEncoderLoss = value;
        INDArray joined = d.inputGradient(Nd4j.createFromArray(eps).reshape(n, 1).castTo(type));
        e.backward(codeGradient(joined));
        return e.gradient();
    }

    /** One optimiser step of E from its gradient ({@code updates} made before it). */
    void update(int updates) {
        e.update(updates);
    }

    /** E's loss at its last gradient, NaN before the first. */
    public double lastEncoderLoss() {
        return lastEncoderLoss;
    }
}
