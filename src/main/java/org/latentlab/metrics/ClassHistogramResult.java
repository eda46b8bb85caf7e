package org.latentlab.metrics;

import java.util.Locale;

/**
 * The outcome of {@link ClassHistogram}: the count per class, and from it the sample count, the reverse KL
 * divergence to uniform and the classes with at least {@code minCount} samples.
 */
public record ClassHistogramResult(int[] counts, int sampleCount, double reverseKl, int modesCovered,
                                   int minCount) {

    public ClassHistogramResult {
        counts = counts.clone();
        if (counts.length < 2 || minCount < 1 || sampleCount < 1 || modesCovered < 0 || modesCovered > counts.length
                || !(reverseKl >= 0)) {
            throw new IllegalArgumentException("a class histogram needs 2 or more classes, a threshold of at least 1 "
                    + "sample and a reverse KL >= 0; got " + counts.length + " classes, threshold " + minCount
                    + ", KL " + reverseKl);
        }
    }

    /** Derives the sample count, reverse KL and modes covered from the counts. */
    static ClassHistogramResult of(int[] counts, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("a class needs at least 1 sample to count as covered, got " + minCount);
        }
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        int covered = 0;
        double kl = 0;
        for (int c : counts) {
            if (c >= minCount) {
                covered++;
            }
            if (c > 0) {
                double q = (double) c / n;
                kl += q * Math.log(q * counts.length);
            }
        }
        // rounding can leave a perfectly balanced histogram a hair below 0
        return new ClassHistogramResult(counts, n, Math.max(kl, 0), covered, minCount);
    }

    public int classCount() {
        return counts.length;
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d modes (>= %d samples), reverse KL %.4f (n = %d)", modesCovered,
                counts.length, minCount, reverseKl, sampleCount);
    }
}
