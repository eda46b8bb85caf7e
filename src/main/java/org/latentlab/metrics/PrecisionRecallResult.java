package org.latentlab.metrics;

import java.util.Locale;

/**
 * The outcome of {@link PrecisionRecall#between}: precision and recall in [0, 1], the neighbour k that set the
 * radii, and the sizes of the two sets.
 */
public record PrecisionRecallResult(double precision, double recall, int k, int realCount, int generatedCount) {

    public PrecisionRecallResult {
        if (!(precision >= 0 && precision <= 1 && recall >= 0 && recall <= 1) || k < 1 || realCount <= k
                || generatedCount <= k) {
            throw new IllegalArgumentException("precision and recall lie in [0, 1] and each set holds more than k "
                    + "vectors; got " + precision + ", " + recall + ", k = " + k + ", n = " + realCount + " vs "
                    + generatedCount);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "precision %.3f, recall %.3f (k = %d; n = %d vs %d)", precision, recall, k,
                realCount, generatedCount);
    }
}
