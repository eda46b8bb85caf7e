package org.latentlab.train.ae;

/**
 * The contractive autoencoder's penalty (Rifai et al. 2011) for one sigmoid dense encoder layer h = σ(xW + b), W
 * stored as DL4J does ([inputs × units]). The Jacobian is ∂hⱼ/∂xᵢ = hⱼ(1−hⱼ) Wᵢⱼ, so its squared Frobenius norm
 * has the closed form ‖J‖²_F = Σⱼ (hⱼ(1−hⱼ))² sⱼ with sⱼ = Σᵢ Wᵢⱼ². Over a batch, P = λ (1/n) Σₑ ‖J(xₑ)‖²_F.
 *
 * <p>Its gradient has two parts: through h, ∂P/∂hₑⱼ = (λ/n) 2 hₑⱼ(1−hₑⱼ)(1−2hₑⱼ) sⱼ (fed back through the
 * layer with the reconstruction's gradient), and directly through sⱼ, ∂P/∂Wᵢⱼ = 2 λ Wᵢⱼ (1/n) Σₑ (hₑⱼ(1−hₑⱼ))².
 */
public final class ContractivePenalty {

    private ContractivePenalty() {
    }

    /** sⱼ = Σᵢ Wᵢⱼ² for W [inputs × units], row-major. */
    public static double[] columnSquareNorms(double[] w, int inputs, int units) {
        double[] s = new double[units];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < units; j++) {
                double v = w[i * units + j];
                s[j] += v * v;
            }
        }
        return s;
    }

    /** ‖J(x)‖²_F of each example, from its code h (n × k) and the column norms s. */
    public static double[] jacobianNormSquared(double[] h, int n, int k, double[] s) {
        double[] out = new double[n];
        for (int e = 0; e < n; e++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double d = h[e * k + j] * (1 - h[e * k + j]);
                sum += d * d * s[j];
            }
            out[e] = sum;
        }
        return out;
    }

    public static double value(double[] h, int n, int k, double[] s, double lambda) {
        double total = 0;
        for (double v : jacobianNormSquared(h, n, k, s)) {
            total += v;
        }
        return lambda * total / n;
    }

    /** ∂P/∂h, same layout as h. */
    public static double[] codeGradient(double[] h, int n, int k, double[] s, double lambda) {
        double[] g = new double[n * k];
        for (int e = 0; e < n; e++) {
            for (int j = 0; j < k; j++) {
                double v = h[e * k + j];
                g[e * k + j] = lambda / n * 2 * v * (1 - v) * (1 - 2 * v) * s[j];
            }
        }
        return g;
    }

    /** The direct part ∂P/∂W (through sⱼ), [inputs × units] row-major. */
    public static double[] weightGradient(double[] h, int n, int k, double[] w, int inputs, double lambda) {
        double[] meanSq = new double[k];
        for (int e = 0; e < n; e++) {
            for (int j = 0; j < k; j++) {
                double d = h[e * k + j] * (1 - h[e * k + j]);
                meanSq[j] += d * d / n;
            }
        }
        double[] g = new double[inputs * k];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < k; j++) {
                g[i * k + j] = 2 * lambda * w[i * k + j] * meanSq[j];
            }
        }
        return g;
    }
}
