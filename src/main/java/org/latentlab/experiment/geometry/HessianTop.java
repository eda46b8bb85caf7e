package org.latentlab.experiment.geometry;

/**
 * The k largest eigenvalues of the loss's Hessian at a checkpoint, with their eigenvectors, by Lanczos on
 * Hessian-vector products ({@code analysis.hessian.Lanczos}).
 *
 * @param info         what was analysed
 * @param eigenvalues  the largest first
 * @param eigenvectors {@code eigenvectors[i]} is the unit eigenvector of {@code eigenvalues[i]}, in the objective's
 *                     parameter order ({@code ParameterLayout})
 * @param residuals    ‖H yᵢ − λᵢ yᵢ‖ as the Lanczos recurrence estimates it
 * @param products     Hessian-vector products spent
 * @param converged    every residual met the tolerance
 */
public record HessianTop(AnalysisInfo info, double[] eigenvalues, double[][] eigenvectors, double[] residuals,
                         int products, boolean converged) {

    public HessianTop {
        if (info == null || eigenvalues == null || eigenvectors == null || residuals == null) {
            throw new IllegalArgumentException("a top-k result needs info, eigenvalues, eigenvectors and residuals");
        }
        if (eigenvectors.length != eigenvalues.length || residuals.length != eigenvalues.length
                || eigenvalues.length == 0) {
            throw new IllegalArgumentException("one eigenvector and one residual per eigenvalue, at least one");
        }
        for (double[] v : eigenvectors) {
            if (v == null || v.length != info.parameters()) {
                throw new IllegalArgumentException("each eigenvector has " + info.parameters() + " values");
            }
        }
    }

    /** The number of eigenpairs. */
    public int size() {
        return eigenvalues.length;
    }
}
