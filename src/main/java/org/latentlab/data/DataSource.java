package org.latentlab.data;

import java.util.Random;

/**
 * Where real samples come from. A sample is a flat float vector of {@link #dimension()} values; image sources
 * store pixels row-major (channels x height x width).
 */
public interface DataSource {

    /** A short name for the status bar and the run folder, e.g. {@code ring8} or {@code mnist (10000 images)}. */
    String name();

    /** Shape of one sample: {@code [2]} for points, {@code [channels, height, width]} for images. */
    int[] shape();

    /** Number of values in one sample. */
    default int dimension() {
        int d = 1;
        for (int s : shape()) {
            d *= s;
        }
        return d;
    }

    /** Fills {@code out} (length n * dimension, row-major) with n samples drawn with {@code rng}. */
    void sample(int n, Random rng, float[] out);

    /** A stable hash of the underlying data (or of the distribution's definition) for the run's provenance. */
    String contentHash();
}
