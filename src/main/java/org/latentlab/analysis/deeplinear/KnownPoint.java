package org.latentlab.analysis.deeplinear;

import java.util.Arrays;

/**
 * A point of a {@link DeepLinearNet} whose Hessian spectrum is known in closed form: the origin, a balanced global
 * minimum, a saddle with two zero weights.
 *
 * @param name        a short name for tables and files ({@code origin}, {@code minimum}, {@code saddle})
 * @param weights     w
 * @param eigenvalues the Hessian's eigenvalues at w from the closed form, ascending
 * @param reason      one line: where the closed form comes from
 */
public record KnownPoint(String name, double[] weights, double[] eigenvalues, String reason) {

    public KnownPoint {
        weights = weights.clone();
        eigenvalues = eigenvalues.clone();
        Arrays.sort(eigenvalues);
    }

    /**
     * The origin w = 0. For d = 1 the Hessian is [2] (and the origin is not critical); for d = 2 it is
     * [[0, −2t], [−2t, 0]], eigenvalues ±2t; for d ≥ 3 every Pᵢ and every Pᵢⱼ still holds a zero weight, so the
     * Hessian is 0: a saddle flat to order d − 1.
     */
    public static KnownPoint origin(DeepLinearNet net) {
        int d = net.depth();
        double[] e = new double[d];
        String why;
        if (d == 1) {
            e[0] = 2;
            why = "d = 1: H = [2]";
        } else if (d == 2) {
            e[0] = -2 * Math.abs(net.target());
            e[1] = 2 * Math.abs(net.target());
            why = "d = 2: H = [[0, −2t], [−2t, 0]], eigenvalues ±2t";
        } else {
            why = "d ≥ 3: every product Pᵢ, Pᵢⱼ keeps a zero weight, so H = 0";
        }
        return new KnownPoint("origin", new double[d], e, why);
    }

    /**
     * The balanced global minimum, every |wᵢ| = |t|^{1/d} (w₁ carrying t's sign): r = 0, so H = 2ggᵀ with gᵢ = Pᵢ,
     * rank one, eigenvalues 2‖g‖² = 2d|t|^{2(d−1)/d} and 0 (d − 1 times): flat along the d − 1 directions that
     * rescale the weights and keep their product.
     */
    public static KnownPoint balancedMinimum(DeepLinearNet net) {
        int d = net.depth();
        double a = Math.pow(Math.abs(net.target()), 1.0 / d);
        double[] w = new double[d];
        Arrays.fill(w, a);
        w[0] = Math.copySign(a, net.target());
        double[] e = new double[d];
        e[d - 1] = 2 * d * Math.pow(Math.abs(net.target()), 2.0 * (d - 1) / d);
        return new KnownPoint("minimum", w, e, "r = 0: H = 2ggᵀ, gᵢ = Pᵢ; eigenvalues 2‖g‖² and 0 (d − 1 times)");
    }

    /**
     * The saddle with weights {@code a} and {@code b} zero and every other weight equal to {@code others}: every Pᵢ
     * and P vanish (so the gradient is 0 and r = t) and the only non-zero Pᵢⱼ is P_ab = others^{d−2}; H has
     * −2t·others^{d−2} at (a, b) and (b, a) and nothing else: eigenvalues ±2|t|·|others|^{d−2} and 0 (d − 2 times).
     */
    public static KnownPoint saddle(DeepLinearNet net, int a, int b, double others) {
        int d = net.depth();
        if (d < 2 || a == b || a < 0 || b < 0 || a >= d || b >= d) {
            throw new IllegalArgumentException("a saddle of two zero weights needs two different weights of the "
                    + d + ", not " + (a + 1) + " and " + (b + 1));
        }
        double[] w = new double[d];
        Arrays.fill(w, others);
        w[a] = 0;
        w[b] = 0;
        double c = 2 * Math.abs(net.target() * Math.pow(others, d - 2));
        double[] e = new double[d];
        e[0] = -c;
        e[d - 1] = c;
        return new KnownPoint("saddle", w, e, "two zero weights: H = −2t·P_ab at (a, b) and (b, a) alone,"
                + " eigenvalues ±2t·others^(d−2)");
    }

    /** The three points of the lecture: origin, balanced minimum, saddle of weights 1 and 2 (others 1). */
    public static java.util.List<KnownPoint> lecture(DeepLinearNet net) {
        java.util.List<KnownPoint> points = new java.util.ArrayList<>();
        points.add(origin(net));
        points.add(balancedMinimum(net));
        if (net.depth() >= 3) {
            points.add(saddle(net, 0, 1, 1));
        }
        return points;
    }
}
