package org.latentlab.latent;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.Arrays;
import java.util.Random;

/**
 * A Gaussian over codes to draw random codes from: z = μ + L ε, ε ~ N(0, I), where L L^T = Σ.
 *
 * <ul>
 *   <li>{@link #standardNormal}: N(0, I), the noise a GAN of the lab is trained with ({@code train.Latent.gaussian}
 *   draws row-major {@code rng.nextGaussian()}, and so does {@link #sample(int, Random)}) and a VAE's prior.</li>
 *   <li>{@link #fit}: a plain autoencoder has no prior, so random codes come from the Gaussian with the mean and the
 *   full covariance of codes of encoded data (the maximum-likelihood fit, plus a ridge of 1e-6 times the mean
 *   variance so that a collapsed code dimension still factorises).</li>
 * </ul>
 *
 * @param name     what the prior is, for a label ("N(0, I)", "Gaussian fitted to 1000 encoded examples")
 * @param mean     μ
 * @param cholesky L, lower triangular, k x k; null for the identity
 */
public record CodePrior(String name, double[] mean, double[][] cholesky) {

    public CodePrior {
        if (mean == null || mean.length == 0) {
            throw new IllegalArgumentException("a prior needs a mean of at least one dimension");
        }
        if (cholesky != null && (cholesky.length != mean.length || cholesky[0].length != mean.length)) {
            throw new IllegalArgumentException("the Cholesky factor must be " + mean.length + "x" + mean.length);
        }
    }

    /** N(0, I) over k dimensions. */
    public static CodePrior standardNormal(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("code size must be >= 1, not " + k);
        }
        return new CodePrior("N(0, I)", new double[k], null);
    }

    /** The Gaussian fitted to encoded codes (n x k, n >= 2). */
    public static CodePrior fit(double[][] codes) {
        if (codes == null || codes.length < 2) {
            throw new IllegalArgumentException("fitting a prior needs at least 2 encoded examples");
        }
        int n = codes.length;
        int k = codes[0].length;
        double[] mean = LatentArithmetic.mean(codes);
        double[][] cov = new double[k][k];
        for (double[] c : codes) {
            for (int a = 0; a < k; a++) {
                double da = c[a] - mean[a];
                for (int b = 0; b <= a; b++) {
                    cov[a][b] += da * (c[b] - mean[b]);
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
            trace += cov[a][a];
        }
        double ridge = Math.max(1e-6 * trace / k, 1e-12);
        for (int a = 0; a < k; a++) {
            cov[a][a] += ridge;
        }
        RealMatrix l;
        try {
            l = new CholeskyDecomposition(MatrixUtils.createRealMatrix(cov), 1e-9, 1e-12).getL();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("the encoded codes' covariance is not positive definite: " + e
                    .getMessage(), e);
        }
        return new CodePrior("Gaussian fitted to " + n + " encoded examples", mean, l.getData());
    }

    public int dimension() {
        return mean.length;
    }

    /** The standard deviation of each code dimension (its marginal), for maps over Gaussian quantiles. */
    public double[] marginalStd() {
        double[] s = new double[mean.length];
        for (int i = 0; i < s.length; i++) {
            if (cholesky == null) {
                s[i] = 1;
            } else {
                double v = 0;
                for (int j = 0; j <= i; j++) {
                    v += cholesky[i][j] * cholesky[i][j];
                }
                s[i] = Math.sqrt(v);
            }
        }
        return s;
    }

    /** One code. */
    public double[] sample(Random rng) {
        int k = mean.length;
        double[] eps = new double[k];
        for (int j = 0; j < k; j++) {
            eps[j] = rng.nextGaussian();
        }
        if (cholesky == null) {
            for (int j = 0; j < k; j++) {
                eps[j] += mean[j];
            }
            return eps;
        }
        double[] z = mean.clone();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                z[i] += cholesky[i][j] * eps[j];
            }
        }
        return z;
    }

    /** n codes, drawn one after another. */
    public double[][] sample(int n, Random rng) {
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = sample(rng);
        }
        return z;
    }

    @Override
    public String toString() {
        return name + " over " + mean.length + " dimensions";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodePrior p && name.equals(p.name) && Arrays.equals(mean, p.mean)
                && Arrays.deepEquals(cholesky, p.cholesky);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.deepHashCode(cholesky);
    }
}
