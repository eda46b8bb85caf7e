package org.latentlab.analysis.deeplinear;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.latentlab.analysis.Objective;

import java.util.Arrays;
import java.util.Locale;

/**
 * A deep linear network of d scalar weights fitting one target: L(w) = (t − P)², P = w₁w₂…w_d. With r = t − P,
 * Pᵢ = Π_{k≠i} w_k and Pᵢⱼ = Π_{k≠i,j} w_k, its derivatives are
 * <pre>
 *   ∂L/∂wᵢ       = −2 r Pᵢ
 *   ∂²L/∂wᵢ²     =  2 Pᵢ²
 *   ∂²L/∂wᵢ∂wⱼ   =  2 Pᵢ Pⱼ − 2 r Pᵢⱼ      (i ≠ j)
 * </pre>
 * The products leaving out one or two weights are computed by multiplication alone (no division), so they are exact
 * where weights are zero. Kawaguchi (2016, §3) uses this model to show that every local minimum of a deep linear
 * network is global while its saddles grow flatter with depth.
 *
 * @param depth  d, the number of weights (at least 1)
 * @param target t, the value the product should reach (not 0)
 */
public record DeepLinearNet(int depth, double target) implements Objective {

    public DeepLinearNet {
        if (depth < 1) {
            throw new IllegalArgumentException("a deep linear network has at least one weight, not " + depth);
        }
        if (!(Double.isFinite(target) && target != 0)) {
            throw new IllegalArgumentException("the target must be a finite non-zero number, not " + target);
        }
    }

    /** The notes' network: d weights, target 1. */
    public static DeepLinearNet of(int depth) {
        return new DeepLinearNet(depth, 1);
    }

    @Override
    public int dimension() {
        return depth;
    }

    /** P = w₁…w_d. */
    public double product(double[] w) {
        check(w);
        return productWithout(w, -1, -1);
    }

    /** The product of every weight but those at indices {@code i} and {@code j} (−1: none left out). */
    static double productWithout(double[] w, int i, int j) {
        double p = 1;
        for (int k = 0; k < w.length; k++) {
            if (k != i && k != j) {
                p *= w[k];
            }
        }
        return p;
    }

    @Override
    public double loss(double[] w) {
        double r = target - product(w);
        return r * r;
    }

    @Override
    public double[] gradient(double[] w) {
        double r = target - product(w);
        double[] g = new double[depth];
        for (int i = 0; i < depth; i++) {
            g[i] = -2 * r * productWithout(w, i, -1);
        }
        return g;
    }

    /** The Hessian at w from the closed form above, d × d. */
    public double[][] hessian(double[] w) {
        double r = target - product(w);
        double[] p = new double[depth];
        for (int i = 0; i < depth; i++) {
            p[i] = productWithout(w, i, -1);
        }
        double[][] h = new double[depth][depth];
        for (int i = 0; i < depth; i++) {
            h[i][i] = 2 * p[i] * p[i];
            for (int j = i + 1; j < depth; j++) {
                h[i][j] = 2 * p[i] * p[j] - 2 * r * productWithout(w, i, j);
                h[j][i] = h[i][j];
            }
        }
        return h;
    }

    /** The eigenvalues of the Hessian at w, ascending (a symmetric eigen-decomposition of {@link #hessian}). */
    public double[] hessianEigenvalues(double[] w) {
        return eigenvalues(hessian(w));
    }

    /** The eigenvalues of a symmetric matrix, ascending. */
    public static double[] eigenvalues(double[][] symmetric) {
        double[] e = new EigenDecomposition(new Array2DRowRealMatrix(symmetric, false)).getRealEigenvalues();
        Arrays.sort(e);
        return e;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "deep linear net (%s − w₁…w%d)²", format(target), depth);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void check(double[] w) {
        if (w.length != depth) {
            throw new IllegalArgumentException("w has " + w.length + " weights, the network " + depth);
        }
    }
}
