package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class KernelInceptionDistanceTest {

    private static double[][] normal(Random random, int n, int dim, double shift) {
        double[][] rows = new double[n][dim];
        for (double[] row : rows) {
            for (int k = 0; k < dim; k++) {
                row[k] = shift + random.nextGaussian();
            }
        }
        return rows;
    }

    /**
     * The explicit feature map of the kernel in 2-D: (a + b + 1)^3 with a = x1 y1 / 2, b = x2 y2 / 2 expands to
     * &Sigma; 3!/(i! j! (3-i-j)!) a^i b^j, so &phi;_ij(x) = sqrt(coefficient / 2^(i+j)) x1^i x2^j.
     */
    private static double[] featureMap(double[] x) {
        double[] phi = new double[10];
        int f = 0;
        int[] factorial = {1, 1, 2, 6};
        for (int i = 0; i <= 3; i++) {
            for (int j = 0; i + j <= 3; j++) {
                double coefficient = 6.0 / (factorial[i] * factorial[j] * factorial[3 - i - j]);
                phi[f++] = Math.sqrt(coefficient / Math.pow(2, i + j)) * Math.pow(x[0], i) * Math.pow(x[1], j);
            }
        }
        return phi;
    }

    /** The unbiased MMD^2 through mean embeddings: off-diagonal sums as |sum phi|^2 - sum |phi|^2. */
    private static double mmd2ByFeatureMap(double[][] x, double[][] y) {
        int m = x.length;
        double[] sx = new double[10];
        double[] sy = new double[10];
        double diagX = 0;
        double diagY = 0;
        for (int i = 0; i < m; i++) {
            double[] px = featureMap(x[i]);
            double[] py = featureMap(y[i]);
            for (int f = 0; f < 10; f++) {
                sx[f] += px[f];
                sy[f] += py[f];
                diagX += px[f] * px[f];
                diagY += py[f] * py[f];
            }
        }
        double xx = FeatureRows.dot(sx, sx) - diagX;
        double yy = FeatureRows.dot(sy, sy) - diagY;
        double xy = FeatureRows.dot(sx, sy);
        return (xx + yy) / ((double) m * (m - 1)) - 2 * xy / ((double) m * m);
    }

    @Test
    void aWholeSetSubsetMatchesTheFeatureMapForm() {
        Random random = new Random(3);
        double[][] x = normal(random, 12, 2, 0);
        double[][] y = normal(random, 12, 2, 0.7);
        // one subset of all 12 vectors: the value does not depend on the order drawn
        KernelInceptionDistanceResult r = KernelInceptionDistance.between(x, y, 3, 1000, 11);
        assertEquals(12, r.subsetSize());
        assertEquals(mmd2ByFeatureMap(x, y), r.mean(), 1e-10);
        assertEquals(0, r.standardDeviation(), 1e-10);
    }

    @Test
    void twoSamplesOfOneDistributionAverageZeroOverRepeats() {
        Random random = new Random(5);
        int repeats = 200;
        double[] values = new double[repeats];
        for (int t = 0; t < repeats; t++) {
            values[t] = KernelInceptionDistance.between(normal(random, 40, 4, 0), normal(random, 40, 4, 0), 1, 40, t)
                    .mean();
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= repeats;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(var / (repeats - 1) / repeats);
        assertTrue(Math.abs(mean) < 3 * standardError, "mean " + mean + ", standard error " + standardError);
        // the biased (V-statistic) form adds the diagonal terms and sits well above 0: the check has power
        double biasedExcess = 0;
        for (int t = 0; t < 20; t++) {
            double[][] x = normal(random, 40, 4, 0);
            for (double[] row : x) {
                biasedExcess += KernelInceptionDistance.kernel(row, row, 4) / (40.0 * 40 * 20);
            }
        }
        assertTrue(biasedExcess > 10 * standardError, "biased excess " + biasedExcess);
    }

    @Test
    void shiftedGaussiansAverageTheirPopulationMmd() {
        // d = 1, X ~ N(a, 1), Y ~ N(b, 1) independent: E (XY + 1)^3 = 1 + 3ab + 3(1 + a^2)(1 + b^2)
        // + (a^3 + 3a)(b^3 + 3b), so MMD^2 between N(0, 1) and N(1/2, 1) = 4 + 9.078125 - 2 * 4.75 = 3.578125
        double shift = 0.5;
        double population = expectedKernel(0, 0) + expectedKernel(shift, shift) - 2 * expectedKernel(0, shift);
        assertEquals(3.578125, population, 1e-12);
        Random random = new Random(9);
        int repeats = 30;
        double[] values = new double[repeats];
        for (int t = 0; t < repeats; t++) {
            KernelInceptionDistanceResult r = KernelInceptionDistance.between(normal(random, 400, 1, 0),
                    normal(random, 400, 1, shift), 1, 400, t);
            values[t] = r.mean();
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= repeats;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(var / (repeats - 1) / repeats);
        assertTrue(mean > 0);
        assertTrue(Math.abs(mean - population) < 3 * standardError,
                "mean " + mean + " +- " + standardError + ", population " + population);
        assertTrue(standardError < 0.1 * population, "standard error " + standardError);
    }

    private static double expectedKernel(double a, double b) {
        return 1 + 3 * a * b + 3 * (1 + a * a) * (1 + b * b) + (a * a * a + 3 * a) * (b * b * b + 3 * b);
    }

    @Test
    void theSubsetSizeIsCappedAtTheSmallerSet() {
        Random random = new Random(2);
        KernelInceptionDistanceResult r = KernelInceptionDistance.between(normal(random, 50, 3, 0),
                normal(random, 30, 3, 0), 7);
        assertEquals(30, r.subsetSize());
        assertEquals(KernelInceptionDistance.DEFAULT_SUBSET_COUNT, r.subsetCount());
    }
}
