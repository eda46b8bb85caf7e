package org.latentlab.metrics;

import java.util.Locale;

/**
 * The outcome of {@link ClassifierScore#of}: the mean score over the splits (between 1 and the number of classes),
 * its standard deviation over them, how many splits, samples and classes.
 */
public record ClassifierScoreResult(double mean, double standardDeviation, int splits, int sampleCount,
                                    int classCount) {

    public ClassifierScoreResult {
        if (!Double.isFinite(mean) || !(standardDeviation >= 0) || splits < 1 || sampleCount < splits
                || classCount < 2) {
            throw new IllegalArgumentException("a classifier score needs a finite mean, a standard deviation >= 0, "
                    + "at least one sample a split and 2 classes; got " + mean + " +- " + standardDeviation + ", "
                    + splits + " splits of " + sampleCount + " samples, " + classCount + " classes");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "classifier score %.3f +- %.3f of %d (%d splits; n = %d)", mean,
                standardDeviation, classCount, splits, sampleCount);
    }
}
