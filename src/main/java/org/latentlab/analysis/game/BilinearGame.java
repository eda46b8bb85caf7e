package org.latentlab.analysis.game;

/**
 * The simplest game on which gradient play does not converge: min_x max_y f(x, y) = x·y, whose only equilibrium is
 * (0, 0) (Goodfellow 2016, "NIPS 2016 tutorial: generative adversarial networks", §8.2; Mescheder et al. 2018,
 * "Which training methods for GANs do actually converge?"). x descends and y ascends f:
 * <ul>
 *   <li><b>simultaneous</b> steps, x ← x − η y and y ← y + η x from the same old point: the map
 *       [[1, −η], [η, 1]] is √(1 + η²) times a rotation, so the radius grows by exactly √(1 + η²) a step and the
 *       path spirals outwards for every η > 0;</li>
 *   <li><b>alternating</b> steps, x ← x − η y, then y ← y + η x with the new x: the map [[1, −η], [η, 1 − η²]] has
 *       determinant 1 and, for η &lt; 2, eigenvalues on the unit circle; it keeps
 *       {@link #alternatingInvariant x² + y² − η x y} exactly, so the path stays on an ellipse around the
 *       equilibrium, orbiting without converging (for η ≥ 2 it diverges).</li>
 * </ul>
 */
public final class BilinearGame {

    /** How the two players' steps are ordered. */
    public enum Updates {
        SIMULTANEOUS("simultaneous"),
        ALTERNATING("alternating");

        private final String label;

        Updates(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private BilinearGame() {
    }

    /** The path of the given kind of steps from (x0, y0). */
    public static GamePath path(Updates updates, double x0, double y0, double eta, int steps) {
        if (!(eta > 0 && Double.isFinite(eta))) {
            throw new IllegalArgumentException("the step size η must be positive and finite, not " + eta);
        }
        if (steps < 0 || steps > 10_000_000) {
            throw new IllegalArgumentException("the number of steps must lie in 0..10,000,000, not " + steps);
        }
        if (!(Double.isFinite(x0) && Double.isFinite(y0))) {
            throw new IllegalArgumentException("the start must be finite, not (" + x0 + ", " + y0 + ")");
        }
        double[] x = new double[steps + 1];
        double[] y = new double[steps + 1];
        x[0] = x0;
        y[0] = y0;
        for (int t = 0; t < steps; t++) {
            double nx = x[t] - eta * y[t];
            x[t + 1] = nx;
            y[t + 1] = y[t] + eta * (updates == Updates.ALTERNATING ? nx : x[t]);
        }
        return new GamePath(x, y, eta, updates);
    }

    public static GamePath simultaneous(double x0, double y0, double eta, int steps) {
        return path(Updates.SIMULTANEOUS, x0, y0, eta, steps);
    }

    public static GamePath alternating(double x0, double y0, double eta, int steps) {
        return path(Updates.ALTERNATING, x0, y0, eta, steps);
    }

    /** The factor √(1 + η²) by which each simultaneous step multiplies the distance from the equilibrium. */
    public static double simultaneousGrowth(double eta) {
        return Math.sqrt(1 + eta * eta);
    }

    /** x² + y² − η x y, which alternating steps with step size η leave unchanged. */
    public static double alternatingInvariant(double x, double y, double eta) {
        return x * x + y * y - eta * x * y;
    }

    /**
     * The joint gradient field of the two players' losses, L_x = x y and L_y = −x y: v(x, y) = (∂L_x/∂x, ∂L_y/∂y) =
     * (y, −x), whose Jacobian [[0, 1], [−1, 0]] has the eigenvalues ±i (pure rotation).
     */
    public static double[] field(double[] theta) {
        if (theta.length != 2) {
            throw new IllegalArgumentException("the bilinear game has two parameters (x, y), got " + theta.length);
        }
        return new double[] {theta[1], -theta[0]};
    }
}
