package org.latentlab.analysis.game;

import java.util.Arrays;

/**
 * The exact Wasserstein-1 (earth mover's) distance between the empirical distributions of two 2-D point sets with
 * Euclidean ground cost: W1 = min over transport plans of Σ π_ij ‖a_i − b_j‖. For two sets of n points with equal
 * weights an optimal plan is a permutation (Birkhoff-von Neumann), so W1 = (1/n) min_σ Σ_i ‖a_i − b_σ(i)‖, found by
 * {@link HungarianAssignment} in O(n³). Sets of different sizes n and m are reduced to the same problem by repeating
 * each point of the first set m/g times and each of the second n/g times (g = gcd(n, m)), which is exact but needs
 * lcm(n, m) ≤ {@value #MAX_EXPANDED} points; otherwise draw equal numbers of points.
 */
public final class Wasserstein1 {

    /** The largest matching solved, after repetition for unequal sizes. */
    public static final int MAX_EXPANDED = 1200;

    private Wasserstein1() {
    }

    /** W1 between the first n points of a and the first m points of b (x, y pairs). */
    public static double distance(float[] a, int n, float[] b, int m) {
        return distance(toDouble(a, n), toDouble(b, m));
    }

    /** W1 between two sets of points given as x, y pairs (their sizes may differ, see the class comment). */
    public static double distance(double[] a, double[] b) {
        int n = count(a, "first");
        int m = count(b, "second");
        long g = gcd(n, m);
        long lcm = (long) n / g * m;
        if (lcm > MAX_EXPANDED) {
            throw new IllegalArgumentException("sets of " + n + " and " + m + " points need a matching of " + lcm
                    + " points (at most " + MAX_EXPANDED + "): draw equal numbers of points");
        }
        double[] ea = repeat(a, n, (int) (lcm / n));
        double[] eb = repeat(b, m, (int) (lcm / m));
        double[][] cost = costs(ea, eb);
        int[] match = HungarianAssignment.solve(cost);
        return HungarianAssignment.totalCost(cost, match) / lcm;
    }

    /** For two sets of equal size n: the point of b matched to each point of a by an optimal plan. */
    public static int[] matching(double[] a, double[] b) {
        int n = count(a, "first");
        if (count(b, "second") != n) {
            throw new IllegalArgumentException("a matching needs sets of equal size, got " + n + " and "
                    + b.length / 2);
        }
        return HungarianAssignment.solve(costs(a, b));
    }

    private static double[][] costs(double[] a, double[] b) {
        int n = a.length / 2;
        int m = b.length / 2;
        double[][] cost = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                cost[i][j] = Math.hypot(a[2 * i] - b[2 * j], a[2 * i + 1] - b[2 * j + 1]);
            }
        }
        return cost;
    }

    private static double[] repeat(double[] xy, int n, int times) {
        if (times == 1) {
            return xy.length == 2 * n ? xy : Arrays.copyOf(xy, 2 * n);
        }
        double[] out = new double[2 * n * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(xy, 0, out, 2 * n * t, 2 * n);
        }
        return out;
    }

    private static int count(double[] xy, String which) {
        if (xy.length < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("the " + which + " set needs at least one point as x, y pairs, got "
                    + xy.length + " values");
        }
        for (double v : xy) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the " + which + " set holds a value that is not finite: " + v);
            }
        }
        return xy.length / 2;
    }

    private static double[] toDouble(float[] xy, int n) {
        if (n < 1 || xy.length < 2L * n) {
            throw new IllegalArgumentException("need n ≥ 1 points and 2n values, got n = " + n + " and "
                    + xy.length + " values");
        }
        double[] out = new double[2 * n];
        for (int i = 0; i < out.length; i++) {
            out[i] = xy[i];
        }
        return out;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
