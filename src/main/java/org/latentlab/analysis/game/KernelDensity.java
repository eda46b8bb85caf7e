package org.latentlab.analysis.game;

/**
 * Gaussian kernel density estimates of a 2-D point set: p̂(x) = (1/n) Σ_i N(x; x_i, diag(hx², hy²)), a
 * {@link GaussianMixture2D} with one equal-weight component per point and the bandwidths as its standard
 * deviations. The bandwidths come from Scott's rule (Scott 1992, "Multivariate density estimation"):
 * h_j = σ̂_j · n^(−1/(d+4)) with d = 2, i.e. σ̂_j · n^(−1/6), σ̂_j the sample standard deviation (n − 1) along axis
 * j. In two dimensions Silverman's rule, (4/(d+2))^(1/(d+4)) σ̂_j n^(−1/(d+4)), has the factor 1 and gives the same
 * bandwidths. A floor keeps them positive when the points collapse onto a line or a point.
 */
public final class KernelDensity {

    private KernelDensity() {
    }

    /** Scott's bandwidths {hx, hy} of the first n points of xy (x, y pairs), each at least minBandwidth. */
    public static double[] scottBandwidth(float[] xy, int n, double minBandwidth) {
        requirePoints(xy, n);
        if (!(minBandwidth > 0 && Double.isFinite(minBandwidth))) {
            throw new IllegalArgumentException("the smallest bandwidth must be positive, not " + minBandwidth);
        }
        double factor = Math.pow(n, -1.0 / 6.0);
        double[] h = new double[2];
        for (int axis = 0; axis < 2; axis++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += xy[2 * i + axis];
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = xy[2 * i + axis] - mean;
                ss += d * d;
            }
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            h[axis] = Math.max(minBandwidth, sd * factor);
        }
        return h;
    }

    /** The estimate from the first n points with Scott's bandwidths (floored at minBandwidth). */
    public static GaussianMixture2D scott(float[] xy, int n, double minBandwidth) {
        double[] h = scottBandwidth(xy, n, minBandwidth);
        return withBandwidth(xy, n, h[0], h[1]);
    }

    /** The estimate from the first n points with the given bandwidths. */
    public static GaussianMixture2D withBandwidth(float[] xy, int n, double hx, double hy) {
        requirePoints(xy, n);
        double[] mx = new double[n];
        double[] my = new double[n];
        for (int i = 0; i < n; i++) {
            mx[i] = xy[2 * i];
            my[i] = xy[2 * i + 1];
        }
        return GaussianMixture2D.equalWeights(mx, my, hx, hy);
    }

    private static void requirePoints(float[] xy, int n) {
        if (n < 1 || xy.length < 2L * n) {
            throw new IllegalArgumentException("need n ≥ 1 points and 2n values, got n = " + n + " and "
                    + xy.length + " values");
        }
        for (int i = 0; i < 2 * n; i++) {
            if (!Float.isFinite(xy[i])) {
                throw new IllegalArgumentException("point " + i / 2 + " is not finite");
            }
        }
    }
}
