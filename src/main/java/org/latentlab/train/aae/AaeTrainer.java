package org.latentlab.train.aae;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Seeds;
import org.latentlab.data.ExampleSet;
import org.latentlab.engine.TrainingNetwork;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.Host;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.NonFiniteLossException;
import org.latentlab.train.StepArrays;
import org.latentlab.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains an adversarial autoencoder (Makhzani et al. 2016, section 2): each iteration draws one batch and runs the
 * paper's two phases on it,
 * <ol>
 *   <li>reconstruction: the encoder and the decoder take one step on the reconstruction loss;</li>
 *   <li>regularisation: the discriminator takes one step telling prior draws from the codes of the batch, then the
 *   encoder takes one step as its generator, to make its codes pass for prior draws.</li>
 * </ol>
 * The two phases update the encoder with optimisers of their own, as the paper does: the regularisation phase
 * runs on a second copy of the encoder's network ({@code encoderAdversary}), which holds that optimiser's state and
 * whose parameters are made equal to the encoder's before the phase and copied back after it. With
 * {@link AaeSettings#supervised()} (section 2.3) the discriminator sees each code beside its one-hot label and each
 * prior draw beside the label of the example it stands for, drawn from that label's part of the prior.
 *
 * <p>Every random draw of iteration t comes from a generator seeded from (seed, t), so the weights, the optimiser
 * states and the iteration are the whole state: a run resumed from a checkpoint continues bit for bit. Not
 * thread-safe: a {@code TrainingRun} owns it.
 */
public final class AaeTrainer implements Trainer {

    /** One batch: n images (n × d) and their labels (-1 when the set has none). */
    record Batch(int n, double[] x, int[] labels) {
    }

    private final AaeSettings settings;
    private final ExampleSet data;
    private final long seed;
    private final int dim;
    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork encoderAdversary;
    private final MultiLayerNetwork decoder;
    private final MultiLayerNetwork discriminator;
    private final TrainingNetwork enc;
    private final TrainingNetwork encAdv;
    private final TrainingNetwork dec;
    private final TrainingNetwork disc;
    private final StepArrays step;
    private final Random rng = new Random();
    private final NativeMemory memory = new NativeMemory();
    private long iteration;
    private boolean faulted;
    private Map<String, Double> lastLosses = new LinkedHashMap<>();

    public AaeTrainer(AaeSettings settings, ExampleSet data, long seed, DataType dataType) {
        this.settings = settings;
        this.data = data;
        this.seed = seed;
        this.dim = data.dimension();
        if (settings.supervised() && !data.hasLabels()) {
            throw new LabException("the label-conditioned adversarial autoencoder needs labelled data; '"
                    + data.name() + "' has no labels (set aae.supervised to false)");
        }
        this.encoder = NetworkCompiler.compile(AaeNetworks.encoder(settings, dim),
                settings.reconstructionOptimizer(), Seeds.seed(seed, 1), dataType);
        this.encoderAdversary = NetworkCompiler.compile(AaeNetworks.encoder(settings, dim),
                settings.regularisationOptimizer(), Seeds.seed(seed, 1), dataType);
        this.decoder = NetworkCompiler.compile(AaeNetworks.decoder(settings, dim),
                settings.reconstructionOptimizer(), Seeds.seed(seed, 2), dataType);
        this.discriminator = NetworkCompiler.compile(AaeNetworks.discriminator(settings),
                settings.regularisationOptimizer(), Seeds.seed(seed, 3), dataType);
        AaeNetworks.copyParameters(encoder, encoderAdversary);
        this.enc = TrainingNetwork.of(encoder);
        this.encAdv = TrainingNetwork.of(encoderAdversary);
        this.dec = TrainingNetwork.of(decoder);
        this.disc = TrainingNetwork.of(discriminator);
        this.step = new StepArrays(dataType);
    }

    @Override
    public void iterate() {
        reseed(iteration);
        Batch b = batch(settings.batch());
        double[] prior = priorDraws(b);
        Map<String, Double> losses = new LinkedHashMap<>();
        int t = (int) iteration;
        losses.put("reconstruction", reconstructionGradients(b));
        enc.update(t);
        dec.update(t);
        AaeNetworks.copyParameters(encoder, encoderAdversary);
        losses.put("discriminator", discriminatorGradients(b, prior));
        disc.update(t);
        losses.put("encoder adversarial", encoderAdversarialGradients(b));
        encAdv.update(t);
        AaeNetworks.copyParameters(encoderAdversary, encoder);
        requireFinite(losses);
        lastLosses = losses;
        iteration++;
        memory.afterIteration();
    }

    /** n prior draws for the batch: from each example's label's part when supervised, else from the whole prior. */
    double[] priorDraws(Batch b) {
        double[] z = new double[b.n() * settings.code()];
        settings.prior().sample(b.n(), settings.code(), settings.supervised() ? b.labels() : null, rng, z);
        return z;
    }

    /** n training examples drawn uniformly with this iteration's generator. */
    Batch batch(int n) {
        double[] x = new double[n * dim];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            int i = rng.nextInt(data.size());
            float[] e = data.example(i);
            for (int j = 0; j < dim; j++) {
                x[k * dim + j] = e[j];
            }
            labels[k] = data.hasLabels() ? data.label(i) : -1;
        }
        return new Batch(n, x, labels);
    }

    /** Phase 1: the reconstruction loss of the batch, its gradient left in the encoder's and the decoder's views. */
    double reconstructionGradients(Batch b) {
        INDArray out = dec.forward(enc.forward(step.filled("x", b.n(), dim, b.x())));
        double[] o = Host.doubles(out);
        double[] g = new double[o.length];
        double loss = AaeLosses.reconstruction(o, b.x(), b.n(), g);
        enc.backward(dec.backward(step.filled("output gradient", b.n(), dim, g)));
        return loss;
    }

    /** Phase 2a: the discriminator's loss on prior draws against the batch's codes, its gradient in D's view. */
    double discriminatorGradients(Batch b, double[] prior) {
        double[] codes = Host.doubles(encAdv.forward(step.filled("x", b.n(), dim, b.x())));
        int in = settings.discriminatorInput();
        double[] dIn = new double[2 * b.n() * in];
        rows(prior, b, dIn, 0);
        rows(codes, b, dIn, b.n());
        double[] logits = Host.doubles(disc.forward(step.filled("discriminator input", 2L * b.n(), in, dIn)));
        double[] g = new double[logits.length];
        double loss = AaeLosses.discriminator(logits, b.n(), g);
        disc.backward(step.filled("discriminator gradient", 2L * b.n(), 1, g));
        return loss;
    }

    /** Phase 2b: the encoder's adversarial loss, its gradient (through D) in the adversarial encoder's view. */
    double encoderAdversarialGradients(Batch b) {
        int code = settings.code();
        int in = settings.discriminatorInput();
        double[] codes = Host.doubles(encAdv.forward(step.filled("x", b.n(), dim, b.x())));
        double[] dIn = new double[b.n() * in];
        rows(codes, b, dIn, 0);
        double[] logits = Host.doubles(disc.forward(step.filled("generator input", b.n(), in, dIn)));
        double[] g = new double[logits.length];
        double loss = AaeLosses.generator(logits, b.n(), g);
        double[] inputGradient = Host.doubles(disc.inputGradient(step.filled("generator gradient", b.n(), 1, g)));
        double[] codeGradient = new double[b.n() * code];
        for (int i = 0; i < b.n(); i++) {
            System.arraycopy(inputGradient, i * in, codeGradient, i * code, code);
        }
        encAdv.backward(step.filled("code gradient", b.n(), code, codeGradient));
        return loss;
    }

    /** Writes n codes (with their one-hot labels when supervised) into rows {@code from..from+n} of D's input. */
    private void rows(double[] codes, Batch b, double[] dIn, int from) {
        int code = settings.code();
        int in = settings.discriminatorInput();
        for (int i = 0; i < b.n(); i++) {
            System.arraycopy(codes, i * code, dIn, (from + i) * in, code);
            if (settings.supervised()) {
                dIn[(from + i) * in + code + b.labels()[i]] = 1;
            }
        }
    }

    /** The losses of the three phases on a batch, from the networks' inference outputs; nothing changes. */
    Map<String, Double> losses(Batch b, double[] prior) {
        int n = b.n();
        int in = settings.discriminatorInput();
        INDArray x = Nd4j.create(b.x(), new long[] {n, dim}, encoder.params().dataType());
        double[] o = Host.doubles(decoder.output(encoder.output(x, false), false));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("reconstruction", AaeLosses.reconstruction(o, b.x(), n, new double[o.length]));
        double[] codes = Host.doubles(encoderAdversary.output(x, false));
        double[] dIn = new double[2 * n * in];
        rows(prior, b, dIn, 0);
        rows(codes, b, dIn, n);
        double[] logits = Host.doubles(discriminator.output(
                Nd4j.create(dIn, new long[] {2L * n, in}, encoder.params().dataType()), false));
        m.put("discriminator", AaeLosses.discriminator(logits, n, new double[2 * n]));
        double[] fake = java.util.Arrays.copyOfRange(logits, n, 2 * n);
        m.put("encoder adversarial", AaeLosses.generator(fake, n, new double[n]));
        return m;
    }

    /** The codes of n examples (n × d, row-major) in inference mode: n × code. */
    public double[] encode(double[] x, int n) {
        return Host.doubles(encoder.output(Nd4j.create(x, new long[] {n, dim}, encoder.params().dataType()), false));
    }

    /** The decoder's images of n codes: n × d, in [0, 1]. */
    public float[] decode(double[] codes, int n) {
        return Host.floats(decoder.output(Nd4j.create(codes, new long[] {n, settings.code()},
                decoder.params().dataType()), false));
    }

    private void reseed(long counter) {
        long s = Seeds.seed(seed, counter);
        rng.setSeed(s);
        Nd4j.getRandom().setSeed(s ^ 0x94D049BB133111EBL);
    }

    private void requireFinite(Map<String, Double> losses) {
        for (Map.Entry<String, Double> e : losses.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                faulted = true;
                throw new NonFiniteLossException(e.getKey(), e.getValue(), iteration);
            }
        }
    }

    @Override
    public long iteration() {
        return iteration;
    }

    /** Sets the iteration count after a checkpoint's weights and optimiser states were loaded. */
    public void restoreIteration(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("iteration " + n);
        }
        iteration = n;
    }

    @Override
    public List<String> parts() {
        return List.of();
    }

    @Override
    public void setDiagnostics(boolean on) {
        // the three losses are measured every iteration; nothing costlier to switch on
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
    public String describeSettings() {
        return settings.describe(dim);
    }

    public AaeSettings settings() {
        return settings;
    }

    public Map<String, Double> lastLosses() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lastLosses));
    }

    public ExampleSet data() {
        return data;
    }

    public MultiLayerNetwork encoder() {
        return encoder;
    }

    /** The encoder's copy that holds the regularisation phase's optimiser state. */
    public MultiLayerNetwork encoderAdversary() {
        return encoderAdversary;
    }

    public MultiLayerNetwork decoder() {
        return decoder;
    }

    public MultiLayerNetwork discriminator() {
        return discriminator;
    }

    TrainingNetwork encoderPasses() {
        return enc;
    }

    TrainingNetwork encoderAdversaryPasses() {
        return encAdv;
    }

    TrainingNetwork decoderPasses() {
        return dec;
    }

    TrainingNetwork discriminatorPasses() {
        return disc;
    }

    Random random() {
        return rng;
    }
}
