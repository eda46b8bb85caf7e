package org.latentlab.experiment.pca;

import java.util.Arrays;

/**
 * A held-out reconstruction error measured as training goes: the fine-tuning iteration of each point and the mean
 * squared error per pixel there.
 *
 * @param iterations fine-tuning iterations (0 = after pretraining, before any fine-tuning update)
 * @param errors     held-out mean squared error per pixel at each
 */
public record HeldOutCurve(long[] iterations, double[] errors) {

    public HeldOutCurve {
        if (iterations.length != errors.length || iterations.length == 0) {
            throw new IllegalArgumentException("a curve needs one error per iteration and at least one point");
        }
        iterations = iterations.clone();
        errors = errors.clone();
    }

    /** The error at the last point. */
    public double last() {
        return errors[errors.length - 1];
    }

    @Override
    public long[] iterations() {
        return iterations.clone();
    }

    @Override
    public double[] errors() {
        return errors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldOutCurve c && Arrays.equals(iterations, c.iterations) && Arrays.equals(errors,
                c.errors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(iterations) * 31 + Arrays.hashCode(errors);
    }

    @Override
    public String toString() {
        return "held-out MSE over " + iterations.length + " points, last " + last();
    }
}
