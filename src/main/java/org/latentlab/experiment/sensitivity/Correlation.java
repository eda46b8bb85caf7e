package org.latentlab.experiment.sensitivity;

import java.util.Arrays;

/**
 * The statistics of a sensitivity scatter: the generalisation gap of one run, Pearson's product-moment correlation
 * and Spearman's rank correlation (Pearson's on the ranks, ties given their mean rank) of two equally long series.
 */
public final class Correlation {

    private Correlation() {
    }

    /** Training accuracy minus held-out accuracy. */
    public static double gap(double trainAccuracy, double heldOutAccuracy) {
        return trainAccuracy - heldOutAccuracy;
    }

    /**
     * r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²); NaN when either series is constant.
     *
     * @throws IllegalArgumentException when the lengths differ or there are fewer than 2 values
     */
    public static double pearson(double[] x, double[] y) {
        check(x, y);
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman's ρ: Pearson's r of the ranks (1-based, ties sharing their mean rank). */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return pearson(ranks(x), ranks(y));
    }

    /** The 1-based ranks of the values, tied values given the mean of the ranks they span. */
    public static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                r[order[t]] = mean;
            }
            i = j + 1;
        }
        return r;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("a correlation needs two series of one length, not " + x.length
                    + " and " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a correlation needs at least 2 pairs, not " + x.length);
        }
    }
}
