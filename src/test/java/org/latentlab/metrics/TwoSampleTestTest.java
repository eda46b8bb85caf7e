package org.latentlab.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel two-sample test: MMD²ᵤ against the estimator written term by term (Gretton et al. 2012, eq. 3) on a
 * few points; two samples of one Gaussian pass at level 0.05, a Gaussian against one shifted by one standard
 * deviation is rejected; the p-value lies in (0, 1].
 */
class TwoSampleTestTest {

    private static double k(double[] p, int i, double[] q, int j, double s) {
        double dx = p[2 * i] - q[2 * j];
        double dy = p[2 * i + 1] - q[2 * j + 1];
        return Math.exp(-(dx * dx + dy * dy) / (2 * s * s));
    }

    @Test
    void mmdEqualsTheUnbiasedEstimatorTermByTerm() {
        double[] a = {0, 0, 1, 0, 0.5, 2};
        double[] b = {3, 1, -1, -1, 0, 1, 2, 2};
        double s = 1.3;
        int m = 3;
        int n = 4;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                xx += i == j ? 0 : k(a, i, a, j, s);
            }
            for (int j = 0; j < n; j++) {
                xy += k(a, i, b, j, s);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                yy += i == j ? 0 : k(b, i, b, j, s);
            }
        }
        double expected = xx / (m * (m - 1)) + yy / (n * (n - 1)) - 2 * xy / (m * n);
        assertEquals(expected, TwoSampleTest.mmd2(a, b, 2, s), 1e-12);
    }

    private static double[] gaussian(int n, double shift, long seed) {
        Random r = new Random(seed);
        double[] z = new double[2 * n];
        for (int i = 0; i < z.length; i++) {
            z[i] = r.nextGaussian() + (i % 2 == 0 ? shift : 0);
        }
        return z;
    }

    @Test
    void theTestPassesOneDistributionAndRejectsAShiftedOne() {
        double[] prior = gaussian(200, 0, 1);
        double width = TwoSampleTest.medianDistance(prior, 2);
        TwoSampleTest.Result same = TwoSampleTest.test(gaussian(200, 0, 2), prior, 2, width, 200, 0.05, 3);
        assertFalse(same.rejects(), same.toString());
        assertTrue(same.pValue() > 0.05 && same.pValue() <= 1, same.toString());
        TwoSampleTest.Result shifted = TwoSampleTest.test(gaussian(200, 1, 2), prior, 2, width, 200, 0.05, 3);
        assertTrue(shifted.rejects(), shifted.toString());
        assertEquals(1.0 / 201, shifted.pValue(), 1e-12, "no permutation reaches the shifted sample's statistic");
    }
}
