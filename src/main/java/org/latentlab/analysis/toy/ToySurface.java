package org.latentlab.analysis.toy;

import org.latentlab.analysis.Objective;

/**
 * A loss of two parameters (x, y) that the bench draws as contours: a built-in {@link ToyFunction}, a 2-D
 * {@link Slice} of a larger objective, or a typed {@link ExpressionSurface}. As an {@link Objective} it goes
 * through the same Hessian, critical-point and optimiser code as a network.
 */
public interface ToySurface extends Objective {

    /** A stable id for files and the command line, e.g. {@code bowl}. */
    String id();

    /** The formula for a person, e.g. {@code x² + 3y²}. */
    String formula();

    /** Where the interesting part of the surface is. */
    ViewRange defaultView();

    @Override
    default int dimension() {
        return 2;
    }

    /** L(x, y). */
    default double value(double x, double y) {
        return loss(new double[] {x, y});
    }

    @Override
    default String describe() {
        return formula();
    }
}
