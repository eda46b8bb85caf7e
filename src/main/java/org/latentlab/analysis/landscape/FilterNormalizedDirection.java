package org.latentlab.analysis.landscape;

import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.ParameterLayout;
import org.latentlab.analysis.hessian.ParameterLayout.Block;
import org.latentlab.core.Seeds;

import java.util.Random;

/**
 * Filter-normalised random directions (Li, Xu, Taylor, Studer &amp; Goldstein 2018, §4): a Gaussian direction d in
 * parameter space, each filter of which is rescaled to the norm of the corresponding filter of the weights,
 * dᵢⱼ ← dᵢⱼ / ‖dᵢⱼ‖ · ‖θᵢⱼ‖ (filter j of layer i: an output filter of a convolution, an output neuron's weights
 * of a dense layer). This removes the scale invariance of ReLU networks from the picture, so that surfaces of
 * different networks can be compared. As in the paper's default ("biasbn" ignored), biases and batch-norm scales
 * and shifts get a zero direction; optionally they copy the weights instead, as the paper's code does when they are
 * not ignored. Other parameter blocks are normalised as one filter.
 */
public final class FilterNormalizedDirection {

    private FilterNormalizedDirection() {
    }

    /** A random direction drawn from {@code rng} and filter-normalised to θ, biases and batch norm zeroed. */
    public static double[] random(ParameterLayout layout, double[] theta, Random rng) {
        return normalize(layout, Vectors.gaussian(layout.dimension(), rng), theta, true);
    }

    /** Two independent directions from {@code Seeds.seed(seed, 0)} and {@code Seeds.seed(seed, 1)}. */
    public static double[][] pair(ParameterLayout layout, double[] theta, long seed) {
        return new double[][] {
                random(layout, theta, new Random(Seeds.seed(seed, 0))),
                random(layout, theta, new Random(Seeds.seed(seed, 1)))};
    }

    /**
     * {@code direction} rescaled filter by filter to the norms of θ's filters (a fresh array).
     *
     * @param ignoreBiasAndNorm true (the paper's default): zero for biases and batch-norm parameters; false: copy θ
     */
    public static double[] normalize(ParameterLayout layout, double[] direction, double[] theta,
                                     boolean ignoreBiasAndNorm) {
        if (direction.length != layout.dimension() || theta.length != layout.dimension()) {
            throw new IllegalArgumentException("direction and θ must have the layout's " + layout.dimension()
                    + " values");
        }
        double[] out = new double[direction.length];
        for (Block b : layout.blocks()) {
            if (!b.trainable()) {
                continue;
            }
            int off = b.objectiveOffset();
            int len = b.length();
            if (b.role() == ParameterLayout.Role.BIAS || b.role() == ParameterLayout.Role.NORMALIZATION) {
                if (!ignoreBiasAndNorm) {
                    System.arraycopy(theta, off, out, off, len);
                }
                continue;
            }
            int filters = b.filters();
            double[] dNorm = new double[filters];
            double[] wNorm = new double[filters];
            for (int i = 0; i < len; i++) {
                int f = b.filterOf(i);
                dNorm[f] += direction[off + i] * direction[off + i];
                wNorm[f] += theta[off + i] * theta[off + i];
            }
            double[] factor = new double[filters];
            for (int f = 0; f < filters; f++) {
                factor[f] = Math.sqrt(wNorm[f]) / (Math.sqrt(dNorm[f]) + 1e-10);
            }
            for (int i = 0; i < len; i++) {
                out[off + i] = direction[off + i] * factor[b.filterOf(i)];
            }
        }
        return out;
    }
}
