package org.latentlab.train.ae;

/**
 * The VAE's sampling block (Kingma & Welling 2014): the encoder outputs e = [μ, log σ²] per example (n × 2k,
 * row-major, μ first), the code is z = μ + exp(½ log σ²)·ε with ε ~ N(0, I), and the KL term to the prior is
 * KL = ½ Σⱼ (μⱼ² + σⱼ² − 1 − log σⱼ²) per example.
 */
public final class Reparameterisation {

    private Reparameterisation() {
    }

    /** z (n × k) from e (n × 2k) and the noise ε (n × k). */
    public static double[] sample(double[] e, double[] noise, int n, int k) {
        double[] z = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double mu = e[i * 2 * k + j];
                double logVar = e[i * 2 * k + k + j];
                z[i * k + j] = mu + Math.exp(0.5 * logVar) * noise[i * k + j];
            }
        }
        return z;
    }

    /** The mean over the batch of each example's KL(N(μ, σ²) ‖ N(0, I)). */
    public static double kl(double[] e, int n, int k) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double mu = e[i * 2 * k + j];
                double logVar = e[i * 2 * k + k + j];
                total += 0.5 * (mu * mu + Math.exp(logVar) - 1 - logVar);
            }
        }
        return total / n;
    }

    /**
     * Back through the block: given ∂L/∂z (already including the 1/n of the batch mean), writes ∂L/∂e into
     * {@code out} for L = reconstruction + β·mean KL, and returns the mean KL. ∂L/∂μ = ∂L/∂z + β μ / n;
     * ∂L/∂log σ² = ∂L/∂z · ε · ½σ + β ½ (σ² − 1) / n.
     */
    public static double backward(double[] e, double[] noise, double[] dz, int n, int k, double beta, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double mu = e[i * 2 * k + j];
                double logVar = e[i * 2 * k + k + j];
                double sigma = Math.exp(0.5 * logVar);
                double g = dz[i * k + j];
                out[i * 2 * k + j] = g + beta * mu / n;
                out[i * 2 * k + k + j] = g * noise[i * k + j] * 0.5 * sigma + beta * 0.5 * (sigma * sigma - 1) / n;
            }
        }
        return kl(e, n, k);
    }
}
