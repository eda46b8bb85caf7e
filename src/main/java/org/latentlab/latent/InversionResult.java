package org.latentlab.latent;

import java.util.Locale;

/**
 * The outcome of an {@link Inversion}: the code found, what it decodes to and how well, and optionally the
 * memorisation check against the training set.
 *
 * @param start               the code the search started from
 * @param code                z*, the code at the end
 * @param reconstruction      f(G(z*)), data values
 * @param loss                ‖f(G(z*)) − x‖² + λ‖z*‖²
 * @param reconstructionError ‖f(G(z*)) − x‖² (summed over the example's values)
 * @param iterations          Adam updates made
 * @param converged           true when it stopped early at the gradient tolerance
 * @param memorisation        the memorisation check, or null when no training set was given
 */
public record InversionResult(double[] start, double[] code, float[] reconstruction, double loss,
                              double reconstructionError, int iterations, boolean converged,
                              MemorisationCheck memorisation) {

    /** ‖f(G(z*)) − x‖. */
    public double reconstructionDistance() {
        return Math.sqrt(reconstructionError);
    }

    /** Root mean squared error per value. */
    public double rootMeanSquaredError() {
        return Math.sqrt(reconstructionError / reconstruction.length);
    }

    /** The same result with a memorisation check attached. */
    public InversionResult withMemorisation(MemorisationCheck check) {
        return new InversionResult(start, code, reconstruction, loss, reconstructionError, iterations, converged,
                check);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "inversion: %d steps%s, loss %.5g, reconstruction error %.5g (RMSE %.4g)"
                + "%s", iterations, converged ? " (converged)" : "", loss, reconstructionError, rootMeanSquaredError(),
                memorisation == null ? "" : "; " + memorisation.verdict());
    }
}
