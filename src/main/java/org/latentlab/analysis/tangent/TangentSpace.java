package org.latentlab.analysis.tangent;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The singular value decomposition J = U Σ Vᵀ of an encoder Jacobian (k × d, k ≤ d): the right singular vectors vᵢ
 * (unit vectors in input space) are the directions in which the encoder's code changes most, the tangent directions
 * of the data manifold as the encoder sees it, with σᵢ saying how much (Rifai et al. 2011, "The Manifold Tangent
 * Classifier"); the left singular vectors uᵢ are the matching directions in code space.
 *
 * <p>Computed as a Householder QR of Jᵀ = QR (d × k, 2dk² flops) followed by commons-math's SVD of the small k × k
 * factor Rᵀ = U Σ Wᵀ, so that V = Q W: exact to rounding and a few milliseconds for 32 × 784, where a full SVD of J
 * costs 76 ms (commons-math) or ~10 ms (ND4J's gesvd, which insists on computing the full d × d V).
 *
 * @param singularValues σ₁ ≥ σ₂ ≥ … ≥ σ_k ≥ 0
 * @param tangents       {@code tangents[i]} is vᵢ, a unit d-vector
 * @param codeDirections {@code codeDirections[i]} is uᵢ, a unit k-vector
 */
public record TangentSpace(double[] singularValues, double[][] tangents, double[][] codeDirections) {

    /** The SVD of J. */
    public static TangentSpace of(Jacobian jacobian) {
        int k = jacobian.outputs();
        int d = jacobian.inputs();
        if (k > d) {
            return direct(jacobian);
        }
        // columns of A = Jᵀ (d × k) are the rows of J
        double[][] a = new double[k][];
        for (int i = 0; i < k; i++) {
            a[i] = jacobian.rows()[i].clone();
        }
        double[][] householder = new double[k][];
        double[][] r = new double[k][k];
        for (int j = 0; j < k; j++) {
            double[] col = a[j];
            double norm = 0;
            for (int i = j; i < d; i++) {
                norm += col[i] * col[i];
            }
            norm = Math.sqrt(norm);
            double alpha = col[j] > 0 ? -norm : norm;
            double[] v = new double[d];
            for (int i = j; i < d; i++) {
                v[i] = col[i];
            }
            v[j] -= alpha;
            double vn = 0;
            for (int i = j; i < d; i++) {
                vn += v[i] * v[i];
            }
            if (vn > 0) {
                double inv = 1 / Math.sqrt(vn);
                for (int i = j; i < d; i++) {
                    v[i] *= inv;
                }
                for (int c = j; c < k; c++) {
                    reflect(v, a[c], j, d);
                }
            }
            householder[j] = v;
            for (int c = j; c < k; c++) {
                r[j][c] = a[c][j];
            }
        }
        // Rᵀ = U Σ Wᵀ, hence J = Rᵀ Qᵀ = U Σ (Q W)ᵀ
        RealMatrix rt = new Array2DRowRealMatrix(r, false).transpose();
        SingularValueDecomposition svd = new SingularValueDecomposition(rt);
        double[] sigma = svd.getSingularValues();
        RealMatrix u = svd.getU();
        RealMatrix w = svd.getV();
        double[][] tangents = new double[k][];
        double[][] codes = new double[k][];
        for (int i = 0; i < k; i++) {
            double[] v = new double[d];
            for (int j = 0; j < k; j++) {
                v[j] = w.getEntry(j, i);
            }
            for (int j = k - 1; j >= 0; j--) {
                reflect(householder[j], v, j, d);
            }
            tangents[i] = v;
            codes[i] = u.getColumn(i);
        }
        return new TangentSpace(sigma, tangents, codes);
    }

    private static TangentSpace direct(Jacobian jacobian) {
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(jacobian.rows()));
        double[] sigma = svd.getSingularValues();
        int m = sigma.length;
        double[][] tangents = new double[m][];
        double[][] codes = new double[m][];
        for (int i = 0; i < m; i++) {
            tangents[i] = svd.getV().getColumn(i);
            codes[i] = svd.getU().getColumn(i);
        }
        return new TangentSpace(sigma, tangents, codes);
    }

    /** y ← (I − 2vvᵀ) y on entries from..to−1 (v is zero before {@code from}). */
    private static void reflect(double[] v, double[] y, int from, int to) {
        double dot = 0;
        for (int i = from; i < to; i++) {
            dot += v[i] * y[i];
        }
        dot *= 2;
        for (int i = from; i < to; i++) {
            y[i] -= dot * v[i];
        }
    }

    /** The number of singular triples. */
    public int rank() {
        return singularValues.length;
    }

    /** x + t·vᵢ: a step of length t along tangent i, e.g. to decode and show what the direction means. */
    public double[] move(double[] x, int i, double t) {
        return move(x, tangents[i], t);
    }

    /** x + t·v. */
    public static double[] move(double[] x, double[] v, double t) {
        if (x.length != v.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, the direction " + v.length);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + t * v[i];
        }
        return out;
    }

    @Override
    public String toString() {
        int shown = Math.min(5, singularValues.length);
        return "TangentSpace of rank " + singularValues.length + ", σ = "
                + java.util.Arrays.toString(java.util.Arrays.copyOf(singularValues, shown))
                + (shown < singularValues.length ? "…" : "");
    }
}
