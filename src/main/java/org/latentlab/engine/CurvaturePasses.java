package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link ExactCurvature} needs from a compiled network on its fixed batch: the forward and backward passes,
 * and Pearlmutter's R-forward and R-backward along a parameter direction, over one flat parameter vector.
 */
interface CurvaturePasses extends AutoCloseable {
    long parameterCount();

    /** The live flat parameters: write θ into them. */
    INDArray parameters();

    /** The forward pass on the fixed batch; returns the live output [batch, outputs]. */
    INDArray forward();

    /**
     * A term of the loss that the passes add themselves, not the head (a VAE's weighted KL divergence), at the last
     * {@link #forward}; its gradient and curvature are in {@link #backward} and {@link #rBackward}. 0 by default.
     */
    default double auxiliaryLoss() {
        return 0;
    }

    /** dL/d(output) to write before {@link #backward}. */
    INDArray outputGradient();

    /** The backward pass from {@link #outputGradient}; returns the live parameter gradient. */
    INDArray backward();

    /** The live parameter gradient of the last {@link #backward}. */
    INDArray gradient();

    /** The live parameter direction v. */
    INDArray direction();

    /** R-forward along v at the last forward pass; returns the live R(output). */
    INDArray rForward();

    /** R{dL/d(output)} to write before {@link #rBackward}. */
    INDArray rOutputGradient();

    /** R-backward; returns the live H·v. */
    INDArray rBackward();

    String describe();

    @Override
    void close();
}
