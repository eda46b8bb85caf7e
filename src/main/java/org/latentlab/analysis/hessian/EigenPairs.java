package org.latentlab.analysis.hessian;

import java.util.Arrays;

/**
 * Eigenvalues with their unit eigenvectors, as found by {@link Lanczos}.
 *
 * @param eigenvalues  in the order asked for (largest first for the top, smallest first for the bottom)
 * @param eigenvectors {@code eigenvectors[i]} belongs to {@code eigenvalues[i]}
 * @param residuals    ‖H yᵢ − λᵢ yᵢ‖ as estimated by the Lanczos recurrence
 * @param iterations   Hessian-vector products spent
 * @param converged    every residual met the tolerance before the iteration limit
 */
public record EigenPairs(double[] eigenvalues, double[][] eigenvectors, double[] residuals, int iterations,
                         boolean converged) {

    public int size() {
        return eigenvalues.length;
    }

    @Override
    public String toString() {
        return "EigenPairs " + Arrays.toString(eigenvalues) + " after " + iterations + " products"
                + (converged ? "" : " (not converged)");
    }
}
