package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ParzenWindowTest {

    private static double[][] normal(Random random, int n, int dim, double mean, double sd) {
        double[][] rows = new double[n][dim];
        for (double[] row : rows) {
            for (int k = 0; k < dim; k++) {
                row[k] = mean + sd * random.nextGaussian();
            }
        }
        return rows;
    }

    /** log N(x; 0, v I). */
    private static double logGaussian(double[] x, double variance) {
        return -0.5 * x.length * Math.log(2 * Math.PI * variance) - FeatureRows.dot(x, x) / (2 * variance);
    }

    @Test
    void aLargeGaussianSampleGivesTheGaussianSmoothedBySigma() {
        // kernels from N(0, s^2 I) with width sigma tend to the density N(0, (s^2 + sigma^2) I)
        int dim = 2;
        double s = 1;
        double sigma = 0.5;
        double variance = s * s + sigma * sigma;
        Random random = new Random(12);
        double[][] generated = normal(random, 20_000, dim, 0, s);
        double[][] test = normal(random, 400, dim, 0.3, 1.2);
        double[] got = ParzenWindow.logLikelihoods(generated, test, sigma);
        double meanGot = 0;
        double meanExact = 0;
        for (int p = 0; p < test.length; p++) {
            meanGot += got[p] / test.length;
            meanExact += logGaussian(test[p], variance) / test.length;
        }
        assertEquals(meanExact, meanGot, 0.02);

        // and its expectation over test points x ~ N(m, t^2 I): -(d/2) log(2 pi v) - (d t^2 + |m|^2) / (2 v)
        double m2 = dim * 0.3 * 0.3;
        double expected = -0.5 * dim * Math.log(2 * Math.PI * variance) - (dim * 1.44 + m2) / (2 * variance);
        ParzenWindowResult r = ParzenWindow.evaluate(generated, test, test, new double[] {sigma});
        assertEquals(meanGot, r.meanLogLikelihood(), 1e-12);
        assertTrue(Math.abs(r.meanLogLikelihood() - expected) < 4 * r.standardError(),
                r + ", expected " + expected);
        assertEquals(400, r.testCount());
        assertEquals(20_000, r.kernelCount());
    }

    @Test
    void sigmaIsChosenByTheValidationLikelihood() {
        // every kernel at 0: the density is N(0, sigma^2), whose mean log-likelihood on {-1, 1} is
        // -log(2 pi sigma^2) / 2 - 1 / (2 sigma^2), largest at sigma = 1
        double[][] generated = {{0}, {0}, {0}, {0}, {0}};
        double[] grid = {0.25, 0.5, 1, 2, 4};
        ParzenWindowResult r = ParzenWindow.evaluate(generated, new double[][] {{-1}, {1}},
                new double[][] {{0}, {2}}, grid);
        assertEquals(1, r.sigma(), 0);
        double[] expectedValidation = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            expectedValidation[i] = -0.5 * Math.log(2 * Math.PI * grid[i] * grid[i]) - 1 / (2 * grid[i] * grid[i]);
        }
        assertArrayEquals(expectedValidation, r.validationLogLikelihoods(), 1e-12);
        double expectedTest = (logGaussian(new double[] {0}, 1) + logGaussian(new double[] {2}, 1)) / 2;
        assertEquals(expectedTest, r.meanLogLikelihood(), 1e-12);
        // test values -0.919 and -2.919: standard deviation 1 (divisor n), standard error 1 / sqrt(2)
        assertEquals(1 / Math.sqrt(2), r.standardError(), 1e-12);
    }

    @Test
    void farPointsStayFiniteThroughTheLogSumExp() {
        // two kernels at distances 100 and 101 with sigma 0.1 in 3-D: exp(-500000) underflows, the log does not
        double sigma = 0.1;
        double[][] generated = {{100, 0, 0}, {0, 101, 0}};
        double a = 100.0 * 100 / (2 * sigma * sigma);
        double b = 101.0 * 101 / (2 * sigma * sigma);
        double expected = -a + Math.log1p(Math.exp(a - b)) - Math.log(2) - 1.5 * Math.log(2 * Math.PI * sigma * sigma);
        double got = ParzenWindow.logLikelihoods(generated, new double[][] {{0, 0, 0}}, sigma)[0];
        assertEquals(expected, got, 1e-9 * Math.abs(expected));
    }

    @Test
    void theDefaultGridRunsFromATenthToOne() {
        double[] grid = ParzenWindow.defaultSigmaGrid();
        assertEquals(10, grid.length);
        assertEquals(0.1, grid[0], 1e-15);
        assertEquals(1, grid[9], 1e-15);
        assertEquals(grid[1] / grid[0], grid[9] / grid[8], 1e-12);
    }
}
