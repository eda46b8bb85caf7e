package org.latentlab.analysis.game;

import java.util.List;

/**
 * The top eigenvalues of a game's Jacobian by modulus, largest first (a conjugate pair kept together, the one with
 * im > 0 first), as Arnoldi found them: after krylovDimension Jacobian-vector products, converged when every
 * reported residual is at most the tolerance times the largest modulus.
 */
public record GameSpectrum(List<JacobianEigenvalue> eigenvalues, int krylovDimension, boolean converged,
                           double tolerance) {

    public GameSpectrum {
        eigenvalues = List.copyOf(eigenvalues);
    }

    /** The largest residual among the reported eigenvalues. */
    public double maxResidual() {
        double r = 0;
        for (JacobianEigenvalue e : eigenvalues) {
            r = Math.max(r, e.residual());
        }
        return r;
    }
}
