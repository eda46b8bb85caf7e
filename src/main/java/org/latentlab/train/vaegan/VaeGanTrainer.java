package org.latentlab.train.vaegan;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Seeds;
import org.latentlab.data.DataSource;
import org.latentlab.engine.TrainingNetwork;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.NonFiniteLossException;
import org.latentlab.train.StepArrays;
import org.latentlab.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Trains a VAE-GAN (Larsen, Sønderby, Larochelle and Winther 2016) on the lab's engine: an encoder giving
 * [μ, log σ²], a decoder (logits; images are their sigmoid) that is both the VAE's decoder and the GAN's
 * generator, and a discriminator (one logit) whose named layer Dis_l measures the reconstruction. One
 * {@link #iterate()} is one step of the paper's Algorithm 1 ({@link VaeGanStep}): the three gradients at the same
 * parameters, then one optimiser step of each network.
 *
 * <p>Each iteration draws its batch, its noise ε and its prior codes from a generator seeded by the run's seed and
 * the iteration's number ({@link Seeds}), so the parameters, the optimisers' states and the counters are the whole
 * state: a run restored from a checkpoint continues bit for bit. Owned by one thread.
 */
public final class VaeGanTrainer implements Trainer {

    /** The three networks' losses, as the status line, the bench's chart and metrics.csv name them. */
    public static final String ENCODER_LOSS = "encoder: KL + feature reconstruction";
    public static final String DECODER_LOSS = "decoder: gamma x feature reconstruction + GAN";
    public static final String DISCRIMINATOR_LOSS = "discriminator: GAN";

    private final MultiLayerNetwork encoderNet;
    private final MultiLayerNetwork decoderNet;
    private final MultiLayerNetwork discriminatorNet;
    private final TrainingNetwork encoder;
    private final TrainingNetwork decoder;
    private final TrainingNetwork discriminator;
    private final VaeGanStep step;
    private final DataSource data;
    private final long seed;
    private final int dataDim;
    private final int codeDim;
    private final NativeMemory memory = new NativeMemory();
    private VaeGanSettings settings;
    private long iteration;
    private long updates;
    private boolean faulted;
    private VaeGanStep.Losses last;

    /**
     * @throws LabException when the networks do not fit together or the feature layer cannot be run on the engine
     */
    public VaeGanTrainer(MultiLayerNetwork encoder, MultiLayerNetwork decoder, MultiLayerNetwork discriminator,
                         DataSource data, VaeGanSettings settings, long seed) {
        this.encoderNet = encoder;
        this.decoderNet = decoder;
        this.discriminatorNet = discriminator;
        this.data = data;
        this.settings = settings;
        this.seed = seed;
        this.dataDim = data.dimension();
        DataType type = encoder.params().dataType();
        this.encoder = TrainingNetwork.of(encoder);
        this.decoder = TrainingNetwork.of(decoder);
        this.discriminator = TrainingNetwork.of(discriminator);
        TrainingNetwork features;
        try {
            features = TrainingNetwork.prefix(discriminator, settings.featureLayer()).orElseThrow(() ->
                    new LabException("vaegan.featureLayer '" + settings.featureLayer() + "': the lab's engine does"
                            + " not run the discriminator's layers up to it; use dense and activation layers there"));
        } catch (IllegalArgumentException e) {
            throw new LabException("vaegan.featureLayer: " + e.getMessage(), e);
        }
        long encoderOut = encoder.layerSize(encoder.getnLayers() - 1);
        this.codeDim = (int) (encoderOut / 2);
        this.step = new VaeGanStep(this.encoder, this.decoder, this.discriminator, features, new StepArrays(type));
    }

    @Override
    public void iterate() {
        Random rng = new Random(Seeds.seed(seed, iteration));
        int n = settings.batchSize();
        float[] batch = new float[n * dataDim];
        data.sample(n, rng, batch);
        double[] x = new double[batch.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = batch[i];
        }
        VaeGanStep.Losses l = step.run(x, gaussian(n * codeDim, rng), gaussian(n * codeDim, rng), n, dataDim,
                codeDim, settings, true);
        requireFinite(l);
        encoder.update((int) updates);
        decoder.update((int) updates);
        discriminator.update((int) updates);
        updates++;
        last = l;
        iteration++;
        memory.afterIteration();
    }

    /**
     * The losses of the batch {@code x} ([n, data], row-major) with the noise and prior codes given, and with
     * {@code gradients} each network's gradient of its own loss in its gradient view; nothing applied. For tests and
     * measurements on the owner's thread.
     */
    public Map<String, Double> losses(double[] x, double[] eps, double[] prior, boolean gradients) {
        int n = x.length / dataDim;
        return named(step.run(x, eps, prior, n, dataDim, codeDim, settings, gradients));
    }

    private static double[] gaussian(int count, Random rng) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = rng.nextGaussian();
        }
        return g;
    }

    private void requireFinite(VaeGanStep.Losses l) {
        String bad = !Double.isFinite(l.encoder()) ? ENCODER_LOSS : !Double.isFinite(l.decoder()) ? DECODER_LOSS
                : !Double.isFinite(l.discriminator()) ? DISCRIMINATOR_LOSS : null;
        if (bad != null) {
            faulted = true;
            throw new NonFiniteLossException(bad, Double.NaN, iteration);
        }
    }

    private static Map<String, Double> named(VaeGanStep.Losses l) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(ENCODER_LOSS, l.encoder());
        m.put(DECODER_LOSS, l.decoder());
        m.put(DISCRIMINATOR_LOSS, l.discriminator());
        m.put("KL", l.prior());
        m.put("feature reconstruction", l.featureReconstruction());
        m.put("GAN (decoder)", l.decoderGan());
        return m;
    }

    /** The three networks' losses of the last step (empty before the first). */
    public Map<String, Double> lastLosses() {
        if (last == null) {
            return Map.of();
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(ENCODER_LOSS, last.encoder());
        m.put(DECODER_LOSS, last.decoder());
        m.put(DISCRIMINATOR_LOSS, last.discriminator());
        return m;
    }

    /** Every part of the last step's losses (the three networks' and their terms), empty before the first. */
    public Map<String, Double> lastLossParts() {
        return last == null ? Map.of() : named(last);
    }

    public MultiLayerNetwork encoder() {
        return encoderNet;
    }

    public MultiLayerNetwork decoder() {
        return decoderNet;
    }

    public MultiLayerNetwork discriminator() {
        return discriminatorNet;
    }

    /** The images trained on. */
    public DataSource data() {
        return data;
    }

    public VaeGanSettings settings() {
        return settings;
    }

    /** Settings changed between steps (γ); the networks and the feature layer stay. */
    public void updateSettings(VaeGanSettings s) {
        if (!s.featureLayer().equals(settings.featureLayer()) || s.batchSize() != settings.batchSize()) {
            throw new LabException("the feature layer and the batch size are fixed when a VAE-GAN is built");
        }
        settings = s;
    }

    public int codeDim() {
        return codeDim;
    }

    public long updates() {
        return updates;
    }

    /** The counters of a restored checkpoint (its parameters and optimiser states already copied in). */
    public void restoreCounters(long iterations, long updateCount) {
        if (iterations < 0 || updateCount < 0) {
            throw new IllegalArgumentException("counters are 0 or more, not " + iterations + ", " + updateCount);
        }
        iteration = iterations;
        updates = updateCount;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public void setDiagnostics(boolean on) {
        // every step measures its losses: the metrics rows must not depend on when the screen looks
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
        return "VAE-GAN, " + settings.describe();
    }
}
