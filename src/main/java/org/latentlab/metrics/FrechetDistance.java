package org.latentlab.metrics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Fr&eacute;chet distance between two sets of feature vectors (Heusel et al. 2017, "GANs Trained by a Two
 * Time-Scale Update Rule Converge to a Local Nash Equilibrium", whose FID takes Inception features; here any
 * extractor's): fit a Gaussian to each set (mean, covariance with divisor n - 1) and take the squared
 * 2-Wasserstein distance between the two Gaussians,
 * <pre>  d&sup2; = ||&mu;&#8321; - &mu;&#8322;||&sup2; + Tr(&Sigma;&#8321; + &Sigma;&#8322; - 2 (&Sigma;&#8321;<sup>1/2</sup> &Sigma;&#8322; &Sigma;&#8321;<sup>1/2</sup>)<sup>1/2</sup>).</pre>
 * The trace of the square root is computed through symmetric eigen-decompositions (commons-math3): &Sigma;&#8321;<sup>1/2</sup>
 * from the eigenvalues of &Sigma;&#8321;, then the sum of the square roots of the eigenvalues of the symmetric
 * &Sigma;&#8321;<sup>1/2</sup> &Sigma;&#8322; &Sigma;&#8321;<sup>1/2</sup>. Both matrices are positive semi-definite in exact
 * arithmetic; rounding can leave eigenvalues slightly below zero (always when a set has fewer vectors than
 * dimensions), and those are clamped to 0 before the square root. This symmetric route is stable where the
 * reference code's square root of the non-symmetric &Sigma;&#8321;&Sigma;&#8322; needs a diagonal offset.
 * <p>
 * The estimate is biased upwards by roughly dim / n: compare scores of equal sample sizes only, and print the
 * real-versus-real value beside a generator's.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    /** The Fr&eacute;chet distance between the Gaussians fitted to {@code a} and {@code b} (at least 2 vectors each). */
    public static FrechetDistanceResult between(double[][] a, double[][] b) {
        int dim = FeatureRows.checkPair("first set", a, "second set", b, 2);
        double[] muA = mean(a, dim);
        double[] muB = mean(b, dim);
        double[][] covA = covariance(a, muA);
        double[][] covB = covariance(b, muB);
        double meanTerm = meanTerm(muA, muB);
        double covarianceTerm = covarianceTerm(covA, covB);
        return new FrechetDistanceResult(meanTerm + covarianceTerm, meanTerm, covarianceTerm, a.length, b.length);
    }

    /**
     * The closed form for two given Gaussians N(&mu;&#8321;, &Sigma;&#8321;) and N(&mu;&#8322;, &Sigma;&#8322;), covariances
     * symmetric positive semi-definite.
     */
    public static double ofGaussians(double[] mu1, double[][] sigma1, double[] mu2, double[][] sigma2) {
        int dim = mu1.length;
        if (dim < 1 || mu2.length != dim) {
            throw new IllegalArgumentException("means must have one length >= 1, got " + mu1.length + " and "
                    + mu2.length);
        }
        checkCovariance("first covariance", sigma1, dim);
        checkCovariance("second covariance", sigma2, dim);
        return meanTerm(mu1, mu2) + covarianceTerm(sigma1, sigma2);
    }

    private static double meanTerm(double[] muA, double[] muB) {
        return FeatureRows.squaredDistance(muA, muB);
    }

    private static double covarianceTerm(double[][] covA, double[][] covB) {
        RealMatrix a = new Array2DRowRealMatrix(covA, false);
        RealMatrix b = new Array2DRowRealMatrix(covB, false);
        RealMatrix rootA = symmetricSquareRoot(a);
        RealMatrix middle = symmetrised(rootA.multiply(b).multiply(rootA));
        double traceRoot = 0;
        for (double lambda : new EigenDecomposition(middle).getRealEigenvalues()) {
            traceRoot += Math.sqrt(Math.max(lambda, 0));
        }
        return a.getTrace() + b.getTrace() - 2 * traceRoot;
    }

    /** V diag(sqrt(max(&lambda;, 0))) V<sup>T</sup> of a symmetric matrix. */
    static RealMatrix symmetricSquareRoot(RealMatrix m) {
        EigenDecomposition eigen = new EigenDecomposition(symmetrised(m));
        RealMatrix v = eigen.getV();
        double[] lambda = eigen.getRealEigenvalues();
        int n = lambda.length;
        RealMatrix scaled = v.copy();
        for (int j = 0; j < n; j++) {
            double root = Math.sqrt(Math.max(lambda[j], 0));
            for (int i = 0; i < n; i++) {
                scaled.setEntry(i, j, v.getEntry(i, j) * root);
            }
        }
        return symmetrised(scaled.multiply(v.transpose()));
    }

    private static RealMatrix symmetrised(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    static double[] mean(double[][] rows, int dim) {
        double[] mu = new double[dim];
        for (double[] row : rows) {
            for (int k = 0; k < dim; k++) {
                mu[k] += row[k];
            }
        }
        for (int k = 0; k < dim; k++) {
            mu[k] /= rows.length;
        }
        return mu;
    }

    /** The sample covariance with divisor n - 1, as numpy's {@code cov} that the reference code calls. */
    static double[][] covariance(double[][] rows, double[] mu) {
        int dim = mu.length;
        double[][] cov = new double[dim][dim];
        double[] centred = new double[dim];
        for (double[] row : rows) {
            for (int k = 0; k < dim; k++) {
                centred[k] = row[k] - mu[k];
            }
            for (int i = 0; i < dim; i++) {
                double ci = centred[i];
                for (int j = i; j < dim; j++) {
                    cov[i][j] += ci * centred[j];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = i; j < dim; j++) {
                cov[i][j] /= rows.length - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    private static void checkCovariance(String name, double[][] sigma, int dim) {
        if (sigma.length != dim) {
            throw new IllegalArgumentException(name + " must be " + dim + "x" + dim + ", got " + sigma.length + " rows");
        }
        for (int i = 0; i < dim; i++) {
            if (sigma[i].length != dim) {
                throw new IllegalArgumentException(name + " must be " + dim + "x" + dim + ", row " + i + " has "
                        + sigma[i].length + " values");
            }
            for (int j = 0; j < dim; j++) {
                double tolerance = 1e-9 * (Math.abs(sigma[i][j]) + Math.abs(sigma[j][i]) + 1e-300);
                if (!Double.isFinite(sigma[i][j]) || Math.abs(sigma[i][j] - sigma[j][i]) > tolerance) {
                    throw new IllegalArgumentException(name + " must be finite and symmetric; entry (" + i + "," + j
                            + ") is " + sigma[i][j] + " but (" + j + "," + i + ") is " + sigma[j][i]);
                }
            }
        }
    }
}
