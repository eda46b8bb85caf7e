package org.latentlab.metrics;

import java.util.Locale;

/**
 * The outcome of {@link KernelInceptionDistance#between}: the mean of the unbiased MMD&sup2; over the subsets, its
 * standard deviation over them, how many subsets of how many vectors, and the sizes of the two sets drawn from.
 */
public record KernelInceptionDistanceResult(double mean, double standardDeviation, int subsetCount, int subsetSize,
                                            int realCount, int generatedCount) {

    public KernelInceptionDistanceResult {
        if (!Double.isFinite(mean) || !(standardDeviation >= 0) || subsetCount < 1 || subsetSize < 2
                || subsetSize > Math.min(realCount, generatedCount)) {
            throw new IllegalArgumentException("a KID needs a finite mean, a standard deviation >= 0 and at least one "
                    + "subset of 2 to min(real, generated) vectors; got " + mean + " +- " + standardDeviation + ", "
                    + subsetCount + " subsets of " + subsetSize + " from " + realCount + " and " + generatedCount);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KID %.5f +- %.5f (%d subsets of %d; n = %d vs %d)", mean,
                standardDeviation, subsetCount, subsetSize, realCount, generatedCount);
    }
}
