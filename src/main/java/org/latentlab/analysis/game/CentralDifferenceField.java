package org.latentlab.analysis.game;

import org.latentlab.analysis.Vectors;
import org.latentlab.core.LabException;

/**
 * Jacobian-vector products of a {@link GradientField} at θ by central differences: J·v ≈ (v(θ + h v) − v(θ − h v))
 * / 2h with h = ε · max(1, ‖θ‖) / ‖v‖, so the perturbation of θ has length ε relative to θ whatever the scale of v
 * (as the lab's Hessian-vector products by differences do). Two field evaluations per product; the error is O(h²)
 * and vanishes for a linear field. The field must be computed in double precision: in float32 the
 * differences keep only a few digits.
 */
public final class CentralDifferenceField implements VectorField {

    /** The default relative step ε. */
    public static final double DEFAULT_EPSILON = 1e-5;

    private final GradientField field;
    private final double[] theta;
    private final double step;
    private long evaluations;

    /** Products at θ with the default relative step. */
    public CentralDifferenceField(GradientField field, double[] theta) {
        this(field, theta, DEFAULT_EPSILON);
    }

    public CentralDifferenceField(GradientField field, double[] theta, double epsilon) {
        if (theta.length == 0) {
            throw new IllegalArgumentException("θ must have at least one parameter");
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("the relative step must lie in (0, 1), not " + epsilon);
        }
        if (!Vectors.allFinite(theta)) {
            throw new LabException("the parameters contain NaN or infinite values: the game's Jacobian is not defined"
                    + " there");
        }
        this.field = field;
        this.theta = theta.clone();
        this.step = epsilon * Math.max(1, Vectors.norm(theta));
    }

    @Override
    public int dimension() {
        return theta.length;
    }

    @Override
    public double[] jacobianVector(double[] v) {
        if (v.length != theta.length) {
            throw new IllegalArgumentException("v has " + v.length + " values, expected " + theta.length);
        }
        double vn = Vectors.norm(v);
        if (vn == 0) {
            return new double[v.length];
        }
        double h = step / vn;
        double[] plus = evaluate(Vectors.addScaled(theta, h, v));
        double[] minus = evaluate(Vectors.addScaled(theta, -h, v));
        double[] out = new double[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return out;
    }

    /** How many times the field has been evaluated (two per product). */
    public long evaluations() {
        return evaluations;
    }

    private double[] evaluate(double[] at) {
        double[] g = field.field(at);
        evaluations++;
        if (g.length != theta.length) {
            throw new IllegalArgumentException("the field returned " + g.length + " values for " + theta.length
                    + " parameters");
        }
        if (!Vectors.allFinite(g)) {
            throw new LabException("the game's gradient field is NaN or infinite near these parameters; lower the"
                    + " relative step or pick another point");
        }
        return g;
    }
}
