package org.latentlab.train.rbm;

import org.latentlab.core.Seeds;

import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.NonFiniteLossException;
import org.latentlab.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

/**
 * Trains an RBM, or a deep belief net greedily, by CD-k or PCD-k ({@link RbmSettings}). Iteration t trains layer
 * {@code min(t / iterationsPerLayer, layers - 1)} on one batch of {@code batchSize} examples drawn from the data
 * source and propagated up (mean field) through the layers below it; see {@link DeepBeliefNet} and {@link Rbm}.
 *
 * <p>The data must lie in [0, 1] (images scaled with {@code ImageScale.ZERO_TO_ONE}): a batch with a value outside
 * raises a {@link LabException}. A non-finite reconstruction error or free energy raises a
 * {@link NonFiniteLossException}.
 *
 * <p>Every iteration re-seeds its batch generator from (seed, iteration), and each RBM re-seeds its sampler from
 * (its seed, its update count), so two trainers with the same data, settings and seed end with identical
 * parameters, whether or not diagnostics are measured.
 *
 * <p>Not thread-safe: a {@code TrainingRun} owns it on one thread.
 */
public final class RbmTrainer implements Trainer {

    /**
     * What the last iteration measured, before its update: the trained layer, the batch's reconstruction error and
     * mean free energy, the mean free energy of a batch of binary noise of the same size (each input 1 with
     * probability 0.5; NaN when diagnostics were off), and the CD gradient's norm. The gap F(noise) - F(data) is
     * positive once the model prefers data to noise (p(v) ∝ exp(-F(v))).
     */
    public record Stats(long iteration, int layer, double reconstructionError, double dataFreeEnergy,
                        double noiseFreeEnergy, double gradientNorm) {

        /** F(noise) - F(data): how much more probable, in log units, a data example is than a noise one. */
        public double freeEnergyGap() {
            return noiseFreeEnergy - dataFreeEnergy;
        }
    }

    private static final long NOISE_STREAM = 0x4E015EL;
    private static final long GIBBS_STREAM = 0x61BB5L;

    private final DataSource data;
    private final long seed;
    private final DataType dataType;
    private final int dimension;
    private final DeepBeliefNet dbn;
    private final Random rng = new Random();
    private final NativeMemory memory = new NativeMemory();
    private RbmSettings settings;
    private float[] batchBuffer;

    private long iteration;
    private boolean diagnostics;
    private boolean faulted;
    private Stats last = new Stats(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * @param data     examples with values in [0, 1]
     * @param dataType FLOAT normally, DOUBLE for exact checks
     */
    public RbmTrainer(DataSource data, RbmSettings settings, long seed, DataType dataType) {
        this.data = data;
        this.settings = settings;
        this.seed = seed;
        this.dataType = dataType;
        this.dimension = data.dimension();
        this.dbn = new DeepBeliefNet(dimension, settings.hidden(), seed, dataType);
        applyOptimiserSettings();
    }

    @Override
    public void iterate() {
        int layer = currentLayer();
        INDArray batch = sampleBatch(settings.batchSize(), Seeds.seed(seed, iteration));
        Rbm rbm = dbn.rbm(layer);
        Rbm.Stats s = rbm.cdStep(dbn.propagateUp(batch, layer), settings.k(), settings.learningRate(),
                settings.persistent());
        requireFinite("reconstruction error", s.reconstructionError());
        requireFinite("free energy", s.meanFreeEnergy());
        double noise = diagnostics ? noiseFreeEnergy(rbm, settings.batchSize()) : Double.NaN;
        last = new Stats(iteration, layer, s.reconstructionError(), s.meanFreeEnergy(), noise, s.gradientNorm());
        iteration++;
        memory.afterIteration();
    }

    /** Sets the iteration counter of a restored checkpoint (the machines' own states are restored separately). */
    public void restoreIteration(long iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("the iteration cannot be negative: " + iteration);
        }
        this.iteration = iteration;
    }

    /** The layer the next iteration trains: {@code min(iteration / iterationsPerLayer, layers - 1)}. */
    public int currentLayer() {
        long layer = iteration / settings.iterationsPerLayer();
        return (int) Math.min(layer, dbn.layers() - 1);
    }

    private INDArray sampleBatch(int n, long batchSeed) {
        int size = n * dimension;
        if (batchBuffer == null || batchBuffer.length != size) {
            batchBuffer = new float[size];
        }
        rng.setSeed(batchSeed);
        data.sample(n, rng, batchBuffer);
        requireUnitRange(batchBuffer);
        return toArray(batchBuffer, n);
    }

    private void requireUnitRange(float[] values) {
        for (int i = 0; i < values.length; i++) {
            float x = values[i];
            if (!(x >= 0f && x <= 1f)) {
                throw new LabException("An RBM needs data in [0, 1], but '" + data.name() + "' gave " + x
                        + " (example " + i / dimension + ", value " + i % dimension
                        + "): scale images to [0, 1] (ImageScale.ZERO_TO_ONE), or choose another data set");
            }
        }
    }

    private INDArray toArray(float[] values, int n) {
        INDArray x = Nd4j.create(values, new long[] {n, dimension}, 'c');
        return x.dataType() == dataType ? x : x.castTo(dataType);
    }

    /**
     * Mean free energy under the first RBM of n binary noise vectors (each pixel 1 with probability 0.5), drawn with
     * a seed fixed by the iteration: the reference that held-out data's free energy is compared with.
     */
    public double noiseFreeEnergy(int n) {
        return noiseFreeEnergy(dbn.rbm(0), n);
    }

    /** Mean free energy of n binary noise vectors (each unit 1 with probability 0.5) in the RBM's input space. */
    private double noiseFreeEnergy(Rbm rbm, int n) {
        Random noiseRng = new Random(Seeds.seed(seed ^ NOISE_STREAM, iteration));
        INDArray half = Nd4j.valueArrayOf(new long[] {n, rbm.visible()}, 0.5, dataType);
        INDArray noise = rbm.bernoulli(half, noiseRng);
        return rbm.freeEnergy(noise).meanNumber().doubleValue();
    }

    private void requireFinite(String lossName, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteLossException(lossName, value, iteration);
        }
    }

    // ---- what the dashboard shows (all copied out to the host) ----

    /**
     * The RBM the pictures show: the one the last iteration trained (0 before the first), so a picture taken just
     * as layer l finishes is still layer l's.
     */
    public int shownLayer() {
        long last = Math.max(0, iteration - 1);
        return (int) Math.min(last / settings.iterationsPerLayer(), dbn.layers() - 1);
    }

    /**
     * {@code count} images from {@code steps} steps of block Gibbs sampling in the first RBM, each chain started at
     * a data example: the visible probabilities of the last step, row-major {@code count x dimension}. The examples
     * and the sampling are seeded from the trainer's seed, so the same parameters give the same images. The
     * samples of the 1-layer DBN ({@link #dbnSamples} at depth 1).
     */
    public float[] gibbsSamples(int count, int steps) {
        return dbnSamples(1, count, steps, DbnSampler.DownPass.STOCHASTIC);
    }

    /**
     * {@code count} samples of the DBN made of the first {@code depth} RBMs ({@link DbnSampler}): chains started at
     * the representation x<sub>depth-1</sub> of data examples, {@code steps} Gibbs steps in RBM {@code depth}, one
     * pass down; the pixels' probabilities, row-major {@code count x dimension}. Every depth starts from the same
     * examples with the same seed.
     */
    public float[] dbnSamples(int depth, int count, int steps, DbnSampler.DownPass pass) {
        return dbnSamples(depth, count, steps, pass, false);
    }

    /**
     * As {@link #dbnSamples(int, int, int, DbnSampler.DownPass)}, the chains started at binary noise in the top
     * RBM's visible layer (each unit 1 with probability 1/2) when {@code fromNoise}.
     */
    public float[] dbnSamples(int depth, int count, int steps, DbnSampler.DownPass pass, boolean fromNoise) {
        if (count < 1) {
            throw new IllegalArgumentException("ask for at least 1 sample, not " + count);
        }
        INDArray start;
        if (fromNoise) {
            start = DbnSampler.noiseStart(dbn, depth, count, Seeds.seed(seed ^ GIBBS_STREAM, 2));
        } else {
            Random starts = new Random(Seeds.seed(seed ^ GIBBS_STREAM, 0));
            float[] buffer = new float[count * dimension];
            data.sample(count, starts, buffer);
            requireUnitRange(buffer);
            start = DbnSampler.dataStart(dbn, depth, toArray(buffer, count));
        }
        return toFloats(DbnSampler.sample(dbn, depth, start, steps, pass, Seeds.seed(seed ^ GIBBS_STREAM, 1)));
    }

    /**
     * Mean-field reconstructions {@code p(v | h = p(h|v))} by the first RBM of {@code n} examples given row-major in
     * {@code batch} ({@code n x dimension}, values in [0, 1]); the result has the same layout.
     */
    public float[] reconstructions(float[] batch, int n) {
        return reconstructions(batch, n, 0);
    }

    /**
     * Mean-field reconstructions through RBMs 0 to {@code layer}: up to the hidden probabilities of RBM
     * {@code layer}, then down through every RBM's p(v|h) to the pixels ({@link DeepBeliefNet#reconstruct}).
     */
    public float[] reconstructions(float[] batch, int n, int layer) {
        return toFloats(dbn.reconstruct(examples(batch, n), checkedLayer(layer) + 1));
    }

    /**
     * The mean over {@code n} examples of each hidden unit's p(h = 1 | x) in RBM {@code layer}, x the examples
     * propagated up (mean field) through the RBMs below.
     */
    public double[] hiddenActivity(float[] batch, int n, int layer) {
        INDArray h = dbn.propagateUp(examples(batch, n), checkedLayer(layer) + 1);
        return h.mean(0).castTo(DataType.DOUBLE).toDoubleVector();
    }

    private INDArray examples(float[] batch, int n) {
        if (n < 1 || batch.length != n * dimension) {
            throw new IllegalArgumentException("expected " + n + " examples of " + dimension + " values ("
                    + (long) n * dimension + " floats), got " + batch.length);
        }
        requireUnitRange(batch);
        return toArray(batch, n);
    }

    /**
     * The weights of the first RBM's first {@code min(count, hidden)} hidden units, one unit's receptive field per
     * row: row-major {@code min(count, hidden) x dimension}.
     */
    public float[] filters(int count) {
        return filters(count, 0);
    }

    /**
     * The receptive fields in pixel space of RBM {@code layer}'s first {@code min(count, hidden)} hidden units, one
     * per row: the columns of W<sub>0</sub> W<sub>1</sub> ... W<sub>layer</sub>, the linear combination of the
     * lower layers' filters weighted by the unit's weights (Hinton, Osindero &amp; Teh 2006; Erhan, Bengio,
     * Courville &amp; Vincent 2009, "Visualizing higher-layer features of a deep network"). Layer 0 gives its own
     * weights.
     */
    public float[] filters(int count, int layer) {
        Rbm top = dbn.rbm(checkedLayer(layer));
        int shown = Math.min(count, top.hidden());
        if (shown < 1) {
            throw new IllegalArgumentException("ask for at least 1 filter, not " + count);
        }
        INDArray w = top.weights().get(NDArrayIndex.all(), NDArrayIndex.interval(0, shown));
        for (int l = layer - 1; l >= 0; l--) {
            w = dbn.rbm(l).weights().mmul(w);
        }
        return toFloats(w.transpose());
    }

    private int checkedLayer(int layer) {
        if (layer < 0 || layer >= dbn.layers()) {
            throw new IllegalArgumentException("layer " + layer + " of a " + dbn.layers() + "-layer DBN");
        }
        return layer;
    }

    private static float[] toFloats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').reshape(a.length()).toFloatVector();
    }

    // ---- state and settings ----

    /** What the last iteration measured (NaNs before the first). */
    public Stats lastStats() {
        return last;
    }

    /** The trained stack (live; the owner thread only). */
    public DeepBeliefNet deepBeliefNet() {
        return dbn;
    }

    /** RBM {@code layer} of the stack (live; the owner thread only). */
    public Rbm rbm(int layer) {
        return dbn.rbm(layer);
    }

    public RbmSettings settings() {
        return settings;
    }

    /**
     * Changes k, CD/PCD, learning rate, momentum, weight decay, batch size and iterations per layer; the hidden
     * sizes cannot change during a run. Parameters, momentum and persistent chains are kept.
     */
    public void updateSettings(RbmSettings updated) {
        if (!updated.hidden().equals(settings.hidden())) {
            throw new IllegalArgumentException("the hidden layer sizes cannot change during a run (" + settings.hidden()
                    + " -> " + updated.hidden() + "): start a new run");
        }
        settings = updated;
        applyOptimiserSettings();
    }

    private void applyOptimiserSettings() {
        for (Rbm r : dbn.rbms()) {
            r.setMomentum(settings.momentum());
            r.setWeightDecay(settings.weightDecay());
        }
    }

    public DataSource data() {
        return data;
    }

    public long seed() {
        return seed;
    }

    public DataType dataType() {
        return dataType;
    }

    @Override
    public String describeSettings() {
        return settings.describe();
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public void setDiagnostics(boolean on) {
        diagnostics = on;
    }

    public boolean diagnostics() {
        return diagnostics;
    }

    @Override
    public void markFaulted() {
        faulted = true;
    }

    @Override
    public boolean isFaulted() {
        return faulted;
    }
}
