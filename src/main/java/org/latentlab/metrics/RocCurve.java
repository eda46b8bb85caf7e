package org.latentlab.metrics;

import java.util.Arrays;

/**
 * The receiver operating characteristic of a score that should be higher for anomalous examples than for normal
 * ones: at every threshold t, "anomalous" is said of the examples scoring t or more, and the curve pairs the false
 * positive rate (normal examples said anomalous) with the true positive rate (anomalous examples said anomalous).
 * Its area is the probability that a random anomalous example scores higher than a random normal one, ties counted
 * one half: the Mann-Whitney U statistic divided by n·m (Hanley and McNeil 1982, "The meaning and use of the area
 * under a receiver operating characteristic (ROC) curve"), computed exactly by sorting, O((n + m) log(n + m)).
 *
 * @param falsePositiveRate from 0 to 1, one point per distinct score plus the origin
 * @param truePositiveRate  beside it
 * @param thresholds        the score at which each point's rates hold (+∞ at the origin)
 * @param area              the area under the curve, U / (n·m)
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds, double area) {

    public RocCurve {
        if (falsePositiveRate.length != truePositiveRate.length || thresholds.length != truePositiveRate.length) {
            throw new IllegalArgumentException("a ROC curve needs as many false positive rates, true positive rates"
                    + " and thresholds, not " + falsePositiveRate.length + ", " + truePositiveRate.length + " and "
                    + thresholds.length);
        }
        falsePositiveRate = falsePositiveRate.clone();
        truePositiveRate = truePositiveRate.clone();
        thresholds = thresholds.clone();
    }

    @Override
    public double[] falsePositiveRate() {
        return falsePositiveRate.clone();
    }

    @Override
    public double[] truePositiveRate() {
        return truePositiveRate.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Points on the curve, the origin included. */
    public int size() {
        return thresholds.length;
    }

    /**
     * The curve and its area for the scores of normal and anomalous examples (higher = more anomalous).
     *
     * @throws IllegalArgumentException when a set is empty or a score is not finite
     */
    public static RocCurve of(double[] normal, double[] anomalous) {
        requireScores(normal, "normal");
        requireScores(anomalous, "anomalous");
        int n = normal.length;
        int m = anomalous.length;
        double[] a = normal.clone();
        double[] b = anomalous.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        // walk the thresholds from the highest score down, taking every example with that score at once
        int i = n - 1;
        int j = m - 1;
        double[] fpr = new double[n + m + 1];
        double[] tpr = new double[n + m + 1];
        double[] thr = new double[n + m + 1];
        thr[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        long falsePositives = 0;
        long truePositives = 0;
        double twiceU = 0;
        while (i >= 0 || j >= 0) {
            double t = Math.max(i >= 0 ? a[i] : Double.NEGATIVE_INFINITY, j >= 0 ? b[j] : Double.NEGATIVE_INFINITY);
            long normalAtT = 0;
            while (i >= 0 && a[i] == t) {
                normalAtT++;
                i--;
            }
            long anomalousAtT = 0;
            while (j >= 0 && b[j] == t) {
                anomalousAtT++;
                j--;
            }
            // a normal example scoring t is beaten by every anomalous one above t and ties those at t (2U counts
            // 2 per win and 1 per tie)
            twiceU += normalAtT * (2.0 * truePositives + anomalousAtT);
            falsePositives += normalAtT;
            truePositives += anomalousAtT;
            fpr[points] = (double) falsePositives / n;
            tpr[points] = (double) truePositives / m;
            thr[points] = t;
            points++;
        }
        double area = twiceU / (2.0 * n * m);
        return new RocCurve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), Arrays.copyOf(thr, points), area);
    }

    private static void requireScores(double[] scores, String what) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("a ROC curve needs at least one " + what + " score");
        }
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("the " + what + " scores must be finite, not " + s);
            }
        }
    }
}
