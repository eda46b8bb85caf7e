package org.latentlab.metrics;

import java.util.Random;

/**
 * The kernel distance of Bi&nacute;kowski et al. 2018 ("Demystifying MMD GANs"; KID with Inception features, here any
 * extractor's): the unbiased estimator of the squared maximum mean discrepancy with the cubic polynomial kernel
 * k(x, y) = (x<sup>T</sup>y / d + 1)<sup>3</sup>,
 * <pre>  MMD&sup2;<sub>u</sub> = 1/(m(m-1)) &Sigma;<sub>i&ne;j</sub> k(x<sub>i</sub>, x<sub>j</sub>) + 1/(m(m-1)) &Sigma;<sub>i&ne;j</sub> k(y<sub>i</sub>, y<sub>j</sub>) - 2/m&sup2; &Sigma;<sub>i,j</sub> k(x<sub>i</sub>, y<sub>j</sub>),</pre>
 * computed on {@code subsetCount} pairs of subsets of m vectors, each drawn without replacement from each set, and
 * averaged; the spread is the standard deviation of the subset values (divisor: the number of subsets, as the
 * reference code reports it). Unlike the Fr&eacute;chet distance its expectation does not depend on the sample
 * size, and it can be negative when the two distributions are close. The paper's defaults are
 * {@value #DEFAULT_SUBSET_COUNT} subsets of {@value #DEFAULT_SUBSET_SIZE}; the subset size is capped at the
 * smaller set. The cost is 3 m&sup2; d per subset, or, when the sets are small enough to tabulate every kernel value
 * once (a live score card: 500 samples against 1,000 real images), about (n<sub>x</sub> + n<sub>y</sub>)&sup2; d / 2
 * in all, with the same result.
 */
public final class KernelInceptionDistance {

    public static final int DEFAULT_SUBSET_COUNT = 100;
    public static final int DEFAULT_SUBSET_SIZE = 1000;

    private KernelInceptionDistance() {
    }

    /** With the paper's subset count and size. */
    public static KernelInceptionDistanceResult between(double[][] real, double[][] generated, long seed) {
        return between(real, generated, DEFAULT_SUBSET_COUNT, DEFAULT_SUBSET_SIZE, seed);
    }

    /**
     * @param subsetCount how many pairs of subsets to average (at least 1)
     * @param subsetSize  vectors in each subset (at least 2; capped at the smaller set)
     * @param seed        draws the subsets
     */
    public static KernelInceptionDistanceResult between(double[][] real, double[][] generated, int subsetCount,
                                                        int subsetSize, long seed) {
        int dim = FeatureRows.checkPair("real", real, "generated", generated, 2);
        if (subsetCount < 1 || subsetSize < 2) {
            throw new IllegalArgumentException("KID needs at least 1 subset of at least 2 vectors, got " + subsetCount
                    + " subsets of " + subsetSize);
        }
        int m = Math.min(subsetSize, Math.min(real.length, generated.length));
        Random random = new Random(seed);
        int[] realOrder = identity(real.length);
        int[] generatedOrder = identity(generated.length);
        double[] values = new double[subsetCount];
        Gram gram = Gram.tabulated(real, generated, m, subsetCount, dim);
        for (int s = 0; s < subsetCount; s++) {
            drawPrefix(realOrder, m, random);
            drawPrefix(generatedOrder, m, random);
            values[s] = unbiasedMmd2(gram, realOrder, generatedOrder, m);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= subsetCount;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new KernelInceptionDistanceResult(mean, Math.sqrt(squares / subsetCount), subsetCount, m, real.length,
                generated.length);
    }

    /** k(x, y) = (x<sup>T</sup>y / d + 1)<sup>3</sup>. */
    static double kernel(double[] x, double[] y, int dim) {
        double u = FeatureRows.dot(x, y) / dim + 1;
        return u * u * u;
    }

    private static double unbiasedMmd2(Gram k, int[] xi, int[] yi, int m) {
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                xx += k.xx(xi[i], xi[j]);
                yy += k.yy(yi[i], yi[j]);
            }
            for (int j = 0; j < m; j++) {
                xy += k.xy(xi[i], yi[j]);
            }
        }
        return 2 * (xx + yy) / ((double) m * (m - 1)) - 2 * xy / ((double) m * m);
    }

    /**
     * The kernel between two vectors of the sets, by index. The subsets overlap, so when the sets are small enough
     * every kernel value is computed once into a table ({@link #TABLE_LIMIT} values at most) instead of once per
     * subset: the same numbers, about {@code subsetCount} times fewer dot products.
     */
    private interface Gram {
        double xx(int a, int b);

        double yy(int a, int b);

        double xy(int a, int b);

        static Gram direct(double[][] x, double[][] y, int dim) {
            return new Gram() {
                @Override
                public double xx(int a, int b) {
                    return kernel(x[a], x[b], dim);
                }

                @Override
                public double yy(int a, int b) {
                    return kernel(y[a], y[b], dim);
                }

                @Override
                public double xy(int a, int b) {
                    return kernel(x[a], y[b], dim);
                }
            };
        }

        static Gram tabulated(double[][] x, double[][] y, int m, int subsetCount, int dim) {
            long nx = x.length;
            long ny = y.length;
            long entries = nx * (nx + 1) / 2 + ny * (ny + 1) / 2 + nx * ny;
            if (entries > TABLE_LIMIT || entries > 2L * subsetCount * m * m) {
                return direct(x, y, dim);
            }
            double[][] kxx = triangle(x, dim);
            double[][] kyy = triangle(y, dim);
            double[][] kxy = new double[x.length][y.length];
            for (int a = 0; a < x.length; a++) {
                for (int b = 0; b < y.length; b++) {
                    kxy[a][b] = kernel(x[a], y[b], dim);
                }
            }
            return new Gram() {
                @Override
                public double xx(int a, int b) {
                    return a >= b ? kxx[a][b] : kxx[b][a];
                }

                @Override
                public double yy(int a, int b) {
                    return a >= b ? kyy[a][b] : kyy[b][a];
                }

                @Override
                public double xy(int a, int b) {
                    return kxy[a][b];
                }
            };
        }

        /** k(v_a, v_b) for b <= a (the kernel is symmetric, and so is each product of the dot product). */
        private static double[][] triangle(double[][] v, int dim) {
            double[][] t = new double[v.length][];
            for (int a = 0; a < v.length; a++) {
                t[a] = new double[a + 1];
                for (int b = 0; b <= a; b++) {
                    t[a][b] = kernel(v[a], v[b], dim);
                }
            }
            return t;
        }
    }

    /** The most kernel values tabulated (8 bytes each). */
    static final long TABLE_LIMIT = 12_000_000L;

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** A partial Fisher-Yates shuffle: the first m entries become a uniform draw without replacement. */
    private static void drawPrefix(int[] order, int m, Random random) {
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
