package org.latentlab.analysis.hessian;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.Monitor;
import org.latentlab.core.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Extreme eigenpairs of a Hessian from its products alone, by the Lanczos method with full reorthogonalisation
 * (Lanczos 1950; Golub &amp; Van Loan, Matrix Computations, §10.1). PyHessian (Yao et al. 2020) finds its top
 * eigenvalues by power iteration with deflation; one Lanczos run of m products finds several at once where power
 * iteration spends tens of products on each.
 *
 * <p>From a seeded random unit vector q₁ it builds an orthonormal basis Q of the Krylov space span{q₁, Hq₁, …} and
 * the tridiagonal T = QᵀHQ; the eigenvalues of T (Ritz values) converge first to the extreme eigenvalues of H, and
 * β_m·|s_m| (the last off-diagonal times the last component of T's eigenvector) is the residual ‖Hy − θy‖ of each
 * Ritz pair (θ, y = Qs). Every new vector is orthogonalised against all previous ones twice, which keeps the Ritz
 * values free of spurious copies. If the Krylov space becomes invariant (β ≈ 0) the basis continues with a fresh
 * random vector.
 *
 * <p>The products are {@link HessianVectorProduct}'s: exact (the engine's R-operator) for the objectives the
 * engine runs, central differences of the gradient for the others.
 */
public final class Lanczos {

    private final HessianVectorProduct hvp;
    private final long seed;

    /** A Lanczos solver on the given products, its starting vector drawn from {@code seed}. */
    public Lanczos(HessianVectorProduct hvp, long seed) {
        this.hvp = hvp;
        this.seed = seed;
    }

    /**
     * The k largest (algebraic) eigenvalues and their eigenvectors, descending.
     *
     * @param maxIter the most products (the Krylov dimension; at most n)
     * @param tol     stop early once every wanted Ritz pair has residual ≤ tol · max(|θ|, 1e-12·max|θ|)
     */
    public EigenPairs topEigenvalues(int k, int maxIter, double tol) {
        return topEigenvalues(k, maxIter, tol, Monitor.NONE);
    }

    /** As {@link #topEigenvalues(int, int, double)}, reporting each product to the monitor. */
    public EigenPairs topEigenvalues(int k, int maxIter, double tol, Monitor monitor) {
        return run(k, maxIter, tol, true, monitor);
    }

    /** The k smallest (most negative) eigenvalues and their eigenvectors, ascending. */
    public EigenPairs bottomEigenvalues(int k, int maxIter, double tol, Monitor monitor) {
        return run(k, maxIter, tol, false, monitor);
    }

    private EigenPairs run(int k, int maxIter, double tol, boolean top, Monitor monitor) {
        if (k < 1 || maxIter < 1) {
            throw new IllegalArgumentException("k and maxIter must be positive");
        }
        int n = hvp.dimension();
        int want = Math.min(k, n);
        int m = Math.max(want, Math.min(maxIter, n));
        Random rng = new Random(Seeds.seed(seed, 0));
        Process p = new Process(hvp, Vectors.gaussian(n, rng), rng);
        String label = top ? "top eigenvalues" : "bottom eigenvalues";
        double[] ritz = null;
        double[][] s = null;
        double[] residuals = new double[want];
        int[] picked = new int[want];
        boolean converged = false;
        while (p.steps() < m) {
            monitor.checkCancelled();
            p.step();
            monitor.progress((double) p.steps() / m, label + ": Lanczos step " + p.steps() + " of at most " + m);
            if (p.steps() < want) {
                continue;
            }
            ritz = new double[p.steps()];
            s = p.eigen(ritz);
            double largest = Math.max(Math.abs(ritz[0]), Math.abs(ritz[ritz.length - 1]));
            converged = true;
            for (int i = 0; i < want; i++) {
                int idx = top ? ritz.length - 1 - i : i;
                picked[i] = idx;
                residuals[i] = p.residual() * Math.abs(s[idx][s[idx].length - 1]);
                if (residuals[i] > tol * Math.max(Math.abs(ritz[idx]), 1e-12 * largest)) {
                    converged = false;
                }
            }
            if (converged || p.exhausted()) {
                converged = converged || p.exhausted();
                break;
            }
        }
        double[] values = new double[want];
        double[][] vectors = new double[want][];
        for (int i = 0; i < want; i++) {
            values[i] = ritz[picked[i]];
            vectors[i] = p.combine(s[picked[i]]);
        }
        return new EigenPairs(values, vectors, residuals.clone(), p.steps(), converged);
    }

    /**
     * The Lanczos iteration itself, one product per {@link #step()}; shared with stochastic Lanczos quadrature.
     * After j steps it holds q₁…q_j, T's diagonal α₁…α_j and off-diagonal β₁…β_{j−1}, and β_j = ‖r_j‖, the
     * residual norm.
     */
    static final class Process {
        private final HessianVectorProduct hvp;
        private final Random restarts;
        private final List<double[]> basis = new ArrayList<>();
        private final List<Double> alpha = new ArrayList<>();
        private final List<Double> beta = new ArrayList<>();
        private double[] next;
        private double residual;

        Process(HessianVectorProduct hvp, double[] start, Random restarts) {
            this.hvp = hvp;
            this.restarts = restarts;
            double norm = Vectors.norm(start);
            if (norm == 0 || !Double.isFinite(norm)) {
                throw new IllegalArgumentException("the starting vector must be non-zero and finite");
            }
            this.next = Vectors.scale(start, 1 / norm);
        }

        int steps() {
            return alpha.size();
        }

        /** True when the basis spans the whole space (n steps). */
        boolean exhausted() {
            return basis.size() == hvp.dimension();
        }

        double residual() {
            return residual;
        }

        void step() {
            if (exhausted()) {
                throw new IllegalStateException("the Krylov basis already spans the space");
            }
            double[] q = next;
            if (!basis.isEmpty()) {
                beta.add(residual);
            }
            basis.add(q);
            double[] w = hvp.apply(q);
            double a = Vectors.dot(q, w);
            alpha.add(a);
            Vectors.addScaledInPlace(w, -a, q);
            if (basis.size() > 1) {
                Vectors.addScaledInPlace(w, -beta.get(beta.size() - 1), basis.get(basis.size() - 2));
            }
            reorthogonalize(w);
            reorthogonalize(w);
            double b = Vectors.norm(w);
            double scale = Math.abs(a) + (beta.isEmpty() ? 0 : beta.get(beta.size() - 1));
            if (exhausted()) {
                residual = b;
                next = null;
            } else if (b <= 1e-10 * scale || b == 0) {
                // invariant subspace: the basis continues with a fresh direction and T splits into blocks
                residual = 0;
                double[] fresh = Vectors.gaussian(hvp.dimension(), restarts);
                reorthogonalize(fresh);
                reorthogonalize(fresh);
                next = Vectors.normalize(fresh);
            } else {
                residual = b;
                next = Vectors.scale(w, 1 / b);
            }
        }

        private void reorthogonalize(double[] w) {
            for (double[] v : basis) {
                Vectors.addScaledInPlace(w, -Vectors.dot(v, w), v);
            }
        }

        /** T's eigenvalues into {@code valuesOut} (ascending) and its eigenvectors (row i for value i). */
        double[][] eigen(double[] valuesOut) {
            int m = alpha.size();
            double[] main = new double[m];
            double[] off = new double[Math.max(0, m - 1)];
            for (int i = 0; i < m; i++) {
                main[i] = alpha.get(i);
            }
            for (int i = 0; i < m - 1; i++) {
                off[i] = beta.get(i);
            }
            if (m == 1) {
                valuesOut[0] = main[0];
                return new double[][] {{1}};
            }
            EigenDecomposition ed = new EigenDecomposition(main, off);
            double[] values = ed.getRealEigenvalues();
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
            double[][] vectors = new double[m][];
            for (int i = 0; i < m; i++) {
                valuesOut[i] = values[order[i]];
                vectors[i] = ed.getEigenvector(order[i]).toArray();
            }
            return vectors;
        }

        /** Q s: a vector of the Krylov space from its coordinates. */
        double[] combine(double[] coordinates) {
            double[] out = new double[hvp.dimension()];
            for (int i = 0; i < coordinates.length; i++) {
                Vectors.addScaledInPlace(out, coordinates[i], basis.get(i));
            }
            return Vectors.normalize(out);
        }
    }
}
