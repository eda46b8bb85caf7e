package org.latentlab.train.aae;

/**
 * The adversarial autoencoder's three losses (Makhzani et al. 2016, section 2), each a mean over the batch, with its
 * gradient with respect to what the last network put out:
 * <ul>
 *   <li>reconstruction: (1/n) Σᵢ ‖x̂ᵢ − xᵢ‖² (the paper's Euclidean cost), ∂/∂x̂ = 2(x̂ − x)/n;</li>
 *   <li>discriminator: (1/n) Σᵢ [softplus(−sᵢ) + softplus(s'ᵢ)] = −(1/n) Σ [log D(zᵢ) + log(1 − D(q(xᵢ)))], with
 *   sᵢ the logit on prior draw zᵢ and s'ᵢ on code q(xᵢ); ∂/∂s = −σ(−s)/n, ∂/∂s' = σ(s')/n;</li>
 *   <li>the encoder as the discriminator's generator: (1/n) Σᵢ softplus(−s'ᵢ) = −(1/n) Σ log D(q(xᵢ)) (Goodfellow et
 *   al. 2014's non-saturating form), ∂/∂s' = −σ(−s')/n.</li>
 * </ul>
 * softplus(s) = log(1 + eˢ), written max(s, 0) + log(1 + e^−|s|) so that no logit overflows.
 */
public final class AaeLosses {

    private AaeLosses() {
    }

    /** The reconstruction loss of n rows; {@code grad} (as {@code out}) receives ∂L/∂out. */
    public static double reconstruction(double[] out, double[] target, int n, double[] grad) {
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            double d = out[i] - target[i];
            sum += d * d;
            grad[i] = 2 * d / n;
        }
        return sum / n;
    }

    /**
     * The discriminator's loss on 2n logits: the first n on prior draws (labelled real), the next n on codes;
     * {@code grad} (2n) receives ∂L/∂logit.
     */
    public static double discriminator(double[] logits, int n, double[] grad) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = logits[i];
            sum += softplus(-s);
            grad[i] = -sigmoid(-s) / n;
            double c = logits[n + i];
            sum += softplus(c);
            grad[n + i] = sigmoid(c) / n;
        }
        return sum / n;
    }

    /** The encoder's adversarial loss on n logits of its codes; {@code grad} receives ∂L/∂logit. */
    public static double generator(double[] logits, int n, double[] grad) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double c = logits[i];
            sum += softplus(-c);
            grad[i] = -sigmoid(-c) / n;
        }
        return sum / n;
    }

    static double softplus(double s) {
        return Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s)));
    }

    static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }
}
