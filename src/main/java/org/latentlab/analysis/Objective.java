package org.latentlab.analysis;

/**
 * A scalar loss as a function of a flat parameter vector θ, with its gradient: the one interface the geometry bench
 * works on. The analytic toy surfaces and the losses of real networks both implement it, so the Hessian, its
 * spectrum, the optimiser paths and the loss-surface scans run the same code for a 2-parameter formula and for a
 * 10,000-parameter network.
 *
 * <p>Implementations must be deterministic (the same θ gives the same loss and gradient) and must not keep or modify
 * the arrays passed in. They need not be thread-safe: one computation owns an objective at a time.
 */
public interface Objective {

    /** The number of parameters (the length of θ). */
    int dimension();

    /** The loss at θ. */
    double loss(double[] theta);

    /** ∇L(θ), a fresh array of length {@link #dimension()}. */
    double[] gradient(double[] theta);

    /**
     * The loss on the plane origin + a·d₁ + b·d₂. The default evaluates {@link #loss} at each point; a network's
     * objective may compute parts that are linear in (a, b) once per plane.
     */
    default PlaneLoss onPlane(double[] origin, double[] d1, double[] d2) {
        double[] p = new double[origin.length];
        return (a, b) -> {
            for (int k = 0; k < p.length; k++) {
                p[k] = origin[k] + a * d1[k] + b * d2[k];
            }
            return loss(p);
        };
    }

    /** A short description for reports and file headers, e.g. {@code x² + 3y²} or {@code MLP 784-12-10, 1000 examples}. */
    default String describe() {
        return getClass().getSimpleName() + " (" + dimension() + " parameters)";
    }
}
