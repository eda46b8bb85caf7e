package org.latentlab.analysis;

/**
 * The loss on a plane of parameter space, L(origin + a·d₁ + b·d₂), as a function of (a, b): what a loss-surface
 * scan evaluates cell after cell. An objective may prepare work once per plane (see
 * {@link Objective#onPlane(double[], double[], double[])}); the values are those of {@link Objective#loss}.
 */
@FunctionalInterface
public interface PlaneLoss {

    double at(double a, double b);

    /** How the values are computed, for reports: point by point unless an objective prepared the plane. */
    default String method() {
        return "point by point";
    }
}
