package org.latentlab.train.sbn;

import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a sigmoid belief net on images by wake-sleep ({@link WakeSleep}). Each image is binarised stochastically
 * every time it is used (pixel intensity in [0, 1] as the probability of a 1); the held-out images are binarised
 * once, so that every measurement sees the same binary images. The generative weights start from N(0, 0.01²), the
 * visible biases from the logit of the training images' mean pixel, everything else from zero. The net is owned by
 * the thread that calls {@link #run}; statuses carry copies.
 */
public final class WakeSleepTrainer {

    /** Initial weights' standard deviation. */
    static final double INIT_SCALE = 0.01;
    /** Dreams in each status. */
    public static final int SAMPLES = 36;
    private static final double PIXEL_FLOOR = 1e-3;

    private final WakeSleepSettings settings;
    private final ExampleSet train;
    private final double[][] heldOut;
    private final SigmoidBeliefNet net;
    private final Random rng;
    private final List<WakeSleepStatus.Point> curve = new ArrayList<>();

    /** A run on {@code train}, measured on up to {@code heldOutCount} images of {@code heldOut}. */
    public WakeSleepTrainer(WakeSleepSettings settings, ExampleSet train, ExampleSet heldOut, int heldOutCount) {
        if (train.size() == 0 || heldOut.size() == 0 || heldOutCount < 1) {
            throw new IllegalArgumentException("wake-sleep needs training images and at least one held-out image");
        }
        if (train.dimension() != heldOut.dimension()) {
            throw new IllegalArgumentException("the training and held-out images differ in size");
        }
        this.settings = settings;
        this.train = train;
        this.rng = new Random(settings.seed());
        this.net = new SigmoidBeliefNet(settings.sizes(train.dimension()));
        net.randomiseWeights(INIT_SCALE, rng);
        double[] mean = new double[train.dimension()];
        int n = Math.min(train.size(), 2000);
        for (int k = 0; k < n; k++) {
            float[] x = train.example(k);
            for (int j = 0; j < x.length; j++) {
                mean[j] += x[j] / n;
            }
        }
        for (int j = 0; j < mean.length; j++) {
            double p = Math.min(1 - PIXEL_FLOOR, Math.max(PIXEL_FLOOR, mean[j]));
            net.generativeBiases(0)[j] = Math.log(p / (1 - p));
        }
        Random binarise = new Random(settings.seed() + 1);
        this.heldOut = new double[Math.min(heldOutCount, heldOut.size())][];
        for (int k = 0; k < this.heldOut.length; k++) {
            this.heldOut[k] = binary(heldOut.example(k), binarise);
        }
    }

    /** The net being trained (for the owner's thread only). */
    public SigmoidBeliefNet net() {
        return net;
    }

    /**
     * Runs every iteration, measuring the held-out bound at the start, every {@code measureEvery} iterations and at
     * the end, and telling {@code listener} a status each time; returns the last.
     *
     * @throws Monitor.Cancelled when the monitor asks to stop
     */
    public WakeSleepStatus run(Monitor monitor, Consumer<WakeSleepStatus> listener) {
        long start = System.nanoTime();
        WakeSleepStatus status = measure(0, start);
        listener.accept(status);
        for (int it = 1; it <= settings.iterations(); it++) {
            monitor.checkCancelled();
            step();
            if (it % settings.measureEvery() == 0 || it == settings.iterations()) {
                status = measure(it, start);
                listener.accept(status);
                WakeSleepStatus.Point p = status.last();
                monitor.progress((double) it / settings.iterations(), String.format(java.util.Locale.ROOT,
                        "iteration %,d of %,d: held-out bound %.1f nats", it, settings.iterations(), p.bound()));
            }
        }
        return status;
    }

    /** One wake phase on a batch of training images and one sleep phase on as many dreams. */
    public void step() {
        List<double[][]> awake = new ArrayList<>(settings.batch());
        for (int k = 0; k < settings.batch(); k++) {
            double[] x = binary(train.example(rng.nextInt(train.size())), rng);
            awake.add(net.recognise(x, rng));
        }
        WakeSleep.applyGenerative(net, WakeSleep.wake(net, awake), settings.learningRate());
        List<double[][]> dreams = new ArrayList<>(settings.batch());
        for (int k = 0; k < settings.batch(); k++) {
            dreams.add(net.dream(rng));
        }
        WakeSleep.applyRecognition(net, WakeSleep.sleep(net, dreams), settings.learningRate());
    }

    /** The held-out bound and reconstruction now, with one sample of h per image, always the same random numbers. */
    public WakeSleepStatus.Point measureHeldOut(int iteration) {
        Random r = new Random(settings.seed() + 2);
        double bound = 0;
        double reconstruction = 0;
        for (double[] x : heldOut) {
            double[][] s = net.recognise(x, r);
            bound += net.logJoint(s) - net.logRecognition(s);
            reconstruction -= Bernoulli.logProbability(x, net.generativeInput(0, s[1]));
        }
        return new WakeSleepStatus.Point(iteration, bound / heldOut.length, reconstruction / heldOut.length);
    }

    private WakeSleepStatus measure(int iteration, long start) {
        curve.add(measureHeldOut(iteration));
        Random r = new Random(settings.seed() + 3);
        float[][] samples = new float[SAMPLES][];
        for (int k = 0; k < SAMPLES; k++) {
            double[][] d = net.dream(r);
            samples[k] = toFloat(net.generativeProbabilities(0, d[1]));
        }
        int v = net.size(0);
        int h = net.size(1);
        double[] g = net.generativeWeights(1);
        double[] rec = net.recognitionWeights(1);
        float[][] gen = new float[h][v];
        float[][] recog = new float[h][v];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < v; j++) {
                gen[i][j] = (float) g[i * v + j];
                recog[i][j] = (float) rec[j * h + i];
            }
        }
        return new WakeSleepStatus(iteration, settings.iterations(), curve, gen, recog, samples,
                (System.nanoTime() - start) / 1e9);
    }

    private static double[] binary(float[] pixels, Random r) {
        double[] x = new double[pixels.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = r.nextFloat() < pixels[j] ? 1 : 0;
        }
        return x;
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
