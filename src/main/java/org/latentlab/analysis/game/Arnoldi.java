package org.latentlab.analysis.game;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.latentlab.analysis.Vectors;

/**
 * The eigenvalues of largest modulus of a non-symmetric Jacobian known only through products J·v, by Arnoldi's
 * method (Arnoldi 1951; Saad 2011, "Numerical methods for large eigenvalue problems", §6.2): an orthonormal basis
 * V_m of the Krylov space span{q, Jq, …, J^(m−1)q} from a random unit q (Gram-Schmidt twice, so the basis stays
 * orthonormal to rounding) and the m × m upper Hessenberg H_m = V_mᵀ J V_m, whose eigenvalues (Ritz values)
 * approach J's extreme ones as m grows. H_m's eigenvalues come from commons-math3's dense solver (Hessenberg
 * reduction and shifted QR to the real Schur form), its eigenvectors y from {@link RitzVectors}; the residual of
 * the Ritz pair (λ, u = V_m y) is exact: ‖J u − λ u‖² = ‖H_m y − λ y‖² + h_{m+1,m}² |y_m|².
 * <p>
 * The space grows one product at a time, without restarts, until the top k residuals fall below
 * tolerance × (largest modulus), the Krylov space is exhausted (an invariant subspace: its Ritz values are exact
 * eigenvalues, possibly fewer than k, e.g. one for J = I), or maxDimension products have been taken. Memory is
 * maxDimension + 1 vectors of the field's dimension. Conjugate pairs are reported together, so the list may hold
 * k + 1 values.
 */
public final class Arnoldi {

    /** Twice Gram-Schmidt leaves a new direction this small relative to J·v: the space is invariant. */
    private static final double BREAKDOWN = 1e-12;

    private Arnoldi() {
    }

    /**
     * The k eigenvalues of largest modulus of the field's Jacobian, with at most maxDimension products, the residual
     * tolerance relative to the largest modulus, and the random start drawn from seed.
     */
    public static GameSpectrum topEigenvalues(VectorField field, int k, int maxDimension, double tolerance,
                                              long seed) {
        int n = field.dimension();
        int mMax = Math.min(maxDimension, n);
        if (k < 1 || k > mMax) {
            throw new IllegalArgumentException("need 1 ≤ k ≤ min(maxDimension, dimension) = " + mMax + ", not k = "
                    + k);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("the tolerance must lie in (0, 1), not " + tolerance);
        }
        List<double[]> basis = new ArrayList<>();
        double[][] h = new double[mMax + 1][mMax];
        basis.add(Vectors.normalize(Vectors.gaussian(n, new Random(seed))));
        for (int j = 0; j < mMax; j++) {
            double[] w = field.jacobianVector(basis.get(j));
            if (w.length != n || !Vectors.allFinite(w)) {
                throw new IllegalArgumentException("the Jacobian-vector product returned " + w.length
                        + " values or non-finite ones, for dimension " + n);
            }
            double scale = Vectors.norm(w);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = Vectors.dot(w, basis.get(i));
                    h[i][j] += c;
                    Vectors.addScaledInPlace(w, -c, basis.get(i));
                }
            }
            double next = Vectors.norm(w);
            h[j + 1][j] = next;
            int m = j + 1;
            boolean exhausted = next <= BREAKDOWN * Math.max(scale, Double.MIN_NORMAL) || m == n;
            if (exhausted) {
                h[j + 1][j] = 0;
            }
            if (m >= k || exhausted) {
                List<Ritz> top = ritz(h, m, k);
                double largest = top.isEmpty() ? 0 : top.get(0).modulus();
                boolean converged = top.stream().allMatch(r -> r.residual <= tolerance * largest);
                if (converged || exhausted || m == mMax) {
                    return new GameSpectrum(vectors(top, basis, m, n), m, converged || exhausted, tolerance);
                }
            }
            basis.add(Vectors.scale(w, 1 / next));
        }
        throw new IllegalStateException("unreachable: the loop returns at m = " + mMax);
    }

    /** A Ritz value of H_m with its eigenvector y and the residual of the Ritz pair. */
    private record Ritz(double re, double im, double[] yr, double[] yi, double residual) {
        double modulus() {
            return Math.hypot(re, im);
        }
    }

    private static List<Ritz> ritz(double[][] h, int m, int k) {
        double[][] hm = new double[m][m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(h[i], 0, hm[i], 0, m);
        }
        EigenDecomposition eig = new EigenDecomposition(MatrixUtils.createRealMatrix(hm));
        double[] res = eig.getRealEigenvalues();
        double[] ims = eig.getImagEigenvalues();
        List<double[]> representatives = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (ims[i] >= 0) {
                representatives.add(new double[] {res[i], ims[i]});
            }
        }
        representatives.sort(Comparator.comparingDouble((double[] z) -> -Math.hypot(z[0], z[1]))
                .thenComparingDouble(z -> -z[0]));
        List<Ritz> out = new ArrayList<>();
        double beta = h[m][m - 1];
        for (double[] z : representatives) {
            if (out.size() >= k) {
                break;
            }
            double[][] y = RitzVectors.eigenvector(hm, z[0], z[1]);
            double residual = residual(hm, y, z[0], z[1], beta);
            out.add(new Ritz(z[0], z[1], y[0], y[1], residual));
            if (z[1] > 0) {
                out.add(new Ritz(z[0], -z[1], y[0], negate(y[1]), residual));
            }
        }
        return out;
    }

    /** ‖J u − λ u‖ for u = V y: √(‖H y − λ y‖² + β² |y_m|²). */
    private static double residual(double[][] hm, double[][] y, double re, double im, double beta) {
        int m = hm.length;
        double[] yr = y[0];
        double[] yi = y[1];
        double s = 0;
        for (int i = 0; i < m; i++) {
            double rr = -(re * yr[i] - im * yi[i]);
            double ri = -(re * yi[i] + im * yr[i]);
            for (int j = 0; j < m; j++) {
                rr += hm[i][j] * yr[j];
                ri += hm[i][j] * yi[j];
            }
            s += rr * rr + ri * ri;
        }
        double last = Math.hypot(yr[m - 1], yi[m - 1]);
        return Math.sqrt(s + beta * beta * last * last);
    }

    private static List<JacobianEigenvalue> vectors(List<Ritz> top, List<double[]> basis, int m, int n) {
        List<JacobianEigenvalue> out = new ArrayList<>();
        for (Ritz r : top) {
            double[] ur = new double[n];
            double[] ui = new double[n];
            for (int i = 0; i < m; i++) {
                Vectors.addScaledInPlace(ur, r.yr[i], basis.get(i));
                Vectors.addScaledInPlace(ui, r.yi[i], basis.get(i));
            }
            out.add(new JacobianEigenvalue(r.re, r.im, r.residual, ur, ui));
        }
        return out;
    }

    private static double[] negate(double[] a) {
        return Vectors.scale(a, -1);
    }
}
