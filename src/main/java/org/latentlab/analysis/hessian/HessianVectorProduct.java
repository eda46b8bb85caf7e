package org.latentlab.analysis.hessian;

import org.latentlab.analysis.Objective;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.LabException;
import org.latentlab.engine.ExactCurvature;

/**
 * Hessian-vector products H(θ)·v of any {@link Objective}, exact where the lab's engine runs the objective and by
 * central differences of the gradient elsewhere.
 * <ul>
 *   <li><b>Exact</b>: a {@link NetworkObjective} whose networks the engine runs with their second derivatives
 *       (dense, convolutional and transposed-convolutional chains) and with a loss it knows (see
 *       {@link NetworkObjective#exactCurvature()}) is differentiated twice by Pearlmutter's R-operator (Pearlmutter
 *       1994, "Fast exact multiplication by the Hessian"): one forward-mode pass along v and one backward pass, at
 *       about the cost of one gradient and exact to rounding.</li>
 *   <li><b>Central differences</b> for every other objective: Hv ≈ (∇L(θ + h v) − ∇L(θ − h v)) / 2h, with the
 *       step h = ε · max(1, ‖θ‖) / ‖v‖, so that the perturbation of θ has length ε relative to θ whatever the scale
 *       of v (in double precision with ε ≤ 1e-5 this agrees with the exact product to ~1e-9 relative). Two
 *       gradient evaluations per product; the truncation error is O(h²) and vanishes for quadratics, whose Hessian
 *       it returns to rounding error.</li>
 * </ul>
 * {@link #exact()} says which one a product uses. The objective must compute in double precision: in float32 the
 * differences lose all but ~4 digits.
 */
public final class HessianVectorProduct {

    /** The default relative step ε. */
    public static final double DEFAULT_EPSILON = 1e-5;

    private final Objective objective;
    private final double[] theta;
    private final double step;
    private final ExactCurvature exact;
    private long products;

    /** Products at θ with the default relative step. */
    public HessianVectorProduct(Objective objective, double[] theta) {
        this(objective, theta, DEFAULT_EPSILON);
    }

    public HessianVectorProduct(Objective objective, double[] theta, double epsilon) {
        if (theta.length != objective.dimension()) {
            throw new IllegalArgumentException("θ has " + theta.length + " values but the objective has "
                    + objective.dimension() + " parameters");
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("the relative step must lie in (0, 1), not " + epsilon);
        }
        if (!Vectors.allFinite(theta)) {
            throw new LabException("the parameters contain NaN or infinite values: the Hessian is not defined there");
        }
        this.objective = objective;
        this.theta = theta.clone();
        this.step = epsilon * Math.max(1, Vectors.norm(theta));
        this.exact = objective instanceof NetworkObjective network ? network.exactCurvature().orElse(null) : null;
    }

    /** Whether the products are exact (the engine's R-operator) rather than central differences. */
    public boolean exact() {
        return exact != null;
    }

    /** How the products are computed, for reports. */
    public String method() {
        return exact() ? "exact (R-operator)" : "central differences of the gradient";
    }

    /** H(θ)·v, a fresh array. */
    public double[] apply(double[] v) {
        if (v.length != theta.length) {
            throw new IllegalArgumentException("v has " + v.length + " values, expected " + theta.length);
        }
        if (exact != null) {
            products++;
            return exact.hessianVector(theta, v);
        }
        double vn = Vectors.norm(v);
        if (vn == 0) {
            return new double[v.length];
        }
        double h = step / vn;
        double[] plus = objective.gradient(Vectors.addScaled(theta, h, v));
        double[] minus = objective.gradient(Vectors.addScaled(theta, -h, v));
        double[] out = new double[v.length];
        double inv = 1 / (2 * h);
        for (int i = 0; i < out.length; i++) {
            out[i] = (plus[i] - minus[i]) * inv;
        }
        products++;
        return out;
    }

    /** vᵀ H v. */
    public double quadraticForm(double[] v) {
        return Vectors.dot(v, apply(v));
    }

    public int dimension() {
        return theta.length;
    }

    /** The point θ the products are taken at (a copy). */
    public double[] point() {
        return theta.clone();
    }

    public Objective objective() {
        return objective;
    }

    /** How many products have been computed so far (two gradient evaluations each by central differences). */
    public long products() {
        return products;
    }
}
