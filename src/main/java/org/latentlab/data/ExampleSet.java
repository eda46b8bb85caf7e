package org.latentlab.data;

import java.util.Random;

/**
 * A finite, indexable data set (IDX images, an image folder): examples can be read one by one, optionally with
 * class labels, and split into a training part and a held-out part.
 *
 * <p>{@link #sample} draws every example as {@code example(rng.nextInt(size()))}, one draw per example in order
 * ({@link #sampleUniform}); the trainers' native example table relies on it to draw the same batches.
 */
public interface ExampleSet extends DataSource {

    /** Number of examples. */
    int size();

    /** Example {@code i} as a fresh flat array of {@link #dimension()} values. */
    float[] example(int i);

    boolean hasLabels();

    /** The class of example {@code i} (0-based), or -1 when the set has no labels. */
    int label(int i);

    /** A readable name for a class ("7", "Sneaker", the folder name...). */
    default String labelName(int label) {
        return Integer.toString(label);
    }

    /** Examples {@code [from, to)} of this set, as a set of their own sharing the same storage. */
    default ExampleSet range(int from, int to) {
        return new ExampleRange(this, from, to);
    }

    /** The same examples in a fixed order shuffled with {@code seed} (for splits of a set sorted by class). */
    default ExampleSet permuted(long seed) {
        return new ExamplePermutation(this, seed);
    }

    /** The default sampling: n examples drawn uniformly with replacement. */
    static void sampleUniform(ExampleSet set, int n, Random rng, float[] out) {
        int d = set.dimension();
        for (int k = 0; k < n; k++) {
            float[] x = set.example(rng.nextInt(set.size()));
            System.arraycopy(x, 0, out, k * d, d);
        }
    }
}
