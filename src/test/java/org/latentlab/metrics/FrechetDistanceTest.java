package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    /** n draws of N(mu, L L^T). */
    static double[][] gaussian(Random random, int n, double[] mu, double[][] choleskyFactor) {
        int dim = mu.length;
        double[][] rows = new double[n][dim];
        double[] z = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                z[k] = random.nextGaussian();
            }
            for (int r = 0; r < dim; r++) {
                double v = mu[r];
                for (int c = 0; c <= r; c++) {
                    v += choleskyFactor[r][c] * z[c];
                }
                rows[i][r] = v;
            }
        }
        return rows;
    }

    static double[][] timesTranspose(double[][] l) {
        int n = l.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    out[i][j] += l[i][k] * l[j][k];
                }
            }
        }
        return out;
    }

    @Test
    void aSetAgainstItselfIsZero() {
        double[][] a = gaussian(new Random(1), 300, new double[] {1, -2, 0.5, 3, 0},
                new double[][] {{2, 0, 0, 0, 0}, {0.5, 1, 0, 0, 0}, {-1, 0.3, 0.7, 0, 0}, {0, 0, 2, 1, 0},
                    {0.1, 0.2, 0.3, 0.4, 0.5}});
        FrechetDistanceResult r = FrechetDistance.between(a, a);
        assertEquals(0, r.value(), 1e-9);
        assertEquals(0, r.meanTerm(), 0);
        assertEquals(300, r.sizeA());
    }

    @Test
    void fewerVectorsThanDimensionsStillGiveZeroAgainstThemselves() {
        // rank-deficient covariances: eigenvalues at rounding level below zero are clamped
        double[][] a = {{1, 2, 3, 4, 5, 6}, {0, 1, 0, 1, 0, 1}, {3, 1, 4, 1, 5, 9}};
        assertEquals(0, FrechetDistance.between(a, a).value(), 1e-9);
    }

    @Test
    void diagonalGaussiansMatchTheSumOfSquaredRootDifferences() {
        double[] mu1 = {0, 1, 2};
        double[] mu2 = {1, 1, 0};
        double[] var1 = {1, 4, 9};
        double[] var2 = {4, 1, 0.25};
        double expected = 1 + 0 + 4;
        for (int k = 0; k < 3; k++) {
            double d = Math.sqrt(var1[k]) - Math.sqrt(var2[k]);
            expected += d * d;
        }
        double got = FrechetDistance.ofGaussians(mu1, diag(var1), mu2, diag(var2));
        assertEquals(expected, got, 1e-12);
    }

    @Test
    void nonCommutingTwoByTwoMatchesTheClosedFormOfTheSquareRoot() {
        // for 2x2 SPD M: Tr sqrt(M) = sqrt(Tr M + 2 sqrt(det M)); with M = S1^1/2 S2 S1^1/2,
        // Tr M = Tr(S1 S2) and det M = det S1 det S2
        double[][] s1 = {{2, 0.8}, {0.8, 1}};
        double[][] s2 = {{0.5, -0.3}, {-0.3, 3}};
        double trProduct = s1[0][0] * s2[0][0] + s1[0][1] * s2[1][0] + s1[1][0] * s2[0][1] + s1[1][1] * s2[1][1];
        double det1 = s1[0][0] * s1[1][1] - s1[0][1] * s1[1][0];
        double det2 = s2[0][0] * s2[1][1] - s2[0][1] * s2[1][0];
        double traceRoot = Math.sqrt(trProduct + 2 * Math.sqrt(det1 * det2));
        double expected = (1 * 1 + 2 * 2) + (3 + 3.5) - 2 * traceRoot;
        double got = FrechetDistance.ofGaussians(new double[] {0, 0}, s1, new double[] {1, -2}, s2);
        assertEquals(expected, got, 1e-12);
    }

    @Test
    void samplesOfTwoGaussiansApproachTheClosedForm() {
        double[] mu1 = {0, 0, 0};
        double[] mu2 = {0.5, -0.5, 1};
        double[][] l1 = {{1, 0, 0}, {0.5, 1, 0}, {0, -0.5, 0.8}};
        double[][] l2 = {{2, 0, 0}, {-0.4, 0.6, 0}, {0.3, 0.2, 1.5}};
        double exact = FrechetDistance.ofGaussians(mu1, timesTranspose(l1), mu2, timesTranspose(l2));
        Random random = new Random(7);
        FrechetDistanceResult r = FrechetDistance.between(gaussian(random, 40_000, mu1, l1),
                gaussian(random, 40_000, mu2, l2));
        assertEquals(exact, r.value(), 0.02 * exact, () -> "exact " + exact + ", sampled " + r);
    }

    @Test
    void mismatchedDimensionsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1}, {2}}));
        assertEquals(true, e.getMessage().contains("one extractor"));
    }

    private static double[][] diag(double[] v) {
        double[][] m = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            m[i][i] = v[i];
        }
        return m;
    }
}
