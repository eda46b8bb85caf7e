package org.latentlab.latent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.engine.InferenceNetwork;
import org.latentlab.train.Backend;
import org.latentlab.train.NativeMemory;
import org.nd4j.adapters.OutputAdapter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * What the latent studio explores: a private copy of a decoder (a GAN's generator, an autoencoder's or a VAE's
 * decoder) and, for autoencoders, of the encoder, with what it takes to read them: the code size, the transform
 * from raw outputs to data values (σ for a Bernoulli decoder), the shape and value range of an example, and the
 * prior random codes are drawn from.
 *
 * <p>The factories {@link #clone() clone} the networks they are given, so nothing the caller does to its networks
 * afterwards reaches this model; call them on the thread that owns those networks (a training run's thread, or a
 * checkpoint just loaded). A model is <em>not thread-safe</em>: confine it to one thread, e.g. the worker of a
 * {@link DecodeService}. New parameters (a training run's published {@code params().dup()}) are copied in with
 * {@link #setParameters}. The conditional, InfoGAN and BiGAN generators, whose input or encoder differs, and the
 * model of a live trainer come from {@link LatentModels}.
 *
 * <p>Decoding runs on the lab's engine when it compiles the decoder ({@link InferenceNetwork}: dense chains, and
 * chains with convolutions, transposed convolutions and batch normalisation in inference mode), with a plan per
 * batch size whose arrays are allocated once; otherwise on DL4J's layer objects. Both give the same values. The
 * single-code path ({@link #decodeInto}) reuses its input row (and on DL4J's path reads the output inside DL4J's
 * inference workspace), so a slider allocates almost no native memory; batched calls let the lab's
 * {@code NativeMemory} collect now and then (ND4J's buffers are freed only when Java collects their owners).
 *
 * <p>Decoded values are data values (in the range of {@link #scale()}); {@link #toDisplay} maps them to [0, 1].
 */
public final class LatentModel implements Decoder {

    private static final int BATCH = 512;

    private final ModelKind kind;
    private final MultiLayerNetwork decoder;
    private final MultiLayerNetwork encoder;
    private final int codeSize;
    /** Where the code (and a conditional or InfoGAN G's one-hot block) goes in the decoder's input. */
    private final CodeLayout layout;
    private final OutputTransform transform;
    private final ImageShape shape;
    private final ImageScale scale;
    private final DataType dataType;
    private volatile CodePrior prior;
    private final NativeMemory memory = new NativeMemory();
    /** The decoder on the engine, or null when the engine does not compile it. */
    private final InferenceNetwork engine;
    private boolean useEngine = true;
    /** The last thread the engine's passes ran on with the lab's OpenMP setting applied. */
    private Thread engineThread;
    /** The class every decode asks a conditional G for; set from any thread, read by the decoding one. */
    private volatile int label;

    // the single-code path: one input row reused across calls, filled from a reused host array
    private final INDArray oneInput;
    private final double[] oneCodeD;
    private final float[] oneCodeF;

    /** A model of the networks as they are (not cloned): {@link #of} and {@link LatentModels} clone them first. */
    LatentModel(ModelKind kind, MultiLayerNetwork decoder, MultiLayerNetwork encoder, CodeLayout layout,
                OutputTransform transform, ImageShape shape, ImageScale scale) {
        this.kind = kind;
        this.decoder = decoder;
        this.encoder = encoder;
        this.codeSize = layout.codeSize();
        this.layout = layout;
        this.transform = transform;
        this.shape = shape;
        this.scale = scale;
        this.dataType = decoder.params().dataType();
        this.prior = kind.hasPrior() ? CodePrior.standardNormal(codeSize) : null;
        int width = layout.width();
        this.oneInput = Nd4j.create(dataType, 1, width);
        this.oneCodeD = dataType == DataType.DOUBLE ? new double[width] : null;
        this.oneCodeF = dataType == DataType.DOUBLE ? null : new float[width];
        checkDecoder();
        checkEncoder();
        this.engine = InferenceNetwork.of(decoder).orElse(null);
    }

    /**
     * A GAN generator G: z (codeSize) -> example. Prior: N(0, I), the noise the lab's GANs are trained with.
     *
     * @param scale the value range of the data G was trained on (tanh generators: {@code MINUS_ONE_TO_ONE}); null
     *              for vector data, which is shown as it is
     */
    public static LatentModel generator(MultiLayerNetwork generator, int codeSize, ImageShape shape,
                                        ImageScale scale) {
        return of(ModelKind.GAN_GENERATOR, generator, null, codeSize, OutputTransform.IDENTITY, shape, scale);
    }

    /** A plain autoencoder; the code size is read from the encoder's output. No prior until {@link #setPrior}. */
    public static LatentModel autoencoder(MultiLayerNetwork encoder, MultiLayerNetwork decoder,
                                          OutputTransform transform, ImageShape shape, ImageScale scale) {
        return of(ModelKind.AE_DECODER, decoder, encoder, encoderOutputs(encoder, shape), transform, shape, scale);
    }

    /** A VAE whose encoder outputs [μ, log σ²] side by side (2k values); the code size k is read from it. */
    public static LatentModel vae(MultiLayerNetwork encoder, MultiLayerNetwork decoder, OutputTransform transform,
                                  ImageShape shape, ImageScale scale) {
        int out = encoderOutputs(encoder, shape);
        if (out % 2 != 0) {
            throw new LabException("a VAE's encoder outputs the mean and the log-variance side by side, so its output"
                    + " size must be even, not " + out);
        }
        return of(ModelKind.VAE_DECODER, decoder, encoder, out / 2, transform, shape, scale);
    }

    /** The general factory (the networks are cloned); {@code encoder} may be null for every kind. */
    public static LatentModel of(ModelKind kind, MultiLayerNetwork decoder, MultiLayerNetwork encoder, int codeSize,
                                 OutputTransform transform, ImageShape shape, ImageScale scale) {
        if (kind == null || decoder == null || transform == null || shape == null) {
            throw new IllegalArgumentException("a latent model needs a kind, a decoder, an output transform and a"
                    + " shape");
        }
        if (codeSize < 1) {
            throw new IllegalArgumentException("code size must be >= 1, not " + codeSize);
        }
        if (kind == ModelKind.GAN_GENERATOR && encoder != null) {
            throw new IllegalArgumentException("a GAN generator has no encoder: invert G instead (Inversion)");
        }
        return new LatentModel(kind, decoder.clone(), encoder == null ? null : encoder.clone(),
                CodeLayout.plain(codeSize), transform, shape, scale);
    }

    /** Whether this is an InfoGAN's G, whose {@link #labelNames} are the values of its categorical code. */
    public boolean isInfoGan() {
        return layout.infoGan();
    }

    /** An InfoGAN's continuous codes: the last values of the code; 0 for every other model. */
    public int continuousCodes() {
        return layout.continuous();
    }

    /** A conditional G's class names; empty for every other model. */
    public java.util.List<String> labelNames() {
        return layout.labelNames();
    }

    /** The class a conditional G is asked for. */
    public int label() {
        return label;
    }

    /** Asks a conditional G for class {@code k} in every later decode. */
    public void setLabel(int k) {
        if (k < 0 || k >= layout.labelNames().size()) {
            throw new IllegalArgumentException("class " + k + " is not one of the " + layout.labelNames().size()
                    + " classes");
        }
        label = k;
    }

    /** The size of the encoder's output for one example of {@code shape}. */
    static int encoderOutputs(MultiLayerNetwork encoder, ImageShape shape) {
        if (encoder == null) {
            throw new IllegalArgumentException("an autoencoder needs its encoder");
        }
        INDArray out;
        try {
            out = encoder.output(Nd4j.zeros(encoder.params().dataType(), 1, shape.size()), false);
        } catch (RuntimeException e) {
            throw new LabException("the encoder does not take examples of " + shape.size() + " values (" + shape
                    + "): " + e.getMessage(), e);
        }
        return (int) (out.length() / out.size(0));
    }

    private void checkDecoder() {
        INDArray out;
        try {
            out = decoder.output(Nd4j.zeros(dataType, 1, layout.width()), false);
        } catch (RuntimeException e) {
            throw new LabException("the " + kind + " does not take codes of size " + codeSize + ": "
                    + e.getMessage(), e);
        }
        if (out.length() != shape.size()) {
            throw new LabException("the " + kind + " outputs " + out.length() + " values per example but the"
                    + " examples are " + shape + " (" + shape.size() + " values): give the right shape or decoder");
        }
    }

    private void checkEncoder() {
        if (encoder == null) {
            return;
        }
        int out = encoderOutputs(encoder, shape);
        int expected = kind == ModelKind.VAE_DECODER ? 2 * codeSize : codeSize;
        if (out != expected) {
            throw new LabException("the encoder outputs " + out + " values but the " + kind + " takes codes of "
                    + codeSize + (kind == ModelKind.VAE_DECODER ? " (a VAE's encoder outputs 2 x code size)" : ""));
        }
    }

    // ---- what the model is

    public ModelKind kind() {
        return kind;
    }

    public int codeSize() {
        return codeSize;
    }

    public ImageShape shape() {
        return shape;
    }

    /** The value range of the data, or null for vector data shown as it is. */
    public ImageScale scale() {
        return scale;
    }

    public OutputTransform transform() {
        return transform;
    }

    public boolean hasEncoder() {
        return encoder != null;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The prior random codes come from: N(0, I) for GANs and VAEs, empty for a plain AE until one is set. */
    public Optional<CodePrior> prior() {
        return Optional.ofNullable(prior);
    }

    /** Replaces the prior (e.g. with {@link CodePrior#fit} of encoded data for a plain autoencoder). */
    public void setPrior(CodePrior prior) {
        if (prior != null && prior.dimension() != codeSize) {
            throw new IllegalArgumentException("a prior over " + prior.dimension() + " dimensions does not fit codes"
                    + " of " + codeSize);
        }
        this.prior = prior;
    }

    /** Encodes examples of the set, fits a Gaussian to their codes, makes it the prior and returns it. */
    public CodePrior fitPrior(ExampleSet set, int maxExamples, long seed) {
        CodePrior fitted = CodePrior.fit(encode(set, maxExamples, seed).codes());
        setPrior(fitted);
        return fitted;
    }

    /**
     * n codes drawn from the prior.
     *
     * @throws LabException for a plain autoencoder without a fitted prior
     */
    public double[][] randomCodes(int n, Random rng) {
        CodePrior p = prior;
        if (p == null) {
            throw new LabException("a plain autoencoder has no prior to draw codes from: fit one to encoded"
                    + " examples first (fitPrior)");
        }
        return p.sample(n, rng);
    }

    // ---- decode

    /** Data values for a batch of codes (inference mode), each a fresh array of {@link ImageShape#size()} values. */
    @Override
    public float[][] decode(double[][] codes) {
        if (codes.length == 1) {
            return new float[][] {decode(codes[0])};
        }
        float[][] images = new float[codes.length][];
        for (int from = 0; from < codes.length; from += BATCH) {
            int n = Math.min(BATCH, codes.length - from);
            int width = layout.width();
            int y = label;
            double[] flat = new double[n * width];
            for (int i = 0; i < n; i++) {
                LatentArithmetic.requireSize(codes[from + i], codeSize);
                layout.fill(codes[from + i], y, flat, i * width);
            }
            INDArray input = Nd4j.create(flat, new long[] {n, width}, dataType);
            float[] out = onEngine() ? NetworkOutputs.FLOATS.apply(engine().output(input))
                    : decoder.output(input, null, null, NetworkOutputs.FLOATS);
            transform.applyInPlace(out);
            int d = shape.size();
            for (int i = 0; i < n; i++) {
                images[from + i] = Arrays.copyOfRange(out, i * d, (i + 1) * d);
            }
            memory.afterIteration();
        }
        return images;
    }

    /** One code's data values (a fresh array): the slider path. */
    public float[] decode(double[] code) {
        return decodeInto(code, new float[shape.size()]);
    }

    /**
     * One code's data values written into {@code out} (of {@link ImageShape#size()} values), reusing this model's
     * input row: the cheapest decode, a few milliseconds for an MLP decoder.
     */
    public float[] decodeInto(double[] code, float[] out) {
        LatentArithmetic.requireSize(code, codeSize);
        if (out.length != shape.size()) {
            throw new IllegalArgumentException("out must hold " + shape.size() + " values, not " + out.length);
        }
        int y = label;
        if (oneCodeD != null) {
            layout.fill(code, y, oneCodeD, 0);
            oneInput.data().setData(oneCodeD);
        } else {
            layout.fill(code, y, oneCodeF);
            oneInput.data().setData(oneCodeF);
        }
        if (onEngine()) {
            NetworkOutputs.copy(engine().output(oneInput), out);
        } else {
            decoder.output(oneInput, null, null, (OutputAdapter<Void>) outputs -> {
                NetworkOutputs.copy(outputs[0], out);
                return null;
            });
        }
        transform.applyInPlace(out);
        return out;
    }

    // ---- encode

    /**
     * The codes of examples (flat data values, n x {@link ImageShape#size()}): the encoder's output, or μ for a
     * VAE. Inference mode.
     *
     * @throws LabException for a GAN generator, which has no encoder (invert it: {@link Inversion})
     */
    public double[][] encode(float[][] images) {
        double[][] raw = encoderOutput(images);
        if (kind != ModelKind.VAE_DECODER) {
            return raw;
        }
        double[][] mu = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            mu[i] = Arrays.copyOf(raw[i], codeSize);
        }
        return mu;
    }

    /** The encoder's raw outputs: the code, or [μ, log σ²] (2k values) for a VAE. */
    public double[][] encoderOutput(float[][] images) {
        if (encoder == null) {
            throw new LabException("a " + kind + " has no encoder: find codes for images by inversion instead");
        }
        int d = shape.size();
        double[][] codes = new double[images.length][];
        for (int from = 0; from < images.length; from += BATCH) {
            int n = Math.min(BATCH, images.length - from);
            float[] flat = new float[n * d];
            for (int i = 0; i < n; i++) {
                if (images[from + i].length != d) {
                    throw new IllegalArgumentException("examples must have " + d + " values, not "
                            + images[from + i].length);
                }
                System.arraycopy(images[from + i], 0, flat, i * d, d);
            }
            INDArray x = Nd4j.create(flat, new long[] {n, d}).castTo(dataType);
            INDArray out = encoder.output(x, false);
            int w = (int) (out.length() / n);
            double[] v = out.dup('c').data().asDouble();
            for (int i = 0; i < n; i++) {
                codes[from + i] = Arrays.copyOfRange(v, i * w, (i + 1) * w);
            }
            memory.afterIteration();
        }
        return codes;
    }

    /**
     * Encodes up to {@code maxExamples} examples of the set: all of them when the set is no larger, else a subset
     * drawn without replacement with {@code seed} (in increasing index order).
     */
    public EncodedSet encode(ExampleSet set, int maxExamples, long seed) {
        int[] indices = EncodedSet.pick(set.size(), maxExamples, seed);
        float[][] images = new float[indices.length][];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            images[i] = set.example(indices[i]);
            labels[i] = set.hasLabels() ? set.label(indices[i]) : -1;
        }
        return new EncodedSet(encode(images), indices, labels);
    }

    // ---- display and parameters

    /** Data values mapped to [0, 1] for drawing (clamped); vector data is returned as it is. */
    public float[] toDisplay(float[] values) {
        return toDisplay(values, scale);
    }

    /**
     * Data values in {@code scale}'s range mapped to [0, 1] for drawing, clamped: the one conversion for decoded
     * images and examples alike (an example is a data value in the range its model was trained on). A null scale
     * (vector data) returns the values as they are.
     */
    public static float[] toDisplay(float[] values, ImageScale scale) {
        float[] out = values.clone();
        if (scale == ImageScale.MINUS_ONE_TO_ONE) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(1f, Math.max(0f, (out[i] + 1f) * 0.5f));
            }
        } else if (scale == ImageScale.ZERO_TO_ONE) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(1f, Math.max(0f, out[i]));
            }
        }
        return out;
    }

    /**
     * Copies new parameters into the private networks (e.g. a training run's published {@code params().dup()});
     * {@code encoderParams} may be null to keep the encoder's. Call on the thread that uses this model.
     */
    public void setParameters(INDArray decoderParams, INDArray encoderParams) {
        if (decoderParams.length() != decoder.numParams()) {
            throw new IllegalArgumentException("the decoder has " + decoder.numParams() + " parameters, not "
                    + decoderParams.length());
        }
        decoder.setParams(decoderParams);
        if (encoderParams != null) {
            if (encoder == null || encoderParams.length() != encoder.numParams()) {
                throw new IllegalArgumentException("encoder parameters given for " + (encoder == null
                        ? "a model without an encoder" : "an encoder of " + encoder.numParams() + " parameters"));
            }
            encoder.setParams(encoderParams);
        }
    }

    /** The private decoder network, for {@link Inversion} (same thread rules). */
    MultiLayerNetwork decoderNetwork() {
        return decoder;
    }

    /** The private decoder on the engine, for {@link Inversion} (same thread rules); empty on DL4J's path. */
    Optional<InferenceNetwork> decoderOnEngine() {
        return onEngine() ? Optional.of(engine()) : Optional.empty();
    }

    /**
     * The decoder on the engine, with the lab's OpenMP thread count applied to the calling thread first (a
     * per-thread setting: a oneDNN convolution on a thread without it ran 50 times slower while other work used
     * the CPU). Once per thread.
     */
    private InferenceNetwork engine() {
        Thread t = Thread.currentThread();
        if (t != engineThread) {
            Backend.applyToCurrentThread();
            engineThread = t;
        }
        return engine;
    }

    /** Whether decoding and inversion run on the lab's engine (else on DL4J's layer objects). */
    public boolean onEngine() {
        return engine != null && useEngine;
    }

    /**
     * Runs decoding and inversion on the engine where it compiles the decoder ({@code true}, the default) or on
     * DL4J's layer objects ({@code false}): the same values either way, for comparing the two and timing them.
     * Call on the thread that uses this model.
     */
    public void useEngine(boolean on) {
        useEngine = on;
    }

    /** "VAE decoder 20 -> 1x28x28, sigmoid output, prior N(0, I) over 20 dimensions". */
    @Override
    public String toString() {
        return kind + " " + codeSize + " -> " + shape + (transform == OutputTransform.SIGMOID ? ", sigmoid output" : "")
                + (encoder != null ? ", with encoder" : "") + ", prior " + (prior == null ? "none (fit one to"
                + " encoded examples)" : prior.toString());
    }
}
