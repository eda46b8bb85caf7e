package org.latentlab.train.ae;

/**
 * Sparsity penalties on a batch of codes c (n examples × k units, row-major, activations in (0, 1) for KL).
 *
 * <p>KL form (Ng's sparse autoencoder notes): with ρ̂ⱼ = (1/n) Σᵢ cᵢⱼ the average activation of unit j over the
 * batch, P = β Σⱼ KL(ρ ‖ ρ̂ⱼ) = β Σⱼ [ρ log(ρ/ρ̂ⱼ) + (1−ρ) log((1−ρ)/(1−ρ̂ⱼ))], and
 * ∂P/∂cᵢⱼ = (β/n) (−ρ/ρ̂ⱼ + (1−ρ)/(1−ρ̂ⱼ)). L1 form: P = λ (1/n) Σᵢⱼ |cᵢⱼ|, ∂P/∂cᵢⱼ = (λ/n) sign(cᵢⱼ).
 */
public final class SparsityPenalty {

    /** ρ̂ is kept inside [EPS, 1 − EPS] so that a dead or saturated unit gives a large but finite penalty. */
    static final double EPS = 1e-7;

    private SparsityPenalty() {
    }

    /** ρ̂ⱼ: the mean activation of each unit over the batch. */
    public static double[] meanActivation(double[] c, int n, int k) {
        double[] mean = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                mean[j] += c[i * k + j];
            }
        }
        for (int j = 0; j < k; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    public static double kl(double[] c, int n, int k, double rho, double beta) {
        double[] mean = meanActivation(c, n, k);
        double p = 0;
        for (int j = 0; j < k; j++) {
            double m = clamp(mean[j]);
            p += rho * Math.log(rho / m) + (1 - rho) * Math.log((1 - rho) / (1 - m));
        }
        return beta * p;
    }

    /** ∂P/∂c for the KL form, same layout as c. */
    public static double[] klGradient(double[] c, int n, int k, double rho, double beta) {
        double[] mean = meanActivation(c, n, k);
        double[] perUnit = new double[k];
        for (int j = 0; j < k; j++) {
            double m = clamp(mean[j]);
            perUnit[j] = beta / n * (-rho / m + (1 - rho) / (1 - m));
        }
        double[] g = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(perUnit, 0, g, i * k, k);
        }
        return g;
    }

    public static double l1(double[] c, int n, double lambda) {
        double s = 0;
        for (double v : c) {
            s += Math.abs(v);
        }
        return lambda * s / n;
    }

    public static double[] l1Gradient(double[] c, int n, double lambda) {
        double[] g = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            g[i] = lambda / n * Math.signum(c[i]);
        }
        return g;
    }

    private static double clamp(double m) {
        return Math.min(1 - EPS, Math.max(EPS, m));
    }
}
