package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A scalar loss L(out; target) of a network's output (rows are examples), with what backpropagation and the
 * R-operator need from it: its gradient dL/dout and products of its Hessian ∂²L/∂out² with a direction. An
 * implementation may keep scratch arrays of the output's shape, made on the first call (and again only if the
 * shape changes), and what it learnt in {@link #valueAndGradient} for {@link #hessianVector}.
 *
 * <p>The lab's heads: {@link #squaredError} (the autoencoder's sum of squares), {@link #sigmoidCrossEntropy}
 * (Bernoulli cross-entropy from logits), {@link #softmaxCrossEntropy} (a classifier's cross-entropy from logits),
 * {@link #linear} and {@link #hinge} (GAN critics' losses, flat in the output), and {@link #elementwise} (any
 * scalar loss given with its derivatives).
 * Each takes a scale: 1/n makes it a mean over a batch of n.
 */
public interface LossHead {

    /** L at {@code out}; writes dL/dout into {@code gradient} (the output's shape) and remembers the point. */
    double valueAndGradient(INDArray out, INDArray target, INDArray gradient);

    /**
     * L at {@code out} alone, for callers that need no derivative (a loss-surface cell); {@code scratch} has the
     * output's shape. The default computes the gradient into {@code scratch} too; a head may skip that work. It need
     * not remember the point for {@link #hessianVector}.
     */
    default double value(INDArray out, INDArray target, INDArray scratch) {
        return valueAndGradient(out, target, scratch);
    }

    /**
     * (∂²L/∂out²) · {@code direction} into {@code result}, at the output of the last {@link #valueAndGradient}
     * call.
     */
    void hessianVector(INDArray direction, INDArray result);

    /** A short name, e.g. {@code squared error}. */
    String describe();

    /** scale · Σ (out − target)² over every value. */
    static LossHead squaredError(double scale) {
        return new SquaredErrorHead(scale);
    }

    /** scale · Σ [softplus(ℓ) − ℓ·y] over every value, ℓ the logits: Bernoulli cross-entropy of y given σ(ℓ). */
    static LossHead sigmoidCrossEntropy(double scale) {
        return new SigmoidCrossEntropyHead(scale);
    }

    /** scale · Σ y ⊙ out over every value: zero curvature in the output (a Wasserstein critic's scores). */
    static LossHead linear(double scale) {
        return new LinearHead(scale, false);
    }

    /** scale · Σ max(0, 1 − y ⊙ out) over every value, y = ±1: zero curvature wherever it has one. */
    static LossHead hinge(double scale) {
        return new LinearHead(scale, true);
    }

    /**
     * scale · Σ ℓ(out, y) over every value, for a scalar loss given with its first two derivatives (an f-GAN's
     * terms); evaluated on the host, for narrow outputs such as one score per example.
     */
    static LossHead elementwise(double scale, ElementwiseLoss loss, String name) {
        return new ElementwiseHead(scale, loss, name);
    }

    /** scale · Σᵢ −Σₖ yᵢₖ log softmax(ℓᵢ)ₖ over the rows i, ℓ the logits. */
    static LossHead softmaxCrossEntropy(double scale) {
        return new SoftmaxCrossEntropyHead(scale);
    }
}
