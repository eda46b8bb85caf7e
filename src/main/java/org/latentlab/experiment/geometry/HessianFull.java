package org.latentlab.experiment.geometry;

import org.latentlab.analysis.hessian.HessianSpectrum;

/**
 * Every eigenvalue of the loss's Hessian at a checkpoint, from the exact matrix ({@code ExactHessian}, up to
 * {@code ExactHessian.MAX_PARAMETERS} parameters).
 *
 * @param info        what was analysed
 * @param eigenvalues all of them, ascending
 * @param asymmetry   the finite-difference error of the matrix before symmetrising (see {@code ExactHessian})
 */
public record HessianFull(AnalysisInfo info, double[] eigenvalues, double asymmetry) {

    public HessianFull {
        if (info == null || eigenvalues == null || eigenvalues.length != info.parameters()) {
            throw new IllegalArgumentException("a full spectrum has one eigenvalue per parameter");
        }
        for (int i = 1; i < eigenvalues.length; i++) {
            if (eigenvalues[i] < eigenvalues[i - 1]) {
                throw new IllegalArgumentException("eigenvalues must be ascending");
            }
        }
    }

    /** The spectrum, for histograms. */
    public HessianSpectrum spectrum() {
        return new HessianSpectrum(eigenvalues.clone(), null);
    }

    /** The sum of the eigenvalues. */
    public double trace() {
        return spectrum().trace();
    }

    /** The fraction of eigenvalues below −{@link GeometryJobs#NEGATIVE_TOLERANCE}·max|λ|. */
    public double negativeFraction() {
        return spectrum().negativeFraction(GeometryJobs.NEGATIVE_TOLERANCE);
    }

    /** The k largest, descending. */
    public double[] top(int k) {
        return spectrum().top(k);
    }
}
