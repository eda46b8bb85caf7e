package org.latentlab.metrics;

import java.util.Arrays;
import java.util.Random;

/**
 * The kernel two-sample test (Gretton, Borgwardt, Rasch, Schölkopf and Smola 2012): the unbiased estimate MMD²ᵤ of
 * the squared maximum mean discrepancy between two samples under the Gaussian kernel
 * k(x, y) = exp(−‖x − y‖² / (2σ²)), and its null distribution by permutation (section 5 of the paper: pool the two
 * samples, split them at random the same sizes, recompute). The test rejects "same distribution" at level α when
 * the statistic exceeds the (1 − α) quantile of the permuted statistics.
 *
 * <p>The kernel matrix of the pooled sample is computed once; each permutation only re-indexes it.
 */
public final class TwoSampleTest {

    /**
     * One test's outcome.
     *
     * @param statistic MMD²ᵤ of the two samples
     * @param threshold the (1 − level) quantile of the statistic under permutation
     * @param pValue    (1 + permuted statistics ≥ the observed one) / (1 + permutations)
     * @param level     the test's level α
     * @param bandwidth the kernel's σ
     */
    public record Result(double statistic, double threshold, double pValue, double level, double bandwidth) {

        /** Whether the test rejects "both samples come from one distribution" at its level. */
        public boolean rejects() {
            return statistic > threshold;
        }
    }

    private TwoSampleTest() {
    }

    /**
     * The median of the pairwise distances within {@code points} (n × dim, row-major), the usual choice of σ
     * (Gretton et al. 2012, section 8); at most the first 1000 points are used.
     */
    public static double medianDistance(double[] points, int dim) {
        int n = Math.min(1000, points.length / dim);
        double[] d = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[k++] = Math.sqrt(squaredDistance(points, i, points, j, dim));
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("the median distance needs at least two points");
        }
        Arrays.sort(d, 0, k);
        return d[k / 2];
    }

    /** MMD²ᵤ between {@code a} (rows of dim values) and {@code b}, Gaussian kernel of width {@code bandwidth}. */
    public static double mmd2(double[] a, double[] b, int dim, double bandwidth) {
        int m = a.length / dim;
        double[][] k = kernel(a, b, dim, bandwidth);
        int[] order = new int[k.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return statistic(k, order, m);
    }

    /**
     * The permutation test of "a and b come from one distribution" at {@code level}, with {@code permutations}
     * random splits drawn from {@code seed}.
     */
    public static Result test(double[] a, double[] b, int dim, double bandwidth, int permutations, double level,
                              long seed) {
        if (!(level > 0 && level < 1) || permutations < 1) {
            throw new IllegalArgumentException("a level in (0, 1) and at least one permutation, not " + level
                    + " and " + permutations);
        }
        int m = a.length / dim;
        double[][] k = kernel(a, b, dim, bandwidth);
        int n = k.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double observed = statistic(k, order, m);
        double[] permuted = new double[permutations];
        Random r = new Random(seed);
        int above = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            permuted[p] = statistic(k, order, m);
            if (permuted[p] >= observed) {
                above++;
            }
        }
        Arrays.sort(permuted);
        int q = (int) Math.ceil((1 - level) * permutations) - 1;
        double threshold = permuted[Math.max(0, Math.min(permutations - 1, q))];
        return new Result(observed, threshold, (1.0 + above) / (1.0 + permutations), level, bandwidth);
    }

    /** The kernel matrix of the pooled sample, a's rows first. */
    private static double[][] kernel(double[] a, double[] b, int dim, double bandwidth) {
        if (a.length % dim != 0 || b.length % dim != 0 || a.length < 2 * dim || b.length < 2 * dim) {
            throw new IllegalArgumentException("two samples of at least two points of " + dim + " values each");
        }
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("the kernel's width must be positive, not " + bandwidth);
        }
        int m = a.length / dim;
        int n = m + b.length / dim;
        double[] pooled = new double[n * dim];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double[][] k = new double[n][n];
        double scale = -1 / (2 * bandwidth * bandwidth);
        for (int i = 0; i < n; i++) {
            k[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                double v = Math.exp(scale * squaredDistance(pooled, i, pooled, j, dim));
                k[i][j] = v;
                k[j][i] = v;
            }
        }
        return k;
    }

    /** MMD²ᵤ when points order[0..m) form the first sample and order[m..n) the second. */
    private static double statistic(double[][] k, int[] order, int m) {
        int n = order.length;
        int l = n - m;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < n; i++) {
            double[] row = k[order[i]];
            boolean first = i < m;
            for (int j = i + 1; j < n; j++) {
                double v = row[order[j]];
                if (first && j < m) {
                    xx += v;
                } else if (!first) {
                    yy += v;
                } else {
                    xy += v;
                }
            }
        }
        return 2 * xx / ((double) m * (m - 1)) + 2 * yy / ((double) l * (l - 1)) - 2 * xy / ((double) m * l);
    }

    private static double squaredDistance(double[] a, int i, double[] b, int j, int dim) {
        double s = 0;
        for (int t = 0; t < dim; t++) {
            double d = a[i * dim + t] - b[j * dim + t];
            s += d * d;
        }
        return s;
    }
}
