package org.latentlab.train;

/**
 * The pull-away term of the energy-based GAN (Zhao, Mathieu and LeCun 2017, section 2.4, eq. 5): for the encoder's
 * codes S₁..S_N of one generated batch,
 * f_PT(S) = 1 / (N (N − 1)) · Σᵢ Σ_{j≠i} (Sᵢᵀ Sⱼ / (‖Sᵢ‖ ‖Sⱼ‖))², the mean squared cosine similarity over the
 * off-diagonal pairs. It is 0 when the codes are pairwise orthogonal and 1 when they all point one way, so adding
 * it to G's loss pushes G's samples apart in D's code space.
 *
 * <p>Gradient: with uᵢ = Sᵢ / ‖Sᵢ‖ and cᵢⱼ = uᵢᵀ uⱼ, ∂f/∂uᵢ = 4 / (N (N − 1)) Σ_{j≠i} cᵢⱼ uⱼ (each pair appears
 * as (i, j) and (j, i)), and ∂f/∂Sᵢ = (I − uᵢ uᵢᵀ) ∂f/∂uᵢ / ‖Sᵢ‖. A code of norm 0 has no direction: it is left out
 * of every pair (its cosines count as 0) and gets no gradient.
 */
public final class PullAway {

    private PullAway() {
    }

    /** f_PT of N codes of k values each, row-major in {@code codes} (N ≥ 2). */
    public static double value(double[] codes, int n, int k) {
        return compute(codes, n, k, 0, null);
    }

    /**
     * f_PT, writing ∂f_PT/∂S (row-major, N × k) into {@code gradient} scaled by {@code scale}.
     */
    public static double valueAndGradient(double[] codes, int n, int k, double scale, double[] gradient) {
        if (gradient == null || gradient.length != codes.length) {
            throw new IllegalArgumentException("the gradient needs room for " + codes.length + " values");
        }
        return compute(codes, n, k, scale, gradient);
    }

    private static double compute(double[] codes, int n, int k, double scale, double[] gradient) {
        if (n < 2) {
            throw new IllegalArgumentException("the pull-away term compares pairs of codes: it needs a batch of at"
                    + " least 2, not " + n);
        }
        if (codes.length != (long) n * k) {
            throw new IllegalArgumentException(n + " codes of " + k + " values need " + (long) n * k + " numbers, not "
                    + codes.length);
        }
        double[] norms = new double[n];
        double[] u = new double[n * k];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += codes[i * k + c] * codes[i * k + c];
            }
            norms[i] = Math.sqrt(s);
            for (int c = 0; c < k; c++) {
                u[i * k + c] = norms[i] > 0 ? codes[i * k + c] / norms[i] : 0;
            }
        }
        double pairs = (double) n * (n - 1);
        double total = 0;
        double[] dU = gradient == null ? null : new double[k];
        for (int i = 0; i < n; i++) {
            if (dU != null) {
                java.util.Arrays.fill(dU, 0);
            }
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double cos = 0;
                for (int c = 0; c < k; c++) {
                    cos += u[i * k + c] * u[j * k + c];
                }
                total += cos * cos;
                if (dU != null) {
                    for (int c = 0; c < k; c++) {
                        dU[c] += 4 * cos * u[j * k + c] / pairs;
                    }
                }
            }
            if (dU != null) {
                if (norms[i] == 0) {
                    java.util.Arrays.fill(gradient, i * k, (i + 1) * k, 0);
                    continue;
                }
                double along = 0;
                for (int c = 0; c < k; c++) {
                    along += u[i * k + c] * dU[c];
                }
                for (int c = 0; c < k; c++) {
                    gradient[i * k + c] = scale * (dU[c] - along * u[i * k + c]) / norms[i];
                }
            }
        }
        return total / pairs;
    }
}
