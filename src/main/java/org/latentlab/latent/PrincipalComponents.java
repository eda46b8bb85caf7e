package org.latentlab.latent;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

import java.util.Arrays;
import java.util.Locale;

/**
 * Principal component analysis of codes (Pearson 1901; Jolliffe, "Principal Component Analysis", 2002): the
 * directions of largest variance of the data, from the singular value decomposition of the sample covariance
 * Σ = Xcᵀ Xc / (n − 1) (symmetric and positive semi-definite, so its singular vectors are its eigenvectors and its
 * singular values its eigenvalues, sorted decreasing). Each component's sign is fixed so that its largest
 * coordinate is positive, which makes a fit reproducible.
 *
 * @param mean          the data mean (d)
 * @param components    the first k principal directions, orthonormal rows (k x d)
 * @param variances     the variance of the data along each of them (the eigenvalues, decreasing)
 * @param totalVariance the trace of Σ: the variance summed over all d directions
 */
public record PrincipalComponents(double[] mean, double[][] components, double[] variances, double totalVariance) {

    public PrincipalComponents {
        if (components.length != variances.length || components.length == 0) {
            throw new IllegalArgumentException("need one variance per component and at least one component");
        }
        for (double[] c : components) {
            LatentArithmetic.requireSize(c, mean.length);
        }
    }

    /**
     * Fits k components to n examples of d values (n >= 2, 1 <= k <= d).
     *
     * @throws IllegalArgumentException with what to change when the data cannot give k components
     */
    public static PrincipalComponents fit(double[][] data, int k) {
        if (data == null || data.length < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 examples, not " + (data == null ? 0
                    : data.length));
        }
        int d = data[0].length;
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("PCA of " + d + "-dimensional codes can give 1 to " + d
                    + " components, not " + k);
        }
        int n = data.length;
        double[] mean = LatentArithmetic.mean(data);
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (double[] x : data) {
            for (int a = 0; a < d; a++) {
                centred[a] = x[a] - mean[a];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                double[] row = cov[a];
                for (int b = 0; b <= a; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
            trace += cov[a][a];
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(cov));
        RealMatrix u = svd.getU();
        double[] singular = svd.getSingularValues();
        double[][] components = new double[k][];
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            double[] v = u.getColumn(c);
            int largest = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest]) + 1e-12) {
                    largest = j;
                }
            }
            if (v[largest] < 0) {
                for (int j = 0; j < d; j++) {
                    v[j] = -v[j];
                }
            }
            components[c] = v;
            variances[c] = singular[c];
        }
        return new PrincipalComponents(mean, components, variances, trace);
    }

    /** The dimension d of the data. */
    public int dimension() {
        return mean.length;
    }

    /** The number k of components kept. */
    public int count() {
        return components.length;
    }

    /** The fraction of the total variance along each component. */
    public double[] explainedVarianceRatio() {
        double[] r = new double[variances.length];
        for (int c = 0; c < r.length; c++) {
            r[c] = totalVariance > 0 ? variances[c] / totalVariance : 0;
        }
        return r;
    }

    /** The standard deviation of the data along each component. */
    public double[] standardDeviations() {
        double[] s = new double[variances.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = Math.sqrt(Math.max(0, variances[c]));
        }
        return s;
    }

    /** Component c (a copy). */
    public double[] component(int c) {
        return components[c].clone();
    }

    /** The coordinates of x along the components: cᵢ = pᵢ · (x − mean). */
    public double[] project(double[] x) {
        LatentArithmetic.requireSize(x, mean.length);
        double[] y = new double[components.length];
        for (int c = 0; c < y.length; c++) {
            double s = 0;
            double[] p = components[c];
            for (int j = 0; j < x.length; j++) {
                s += p[j] * (x[j] - mean[j]);
            }
            y[c] = s;
        }
        return y;
    }

    /** {@link #project(double[])} of each row. */
    public double[][] project(double[][] xs) {
        double[][] out = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            out[i] = project(xs[i]);
        }
        return out;
    }

    /** Back-projection: the code mean + Σ cᵢ pᵢ for coordinates c (at most k of them; missing ones are 0). */
    public double[] reconstruct(double[] coordinates) {
        if (coordinates.length > components.length) {
            throw new IllegalArgumentException(coordinates.length + " coordinates for " + components.length
                    + " components");
        }
        double[] x = mean.clone();
        for (int c = 0; c < coordinates.length; c++) {
            double[] p = components[c];
            for (int j = 0; j < x.length; j++) {
                x[j] += coordinates[c] * p[j];
            }
        }
        return x;
    }

    /** "PCA 2 of 20 dimensions: 41.2% + 12.3% of the variance". */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PCA ").append(components.length).append(" of ").append(mean.length)
                .append(" dimensions: ");
        double[] r = explainedVarianceRatio();
        for (int c = 0; c < r.length; c++) {
            b.append(c == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%.1f%%", 100 * r[c]));
        }
        return b.append(" of the variance").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrincipalComponents p && Arrays.equals(mean, p.mean)
                && Arrays.deepEquals(components, p.components) && Arrays.equals(variances, p.variances)
                && totalVariance == p.totalVariance;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.deepHashCode(components);
    }
}
