package org.latentlab.train.sbn;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a sigmoid belief net is trained by wake-sleep.
 *
 * @param hidden       the hidden layers' sizes, bottom first (e.g. 100, 20 for a 784-100-20 net)
 * @param learningRate the step of both phases' delta rules, applied to the batch average
 * @param batch        images per wake phase, and dreams per sleep phase
 * @param iterations   wake-sleep iterations (one wake and one sleep update each)
 * @param measureEvery iterations between measurements of the held-out bound
 * @param seed         draws the initial weights, the batches, the binarisation and every sample
 */
public record WakeSleepSettings(List<Integer> hidden, double learningRate, int batch, int iterations,
                                int measureEvery, long seed) {

    /** The most units in a hidden layer. */
    public static final int MAX_UNITS = 2000;
    /** The most iterations. */
    public static final int MAX_ITERATIONS = 10_000_000;

    public WakeSleepSettings {
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("give at least one hidden layer, e.g. 100,20");
        }
        hidden = List.copyOf(hidden);
        for (int n : hidden) {
            if (n < 1 || n > MAX_UNITS) {
                throw new IllegalArgumentException("a hidden layer has 1 to " + MAX_UNITS + " units, not " + n);
            }
        }
        if (!(learningRate > 0) || learningRate > 10) {
            throw new IllegalArgumentException("the learning rate must be above 0 and at most 10 (e.g. 0.1), not "
                    + learningRate);
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("the batch must hold 1 to 10000 images, not " + batch);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1 to " + MAX_ITERATIONS + ", not " + iterations);
        }
        if (measureEvery < 1) {
            throw new IllegalArgumentException("measure the bound every 1 or more iterations, not " + measureEvery);
        }
    }

    /** The lab's MNIST run: 784-100-20, rate 0.1, batches of 20, 12,000 iterations, measured every 300. */
    public static WakeSleepSettings mnist() {
        return new WakeSleepSettings(List.of(100, 20), 0.1, 20, 12000, 300, 1);
    }

    /** The same settings with {@code iterations} iterations. */
    public WakeSleepSettings withIterations(int n) {
        return new WakeSleepSettings(hidden, learningRate, batch, n, measureEvery, seed);
    }

    /** The layer sizes for {@code visible} visible units, visible first. */
    public int[] sizes(int visible) {
        int[] s = new int[hidden.size() + 1];
        s[0] = visible;
        for (int i = 0; i < hidden.size(); i++) {
            s[i + 1] = hidden.get(i);
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "wake-sleep hidden %s, rate %s, batch %d, %,d iterations, seed %d",
                hidden.stream().map(String::valueOf).collect(Collectors.joining("-")), learningRate, batch,
                iterations, seed);
    }
}
