package org.latentlab.analysis.game;

/** A function computing the joint gradient field v(θ) of a game at any θ, in double precision. */
@FunctionalInterface
public interface GradientField {

    /** v(θ), a fresh array of the same length as θ. */
    double[] field(double[] theta);
}
