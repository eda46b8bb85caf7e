package org.latentlab.train.sbn;

import org.latentlab.core.Seeds;
import org.latentlab.data.ExampleSet;
import org.latentlab.train.NonFiniteLossException;
import org.latentlab.train.Trainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A sigmoid belief net trained by wake-sleep (Hinton, Dayan, Frey and Neal 1995) as a family of the lab, under a
 * {@code TrainingRun}: one {@link #iterate()} is one wake update of the generative weights on a batch of training
 * images (binarised afresh, pixel intensity as the probability of a 1) and one sleep update of the recognition
 * weights on as many dreams. The net starts as {@link WakeSleepTrainer}'s does (weights N(0, 0.01²) drawn with the
 * seed, visible biases at the logit of the mean pixel), so both measure the same bound at iteration 0.
 *
 * <p>Each iteration draws its random numbers from its own stream, seeded by the run's seed and the iteration's
 * number ({@link Seeds}): the parameters and the iteration count are the whole state, so a run restored from a
 * checkpoint continues bit for bit. Owned by one thread; what others see is copied out.
 */
public final class SbnTrainer implements Trainer {

    /** The loss parts the status line and the bench's loss chart show, from the last wake phase's batch. */
    public static final String NEGATIVE_BOUND = "negative bound";
    public static final String RECONSTRUCTION = "reconstruction";
    private static final double PIXEL_FLOOR = 1e-3;
    private static final int MEAN_IMAGES = 2000;

    private final SbnSettings settings;
    private final ExampleSet train;
    private final long seed;
    private final SigmoidBeliefNet net;
    private long iteration;
    private boolean faulted;
    private double lastNegativeBound = Double.NaN;
    private double lastReconstruction = Double.NaN;

    /** A fresh net of {@code settings} on {@code train} (pixels in [0, 1]). */
    public SbnTrainer(SbnSettings settings, ExampleSet train, long seed) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("wake-sleep needs at least one training image");
        }
        this.settings = settings;
        this.train = train;
        this.seed = seed;
        this.net = new SigmoidBeliefNet(settings.sizes(train.dimension()));
        net.randomiseWeights(WakeSleepTrainer.INIT_SCALE, new Random(seed));
        double[] mean = new double[train.dimension()];
        int n = Math.min(train.size(), MEAN_IMAGES);
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
    }

    @Override
    public void iterate() {
        Random rng = new Random(Seeds.seed(seed, iteration));
        List<double[][]> awake = new ArrayList<>(settings.batch());
        for (int k = 0; k < settings.batch(); k++) {
            awake.add(net.recognise(binary(train.example(rng.nextInt(train.size())), rng), rng));
        }
        measureBatch(awake);
        WakeSleep.applyGenerative(net, WakeSleep.wake(net, awake), settings.generativeRate());
        List<double[][]> dreams = new ArrayList<>(settings.batch());
        for (int k = 0; k < settings.batch(); k++) {
            dreams.add(net.dream(rng));
        }
        WakeSleep.applyRecognition(net, WakeSleep.sleep(net, dreams), settings.recognitionRate());
        iteration++;
    }

    /**
     * The batch's bound and reconstruction before the update, every iteration (so that a metrics row reads the same
     * in a run and in its resumed copy); a non-finite one pauses the run.
     */
    private void measureBatch(List<double[][]> awake) {
        double bound = 0;
        double reconstruction = 0;
        for (double[][] s : awake) {
            bound += net.logJoint(s) - net.logRecognition(s);
            reconstruction -= Bernoulli.logProbability(s[0], net.generativeInput(0, s[1]));
        }
        lastNegativeBound = -bound / awake.size();
        lastReconstruction = reconstruction / awake.size();
        if (!Double.isFinite(lastNegativeBound)) {
            faulted = true;
            throw new NonFiniteLossException("the wake phase's bound", -lastNegativeBound, iteration);
        }
    }

    /**
     * The held-out measurement of {@link WakeSleepTrainer#measureHeldOut}: for each binary image one sample of h
     * from the recognition net, always drawn with the same random numbers ({@code seed + 2}), the mean one-sample
     * bound {@code log p(x, h) − log q(h | x)} and the mean {@code −log p(x | h_1)}, in nats per image.
     */
    public WakeSleepStatus.Point measureHeldOut(double[][] heldOut) {
        Random r = new Random(seed + 2);
        double bound = 0;
        double reconstruction = 0;
        for (double[] x : heldOut) {
            double[][] s = net.recognise(x, r);
            bound += net.logJoint(s) - net.logRecognition(s);
            reconstruction -= Bernoulli.logProbability(x, net.generativeInput(0, s[1]));
        }
        return new WakeSleepStatus.Point((int) Math.min(Integer.MAX_VALUE, iteration), bound / heldOut.length,
                reconstruction / heldOut.length);
    }

    /**
     * Up to {@code count} held-out images binarised once, as {@link WakeSleepTrainer} does ({@code seed + 1}), so
     * that every measurement sees the same binary images.
     */
    public static double[][] binarise(ExampleSet heldOut, int count, long seed) {
        Random r = new Random(seed + 1);
        double[][] out = new double[Math.min(count, heldOut.size())][];
        for (int k = 0; k < out.length; k++) {
            out[k] = binary(heldOut.example(k), r);
        }
        return out;
    }

    static double[] binary(float[] pixels, Random r) {
        double[] x = new double[pixels.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = r.nextFloat() < pixels[j] ? 1 : 0;
        }
        return x;
    }

    /** The loss parts of the last measured wake batch ("negative bound", "reconstruction"), nats per image. */
    public Map<String, Double> lastLosses() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(NEGATIVE_BOUND, lastNegativeBound);
        m.put(RECONSTRUCTION, lastReconstruction);
        return m;
    }

    /** The net (for the owner's thread only: views and checkpoints copy out of it). */
    public SigmoidBeliefNet net() {
        return net;
    }

    public SbnSettings settings() {
        return settings;
    }

    public long seed() {
        return seed;
    }

    /** The iteration count of a restored checkpoint (its parameters are written into {@link #net()}). */
    public void restoreIteration(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("an iteration count is 0 or more, not " + n);
        }
        iteration = n;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public void setDiagnostics(boolean on) {
        // the batch's bound is measured every iteration: the metrics rows must not depend on when the screen looks
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
        return net + ", " + settings.describe();
    }
}
