package org.latentlab.engine;

/**
 * A loss of one output value given its target, with its first and second derivatives in the output: what
 * {@link LossHead#elementwise} sums over a network's outputs. The target may select the loss (e.g. 1 for a real
 * example, 0 for a generated one).
 */
public interface ElementwiseLoss {

    double value(double out, double target);

    /** ∂ value / ∂ out. */
    double derivative(double out, double target);

    /** ∂² value / ∂ out². */
    double secondDerivative(double out, double target);
}
