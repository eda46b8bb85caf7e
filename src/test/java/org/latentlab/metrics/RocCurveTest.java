package org.latentlab.metrics;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ROC curve's area against its definitions: 1, 0.5 and 0 on separable, identical and reversed sets, ties
 * counted one half, the brute-force count of pairs P(anomalous > normal) + ½ P(tie) on random sets with ties, and
 * the closed form Φ(d/√2) for N(0, 1) against N(d, 1); the curve's points against the rates counted at each
 * threshold.
 */
class RocCurveTest {

    @Test
    void separableSetsHaveAreaOneAndReversedSetsZero() {
        double[] low = {0.1, 0.2, 0.3};
        double[] high = {0.5, 0.7, 0.9, 1.1};
        assertEquals(1.0, RocCurve.of(low, high).area(), 0);
        assertEquals(0.0, RocCurve.of(high, low).area(), 0);
    }

    @Test
    void identicalSetsAndTiesCountOneHalf() {
        double[] s = {0.3, 0.1, 0.7, 0.5};
        assertEquals(0.5, RocCurve.of(s, s.clone()).area(), 0);
        assertEquals(0.5, RocCurve.of(new double[] {2, 2}, new double[] {2, 2, 2}).area(), 0, "every pair a tie");
        // one win (3 > 1), one tie (1 = 1), two losses and so on: (wins + ties / 2) / (n m) counted by hand
        double[] normal = {1, 3};
        double[] anomalous = {1, 2, 4};
        // pairs (a, n): (1,1) tie, (1,3) loss, (2,1) win, (2,3) loss, (4,1) win, (4,3) win -> (3 + 0.5) / 6
        assertEquals(3.5 / 6, RocCurve.of(normal, anomalous).area(), 1e-15);
    }

    @Test
    void areaEqualsTheBruteForcePairCountOnRandomSetsWithTies() {
        Random r = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(60);
            int m = 1 + r.nextInt(60);
            double[] normal = new double[n];
            double[] anomalous = new double[m];
            for (int i = 0; i < n; i++) {
                normal[i] = r.nextInt(15); // few values: many ties
            }
            for (int j = 0; j < m; j++) {
                anomalous[j] = r.nextInt(15) + r.nextInt(4);
            }
            double pairs = 0;
            for (double a : anomalous) {
                for (double b : normal) {
                    pairs += a > b ? 1 : a == b ? 0.5 : 0;
                }
            }
            assertEquals(pairs / (n * m), RocCurve.of(normal, anomalous).area(), 1e-12, "trial " + trial);
        }
    }

    @Test
    void areaOfTwoGaussiansApproachesPhiOfDOverRootTwo() {
        Random r = new Random(11);
        int n = 20_000;
        for (double d : new double[] {0.5, 1.0, 2.0}) {
            double[] normal = new double[n];
            double[] anomalous = new double[n];
            for (int i = 0; i < n; i++) {
                normal[i] = r.nextGaussian();
                anomalous[i] = d + r.nextGaussian();
            }
            double expected = new NormalDistribution().cumulativeProbability(d / Math.sqrt(2));
            // the area's standard error is at most sqrt(A(1 - A) (1/n + 1/m)) ≤ 0.0036 here: allow 3 of them
            assertEquals(expected, RocCurve.of(normal, anomalous).area(), 0.011, "d = " + d);
        }
    }

    @Test
    void thePointsAreTheRatesCountedAtEveryThreshold() {
        double[] normal = {0.2, 0.4, 0.4, 0.9};
        double[] anomalous = {0.4, 0.8, 1.0};
        RocCurve roc = RocCurve.of(normal, anomalous);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 1.0, 0.9, 0.8, 0.4, 0.2}, roc.thresholds());
        double[] t = roc.thresholds();
        for (int k = 0; k < t.length; k++) {
            double threshold = t[k];
            long fp = java.util.Arrays.stream(normal).filter(s -> s >= threshold).count();
            long tp = java.util.Arrays.stream(anomalous).filter(s -> s >= threshold).count();
            assertEquals(fp / 4.0, roc.falsePositiveRate()[k], 0, "at " + threshold);
            assertEquals(tp / 3.0, roc.truePositiveRate()[k], 0, "at " + threshold);
        }
        // the trapezoids under the points give the same area as the pair count (ties draw a diagonal: one half)
        double trapezoids = 0;
        for (int k = 1; k < roc.size(); k++) {
            trapezoids += (roc.falsePositiveRate()[k] - roc.falsePositiveRate()[k - 1])
                    * (roc.truePositiveRate()[k] + roc.truePositiveRate()[k - 1]) / 2;
        }
        assertEquals(roc.area(), trapezoids, 1e-12);
        assertTrue(roc.area() > 0.5);
    }

    @Test
    void emptyOrNonFiniteScoresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new double[] {1}, new double[] {Double.NaN}));
    }
}
