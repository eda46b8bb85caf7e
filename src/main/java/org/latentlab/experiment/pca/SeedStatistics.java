package org.latentlab.experiment.pca;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import java.util.Locale;

/**
 * The mean and sample standard deviation (n − 1 in the denominator) of one number measured over several seeds.
 *
 * @param mean the mean
 * @param sd   the sample standard deviation (0 for one seed)
 * @param n    how many seeds
 */
public record SeedStatistics(double mean, double sd, int n) {

    public SeedStatistics {
        if (n < 1) {
            throw new IllegalArgumentException("statistics over seeds need at least one value");
        }
    }

    /** The statistics of {@code values} (at least one). */
    public static SeedStatistics of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("statistics over seeds need at least one value");
        }
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return new SeedStatistics(s.getMean(), values.length > 1 ? s.getStandardDeviation() : 0, values.length);
    }

    /** "0.01234 ± 0.00056" (five decimals: held-out errors per pixel are of order 0.01). */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.5f ± %.5f", mean, sd);
    }
}
