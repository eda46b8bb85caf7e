package org.latentlab.train.classifier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Seeds;
import org.latentlab.data.ExampleSet;
import org.latentlab.engine.LossHead;
import org.latentlab.engine.TrainingNetwork;
import org.latentlab.train.Host;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.NonFiniteLossException;
import org.latentlab.train.StepArrays;
import org.latentlab.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/**
 * Trains a classifier network (flat images in, one logit per class out, no output layer) on a labelled set by
 * minibatch descent on the mean softmax cross-entropy, −(1/n) Σᵢ log softmax(ℓᵢ)_{yᵢ}, on the lab's engine
 * ({@link TrainingNetwork} with {@link LossHead#softmaxCrossEntropy}). Epochs visit every example once in an order
 * shuffled from (seed, epoch); the augmentation's shifts come from (seed, iteration), so a run is reproducible.
 * The training images are copied once into a host array (10,000 MNIST images: 31 MB). Not thread-safe: one owner
 * thread.
 */
public final class ClassifierTrainer implements Trainer, AutoCloseable {

    private static final long SHIFT_STREAM = 0x5348_4946_54L;

    private final MultiLayerNetwork network;
    private final TrainingNetwork engine;
    private final ClassifierSettings settings;
    private final int classCount;
    private final long seed;
    private final float[] images;
    private final int[] labels;
    private final int size;
    private final int channels;
    private final int height;
    private final int width;
    private final int dimension;
    private final LossHead head;
    private final StepArrays step;
    private final NativeMemory memory = new NativeMemory();
    private final int[] order;
    private int position;
    private long epoch = -1;
    private long iteration;
    private double lastLoss = Double.NaN;
    private double lastBatchAccuracy = Double.NaN;
    private boolean faulted;
    /** Tangent Prop, null when off (then training is exactly the plain classifier's). */
    private final TangentPropPenalty penalty;
    private final TrainingTangents tangents;
    private double lastPenalty = Double.NaN;

    /**
     * @param network    logits for {@code classCount} classes from flat examples of the set's shape
     * @param train      labelled examples, labels in [0, classCount)
     */
    public ClassifierTrainer(MultiLayerNetwork network, ExampleSet train, int classCount, ClassifierSettings settings,
                             long seed) {
        this(network, train, classCount, settings, seed, null);
    }

    /**
     * @param tangents the tangents at every training image, in the set's order, when the settings turn Tangent Prop
     *                 on (ignored, and may be null, when they do not)
     */
    public ClassifierTrainer(MultiLayerNetwork network, ExampleSet train, int classCount, ClassifierSettings settings,
                             long seed, TrainingTangents tangents) {
        if (!train.hasLabels()) {
            throw new LabException(train.name() + " has no labels: a classifier trains on labelled images");
        }
        int[] shape = train.shape();
        if (shape.length != 3) {
            throw new LabException(train.name() + " holds points, not images: a classifier takes images");
        }
        if (train.size() < settings.batchSize()) {
            throw new LabException(train.name() + " has " + train.size() + " examples, fewer than one batch of "
                    + settings.batchSize() + ": lower batchSize");
        }
        this.network = network;
        this.settings = settings;
        this.classCount = classCount;
        this.seed = seed;
        this.channels = shape[0];
        this.height = shape[1];
        this.width = shape[2];
        this.dimension = train.dimension();
        this.size = train.size();
        this.images = new float[size * dimension];
        this.labels = new int[size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(train.example(i), 0, images, i * dimension, dimension);
            labels[i] = train.label(i);
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new LabException(train.name() + ": example " + i + " has label " + labels[i]
                        + ", outside the classifier's " + classCount + " classes");
            }
        }
        DataType type = network.params().dataType();
        this.engine = TrainingNetwork.of(network);
        this.head = LossHead.softmaxCrossEntropy(1.0 / settings.batchSize());
        this.step = new StepArrays(type);
        this.order = new int[size];
        this.position = size;
        TangentPropSettings tp = settings.tangentProp();
        if (tp != null && tp.active()) {
            if (tangents == null || tangents.size() != size || tangents.dimension() != dimension) {
                throw new IllegalArgumentException("Tangent Prop needs " + tp.k() + " tangents at each of the "
                        + size + " training images");
            }
            this.penalty = new TangentPropPenalty(network, tp.lambda());
            this.tangents = tangents;
        } else {
            this.penalty = null;
            this.tangents = null;
        }
    }

    @Override
    public void iterate() {
        int n = settings.batchSize();
        if (position + n > size) {
            shuffle();
        }
        float[] x = new float[n * dimension];
        float[] y = new float[n * classCount];
        Random shifts = new Random(Seeds.seed(seed ^ SHIFT_STREAM, iteration));
        int[] batchLabels = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[position + k];
            batchLabels[k] = labels[i];
            y[k * classCount + labels[i]] = 1f;
            if (settings.shift() > 0) {
                int s = settings.shift();
                shifted(i, shifts.nextInt(2 * s + 1) - s, shifts.nextInt(2 * s + 1) - s, x, k * dimension);
            } else {
                System.arraycopy(images, i * dimension, x, k * dimension, dimension);
            }
        }
        position += n;
        INDArray input = step.filled("images", n, dimension, x);
        INDArray target = step.filled("one-hot labels", n, classCount, y);
        INDArray logits = engine.forward(input);
        INDArray gradient = step.get("logit gradient", n, classCount);
        double loss = head.valueAndGradient(logits, target, gradient);
        if (!Double.isFinite(loss)) {
            markFaulted();
            throw new NonFiniteLossException("cross-entropy", loss, iteration);
        }
        lastBatchAccuracy = accuracy(Host.floats(logits), batchLabels);
        engine.backward(gradient);
        if (penalty != null) {
            double p = tangentProp(x, n);
            if (!Double.isFinite(p)) {
                markFaulted();
                throw new NonFiniteLossException("Tangent Prop penalty", p, iteration);
            }
            engine.gradient().addi(penalty.gradient());
            lastPenalty = p;
        }
        engine.update((int) iteration);
        lastLoss = loss;
        iteration++;
        memory.afterIteration();
    }

    /** The penalty on this batch (images x, n of them), its gradient left in the penalty. */
    private double tangentProp(float[] x, int n) {
        int k = tangents.k();
        float[] points = new float[n * k * dimension];
        float[] t = new float[n * k * dimension];
        for (int b = 0; b < n; b++) {
            int i = order[position - n + b];
            System.arraycopy(tangents.values(), i * k * dimension, t, b * k * dimension, k * dimension);
            for (int j = 0; j < k; j++) {
                System.arraycopy(x, b * dimension, points, (b * k + j) * dimension, dimension);
            }
        }
        INDArray p = step.filled("tangent points", n * k, dimension, points);
        INDArray u = step.filled("tangents", n * k, dimension, t);
        return penalty.valueAndGradient(p, u, n);
    }

    /** Image i moved by (dx, dy) pixels, what falls outside dropped and the edge filled with background. */
    private void shifted(int i, int dx, int dy, float[] out, int offset) {
        float background = 0f;
        int base = i * dimension;
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < height; r++) {
                int from = r - dy;
                for (int col = 0; col < width; col++) {
                    int fromCol = col - dx;
                    int o = offset + (c * height + r) * width + col;
                    out[o] = from < 0 || from >= height || fromCol < 0 || fromCol >= width ? background
                            : images[base + (c * height + from) * width + fromCol];
                }
            }
        }
    }

    private double accuracy(float[] logits, int[] truth) {
        int correct = 0;
        for (int k = 0; k < truth.length; k++) {
            if (Classifier.argmax(logits, k * classCount, classCount) == truth[k]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    private void shuffle() {
        epoch++;
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random rng = new Random(Seeds.seed(seed, epoch));
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
    }

    /** Whole batches in one epoch. */
    public int iterationsPerEpoch() {
        return size / settings.batchSize();
    }

    @Override
    public long iteration() {
        return iteration;
    }

    /** The mean cross-entropy of the last batch (nats), NaN before the first. */
    public double lastLoss() {
        return lastLoss;
    }

    /** The Tangent Prop penalty of the last batch (in the loss's units), NaN before the first or when off. */
    public double lastPenalty() {
        return lastPenalty;
    }

    /** The fraction of the last batch classified right (in training mode, before its update). */
    public double lastBatchAccuracy() {
        return lastBatchAccuracy;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public ClassifierSettings settings() {
        return settings;
    }

    @Override
    public void setDiagnostics(boolean on) {
        // the loss and batch accuracy are measured at every step anyway
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
        return "softmax cross-entropy, " + settings;
    }

    @Override
    public void close() {
        engine.close();
        if (penalty != null) {
            penalty.close();
        }
    }
}
