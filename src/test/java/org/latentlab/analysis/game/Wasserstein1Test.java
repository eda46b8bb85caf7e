package org.latentlab.analysis.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Exact W1 against translates, sorted matchings on a line, the 1-D CDF formula and brute force. */
class Wasserstein1Test {

    private static double[] randomPoints(int n, Random rng) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = rng.nextGaussian();
        }
        return xy;
    }

    @Test
    void aTranslateIsAtTheLengthOfTheTranslation() {
        // W1 ≥ ‖E a − E b‖ = ‖t‖ (Jensen) and the identity matching costs ‖t‖.
        Random rng = new Random(1);
        double[] a = randomPoints(200, rng);
        double tx = 0.7;
        double ty = -0.4;
        double[] b = new double[a.length];
        for (int i = 0; i < 200; i++) {
            b[2 * i] = a[2 * i] + tx;
            b[2 * i + 1] = a[2 * i + 1] + ty;
        }
        assertEquals(Math.hypot(tx, ty), Wasserstein1.distance(a, b), 1e-12);
        assertEquals(0.0, Wasserstein1.distance(a, a), 0.0);
    }

    @Test
    void pointsOnALineAreMatchedInSortedOrder() {
        Random rng = new Random(2);
        int n = 300;
        double ux = 0.6;
        double uy = 0.8;
        double[] s = new double[n];
        double[] t = new double[n];
        double[] a = new double[2 * n];
        double[] b = new double[2 * n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextGaussian();
            t[i] = 1.5 * rng.nextDouble() - 0.2;
            a[2 * i] = 1 + s[i] * ux;
            a[2 * i + 1] = -2 + s[i] * uy;
            b[2 * i] = 1 + t[i] * ux;
            b[2 * i + 1] = -2 + t[i] * uy;
        }
        Arrays.sort(s);
        Arrays.sort(t);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += Math.abs(s[i] - t[i]);
        }
        expected /= n;
        assertEquals(expected, Wasserstein1.distance(a, b), 1e-12);
    }

    @Test
    void unequalSizesOnALineFollowTheCdfFormula() {
        // In one dimension W1 = ∫ |F_a(x) − F_b(x)| dx (Vallender 1974).
        Random rng = new Random(3);
        double[] s = new double[12];
        double[] t = new double[8];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextGaussian();
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.5 + rng.nextGaussian();
        }
        double[] all = new double[s.length + t.length];
        System.arraycopy(s, 0, all, 0, s.length);
        System.arraycopy(t, 0, all, s.length, t.length);
        Arrays.sort(all);
        double expected = 0;
        for (int i = 0; i + 1 < all.length; i++) {
            double x = all[i];
            expected += Math.abs(cdf(s, x) - cdf(t, x)) * (all[i + 1] - all[i]);
        }
        assertEquals(expected, Wasserstein1.distance(onXAxis(s), onXAxis(t)), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> Wasserstein1.distance(new double[2 * 301], new double[2 * 300]));
    }

    private static double cdf(double[] v, double x) {
        int c = 0;
        for (double e : v) {
            if (e <= x) {
                c++;
            }
        }
        return (double) c / v.length;
    }

    private static double[] onXAxis(double[] v) {
        double[] xy = new double[2 * v.length];
        for (int i = 0; i < v.length; i++) {
            xy[2 * i] = v[i];
        }
        return xy;
    }

    @Test
    void assignmentsMatchBruteForceOverAllPermutations() {
        Random rng = new Random(4);
        for (int n = 1; n <= 7; n++) {
            for (int trial = 0; trial < 5; trial++) {
                double[] a = randomPoints(n, rng);
                double[] b = randomPoints(n, rng);
                double best = bruteForce(a, b, new int[n], new boolean[n], 0);
                assertEquals(best / n, Wasserstein1.distance(a, b), 1e-12, "n = " + n);
            }
        }
    }

    @Test
    void rectangularAssignmentsMatchBruteForce() {
        Random rng = new Random(6);
        for (int trial = 0; trial < 20; trial++) {
            double[][] cost = new double[4][6];
            for (double[] row : cost) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rng.nextDouble() * 10 - 3;
                }
            }
            int[] column = HungarianAssignment.solve(cost);
            assertEquals(4, Arrays.stream(column).distinct().count());
            assertEquals(bruteForceRect(cost, 0, new boolean[6]), HungarianAssignment.totalCost(cost, column), 1e-12);
        }
    }

    private static double bruteForce(double[] a, double[] b, int[] perm, boolean[] used, int i) {
        int n = used.length;
        if (i == n) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += Math.hypot(a[2 * k] - b[2 * perm[k]], a[2 * k + 1] - b[2 * perm[k] + 1]);
            }
            return s;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[i] = j;
                best = Math.min(best, bruteForce(a, b, perm, used, i + 1));
                used[j] = false;
            }
        }
        return best;
    }

    private static double bruteForceRect(double[][] cost, int i, boolean[] used) {
        if (i == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[i][j] + bruteForceRect(cost, i + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
