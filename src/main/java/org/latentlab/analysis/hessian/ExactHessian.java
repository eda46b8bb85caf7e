package org.latentlab.analysis.hessian;

import org.latentlab.analysis.Objective;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;

/**
 * The full Hessian matrix of an {@link Objective} at θ, built column by column from Hessian-vector products with
 * the unit vectors (column j = H eⱼ: exact from the engine where it runs the objective, otherwise two gradient
 * evaluations each; see {@link HessianVectorProduct}) and then
 * symmetrised as ½(H + Hᵀ). Practical up to a few thousand parameters: n columns cost n products and the matrix
 * takes 8n² bytes (2,000 parameters: 32 MB); beyond that use {@link Lanczos}, {@link Hutchinson} and
 * {@link SpectralDensity}, which need only products.
 *
 * @param matrix    the symmetrised Hessian, n × n (row-major; do not modify)
 * @param asymmetry max |Hᵢⱼ − Hⱼᵢ| / max(1, max |Hᵢⱼ|) before symmetrising: the finite-difference error, ~1e-9
 *                  for a smooth loss in double precision, large when the loss is not twice differentiable at θ
 *                  (ReLU kinks) or was computed in float32
 */
public record ExactHessian(double[][] matrix, double asymmetry) {

    /** The largest number of parameters {@link #compute} accepts. */
    public static final int MAX_PARAMETERS = 4000;

    public ExactHessian {
        for (double[] row : matrix) {
            if (row.length != matrix.length) {
                throw new IllegalArgumentException("a Hessian must be square");
            }
        }
    }

    /** The Hessian of {@code objective} at θ, with progress per column. */
    public static ExactHessian compute(Objective objective, double[] theta, Monitor monitor) {
        return compute(new HessianVectorProduct(objective, theta), monitor);
    }

    /** The Hessian from its products, with progress per column. */
    public static ExactHessian compute(HessianVectorProduct hvp, Monitor monitor) {
        int n = hvp.dimension();
        if (n > MAX_PARAMETERS) {
            throw new LabException("the exact Hessian is limited to " + MAX_PARAMETERS + " parameters and this model"
                    + " has " + n + ": use the Lanczos spectrum or the stochastic density instead");
        }
        double[][] columns = new double[n][];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            monitor.checkCancelled();
            e[j] = 1;
            columns[j] = hvp.apply(e);
            e[j] = 0;
            if ((j & 15) == 15 || j == n - 1) {
                monitor.progress((j + 1.0) / n, "Hessian column " + (j + 1) + " of " + n);
            }
        }
        double largest = 0;
        double asym = 0;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double a = columns[j][i];
                double b = columns[i][j];
                largest = Math.max(largest, Math.max(Math.abs(a), Math.abs(b)));
                asym = Math.max(asym, Math.abs(a - b));
                double s = 0.5 * (a + b);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return new ExactHessian(h, asym / Math.max(1, largest));
    }

    public int dimension() {
        return matrix.length;
    }

    /** Hᵢⱼ. */
    public double get(int i, int j) {
        return matrix[i][j];
    }

    /** The sum of the diagonal, which is also the sum of the eigenvalues. */
    public double trace() {
        double t = 0;
        for (int i = 0; i < matrix.length; i++) {
            t += matrix[i][i];
        }
        return t;
    }

    /** All eigenvalues (ascending) and, if asked, the eigenvectors, by a symmetric eigensolver. */
    public HessianSpectrum spectrum(boolean withVectors) {
        return HessianSpectrum.of(matrix, withVectors);
    }

    @Override
    public String toString() {
        return "ExactHessian " + matrix.length + " x " + matrix.length + ", trace " + trace() + ", asymmetry "
                + asymmetry;
    }
}
