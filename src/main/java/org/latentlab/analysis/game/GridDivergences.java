package org.latentlab.analysis.game;

import java.util.Locale;

/**
 * Divergences between the data's and the generator's distributions discretised on a grid, as GAN Lab draws them
 * (Kahng et al. 2019, "GAN Lab: understanding complex deep generative models using interactive visual
 * experimentation"): each grid of non-negative values is normalised to a probability vector p (data) and q
 * (generator), and, in nats,
 * <ul>
 *   <li>Jensen-Shannon JS(p, q) = ½ KL(p‖m) + ½ KL(q‖m), m = (p + q)/2; it needs no floor (0 log 0 = 0 and m > 0
 *       wherever p or q is), and lies in [0, log 2];</li>
 *   <li>KL(p‖q) (forward: large when G misses modes of the data) and KL(q‖p) (reverse: large when G puts mass where
 *       there is no data), computed after a floor: every cell's probability is raised by epsilon and each vector
 *       renormalised, p̃ = (p + ε)/(1 + Nε), so an empty cell costs at most about log(1/ε) per unit of mass
 *       instead of an infinite value. With epsilon = 0 a cell where one side has mass and the other none gives +∞.</li>
 * </ul>
 */
public record GridDivergences(double jensenShannon, double klDataGenerator, double klGeneratorData, double epsilon) {

    /** The default floor ε. */
    public static final double DEFAULT_EPSILON = 1e-10;

    public GridDivergences {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("the floor ε must lie in [0, 1), not " + epsilon);
        }
    }

    /** The divergences between two grids of masses or densities, with {@link #DEFAULT_EPSILON}. */
    public static GridDivergences between(double[] data, double[] generator) {
        return between(data, generator, DEFAULT_EPSILON);
    }

    /** The divergences between two grids of masses or densities (each normalised here), with the floor epsilon. */
    public static GridDivergences between(double[] data, double[] generator, double epsilon) {
        if (data.length != generator.length || data.length == 0) {
            throw new IllegalArgumentException("both grids need the same, positive number of cells, got "
                    + data.length + " and " + generator.length);
        }
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("the floor ε must lie in [0, 1), not " + epsilon);
        }
        double[] p = normalised(data, 0, "data");
        double[] q = normalised(generator, 0, "generator");
        double js = 0;
        for (int c = 0; c < p.length; c++) {
            double m = 0.5 * (p[c] + q[c]);
            js += 0.5 * (term(p[c], m) + term(q[c], m));
        }
        double[] pf = normalised(p, epsilon, "data");
        double[] qf = normalised(q, epsilon, "generator");
        return new GridDivergences(Math.max(0, js), kl(pf, qf), kl(qf, pf), epsilon);
    }

    private static double kl(double[] p, double[] q) {
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            s += term(p[c], q[c]);
        }
        return Math.max(0, s);
    }

    /** a·log(a/b) with 0·log(0/b) = 0 and a·log(a/0) = +∞ for a > 0. */
    private static double term(double a, double b) {
        if (a == 0) {
            return 0;
        }
        return b == 0 ? Double.POSITIVE_INFINITY : a * Math.log(a / b);
    }

    private static double[] normalised(double[] values, double epsilon, String what) {
        double total = 0;
        for (double v : values) {
            if (!(v >= 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("the " + what + " grid holds " + v + "; values must be ≥ 0 and"
                        + " finite");
            }
            total += v + epsilon;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the " + what + " grid has no mass in the view");
        }
        double[] out = new double[values.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = (values[c] + epsilon) / total;
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "JS %.4g, KL(data‖G) %.4g, KL(G‖data) %.4g nats (floor %.1g)",
                jensenShannon, klDataGenerator, klGeneratorData, epsilon);
    }
}
