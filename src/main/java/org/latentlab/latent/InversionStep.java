package org.latentlab.latent;

import java.util.Locale;

/**
 * One step of an {@link Inversion}, reported before the update: the objective and its data term at the current
 * code.
 *
 * @param iteration           0-based update number
 * @param loss                ‖f(G(z)) − x‖² + λ‖z‖²
 * @param reconstructionError ‖f(G(z)) − x‖²
 * @param gradientNorm        ‖∇_z loss‖
 * @param code                z (a copy the receiver may keep)
 */
public record InversionStep(int iteration, double loss, double reconstructionError, double gradientNorm,
                            double[] code) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "step %d: loss %.5g (reconstruction %.5g), |grad| %.3g", iteration, loss,
                reconstructionError, gradientNorm);
    }
}
