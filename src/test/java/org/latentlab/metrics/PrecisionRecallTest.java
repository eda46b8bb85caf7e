package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PrecisionRecallTest {

    private static double[][] uniformSquare(Random random, int n, double x0, double y0) {
        double[][] rows = new double[n][2];
        for (double[] row : rows) {
            row[0] = x0 + random.nextDouble();
            row[1] = y0 + random.nextDouble();
        }
        return rows;
    }

    @Test
    void handComputedOneDimensionalCase() {
        // k = 1. Real radii: 0 -> 1, 1 -> 1, 2 -> 1, 10 -> 8; generated 2.5 (in 2's ball), 5 (in 10's), 20 (out).
        // Generated radii: 2.5 -> 2.5, 5 -> 2.5, 20 -> 15; real 0, 1, 2 in 2.5's ball (0 on its surface), 10 in 20's.
        PrecisionRecallResult r = PrecisionRecall.between(new double[][] {{0}, {1}, {2}, {10}},
                new double[][] {{2.5}, {5}, {20}}, 1);
        assertEquals(2.0 / 3, r.precision(), 1e-15);
        assertEquals(1.0, r.recall(), 0);
        assertEquals(4, r.realCount());
        assertEquals(3, r.generatedCount());
    }

    @Test
    void identicalSetsScoreOne() {
        double[][] a = uniformSquare(new Random(1), 200, 0, 0);
        PrecisionRecallResult r = PrecisionRecall.between(a, a.clone());
        assertEquals(1.0, r.precision(), 0);
        assertEquals(1.0, r.recall(), 0);
        assertEquals(PrecisionRecall.DEFAULT_K, r.k());
    }

    @Test
    void farApartSetsScoreZero() {
        Random random = new Random(2);
        PrecisionRecallResult r = PrecisionRecall.between(uniformSquare(random, 200, 0, 0),
                uniformSquare(random, 200, 5, 5));
        assertEquals(0.0, r.precision(), 0);
        assertEquals(0.0, r.recall(), 0);
    }

    @Test
    void squaresOverlappingByHalfScoreAboutOneHalf() {
        Random random = new Random(3);
        // half of each square lies in the other; the balls reach about sqrt(k / (pi n)) = 0.025 past the edge
        PrecisionRecallResult r = PrecisionRecall.between(uniformSquare(random, 1500, 0, 0),
                uniformSquare(random, 1500, 0.5, 0));
        assertEquals(0.5, r.precision(), 0.04, r.toString());
        assertEquals(0.5, r.recall(), 0.04, r.toString());
    }

    @Test
    void matchesBruteForceOnSmallSets() {
        Random random = new Random(8);
        for (int trial = 0; trial < 20; trial++) {
            double[][] real = new double[15 + trial][3];
            double[][] generated = new double[12][3];
            for (double[][] set : new double[][][] {real, generated}) {
                double shift = set == real ? 0 : 0.3 * (trial % 4);
                for (double[] row : set) {
                    for (int k = 0; k < 3; k++) {
                        row[k] = shift + random.nextGaussian();
                    }
                }
            }
            int k = 1 + trial % 4;
            PrecisionRecallResult r = PrecisionRecall.between(real, generated, k);
            assertEquals(bruteShare(generated, real, k), r.precision(), 0, "trial " + trial);
            assertEquals(bruteShare(real, generated, k), r.recall(), 0, "trial " + trial);
        }
    }

    /** Radii from a full sort of each centre's distances to the others. */
    private static double bruteShare(double[][] queries, double[][] centres, int k) {
        double[] radii = new double[centres.length];
        for (int c = 0; c < centres.length; c++) {
            double[] others = new double[centres.length - 1];
            int o = 0;
            for (int j = 0; j < centres.length; j++) {
                if (j != c) {
                    others[o++] = Math.sqrt(FeatureRows.squaredDistance(centres[c], centres[j]));
                }
            }
            Arrays.sort(others);
            radii[c] = others[k - 1];
        }
        int inside = 0;
        for (double[] q : queries) {
            boolean in = false;
            for (int c = 0; c < centres.length; c++) {
                in |= Math.sqrt(FeatureRows.squaredDistance(q, centres[c])) <= radii[c];
            }
            inside += in ? 1 : 0;
        }
        return (double) inside / queries.length;
    }
}
