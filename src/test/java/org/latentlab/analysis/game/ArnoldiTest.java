package org.latentlab.analysis.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Arnoldi's top eigenvalues against matrices whose spectrum is known, a dense solver, and exact residuals. */
class ArnoldiTest {

    /** Block diagonal with 2 × 2 rotation-scaling blocks [[a, b], [−b, a]] (eigenvalues a ± bi) and 1 × 1 blocks. */
    private static RealMatrix blockDiagonal(int n, double[][] pairs, double[] reals) {
        RealMatrix d = MatrixUtils.createRealMatrix(n, n);
        int at = 0;
        for (double[] p : pairs) {
            d.setEntry(at, at, p[0]);
            d.setEntry(at, at + 1, p[1]);
            d.setEntry(at + 1, at, -p[1]);
            d.setEntry(at + 1, at + 1, p[0]);
            at += 2;
        }
        for (double r : reals) {
            d.setEntry(at, at, r);
            at++;
        }
        return d;
    }

    private static RealMatrix gaussian(int n, Random rng) {
        RealMatrix m = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.setEntry(i, j, rng.nextGaussian());
            }
        }
        return m;
    }

    @Test
    void rotationScalingBlocksUnderAnOrthogonalChangeOfBasis() {
        RealMatrix d = blockDiagonal(10, new double[][] {{3, 4}, {-1, 2}, {0.5, 0.1}}, new double[] {-4.5, 1, 0.2, 0});
        RealMatrix q = new QRDecomposition(gaussian(10, new Random(7))).getQ();
        RealMatrix a = q.multiply(d).multiply(q.transpose());
        GameSpectrum s = Arnoldi.topEigenvalues(VectorField.linear(a.getData()), 3, 10, 1e-10, 3);
        // By modulus: 3 ± 4i (5), −4.5, then −1 ± 2i (√5): k = 3 gives the pair and −4.5.
        assertEquals(3, s.eigenvalues().size());
        assertEigenvalue(s.eigenvalues().get(0), 3, 4, 1e-9);
        assertEigenvalue(s.eigenvalues().get(1), 3, -4, 1e-9);
        assertEigenvalue(s.eigenvalues().get(2), -4.5, 0, 1e-9);
        assertTrue(s.converged());
        assertTrue(s.eigenvalues().get(2).divergent());
        assertEquals(2 * 3.0 / 25, s.eigenvalues().get(0).maxStableStep(), 1e-9);
        // k = 4 reaches the second pair and keeps it whole.
        GameSpectrum s4 = Arnoldi.topEigenvalues(VectorField.linear(a.getData()), 4, 10, 1e-10, 3);
        assertEquals(5, s4.eigenvalues().size());
        assertEigenvalue(s4.eigenvalues().get(3), -1, 2, 1e-9);
        assertEigenvalue(s4.eigenvalues().get(4), -1, -2, 1e-9);
    }

    @Test
    void dominantEigenvaluesOfALargeSimilarityTransformConvergeWithExactResiduals() {
        int n = 120;
        Random rng = new Random(8);
        double[] reals = new double[n - 4];
        reals[0] = -9;
        reals[1] = 7;
        for (int i = 2; i < reals.length; i++) {
            reals[i] = 2 * rng.nextDouble() - 1;
        }
        RealMatrix d = blockDiagonal(n, new double[][] {{6, 8}}, reals);
        RealMatrix sMat = gaussian(n, rng).add(MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(4));
        RealMatrix a = sMat.multiply(d).multiply(new LUDecomposition(sMat).getSolver().getInverse());
        GameSpectrum s = Arnoldi.topEigenvalues(VectorField.linear(a.getData()), 4, 80, 1e-9, 5);
        assertTrue(s.converged(), "not converged after " + s.krylovDimension() + " products");
        assertTrue(s.krylovDimension() < 80);
        List<JacobianEigenvalue> e = s.eigenvalues();
        assertEquals(4, e.size());
        assertEigenvalue(e.get(0), 6, 8, 1e-6);
        assertEigenvalue(e.get(1), 6, -8, 1e-6);
        assertEigenvalue(e.get(2), -9, 0, 1e-6);
        assertEigenvalue(e.get(3), 7, 0, 1e-6);
        for (JacobianEigenvalue ev : e) {
            assertEquals(trueResidual(a, ev), ev.residual(), 1e-9 * 10);
            assertTrue(ev.residual() <= 1e-9 * 10);
        }
    }

    @Test
    void theWholeKrylovSpaceOfARandomMatrixGivesTheDenseSolversEigenvalues() {
        Random rng = new Random(9);
        for (int trial = 0; trial < 5; trial++) {
            int n = 8;
            RealMatrix a = gaussian(n, rng);
            EigenDecomposition dense = new EigenDecomposition(a);
            List<double[]> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(new double[] {dense.getRealEigenvalue(i), dense.getImagEigenvalue(i)});
            }
            GameSpectrum s = Arnoldi.topEigenvalues(VectorField.linear(a.getData()), n, n, 1e-10, trial);
            assertEquals(n, s.eigenvalues().size());
            for (JacobianEigenvalue ev : s.eigenvalues()) {
                double[] nearest = expected.stream()
                        .min(Comparator.comparingDouble(z -> Math.hypot(z[0] - ev.re(), z[1] - ev.im()))).orElseThrow();
                assertEquals(nearest[0], ev.re(), 1e-9);
                assertEquals(nearest[1], ev.im(), 1e-9);
                assertTrue(trueResidual(a, ev) < 1e-9, "residual " + trueResidual(a, ev));
            }
            for (int i = 1; i < n; i++) {
                assertTrue(s.eigenvalues().get(i).modulus() <= s.eigenvalues().get(i - 1).modulus() + 1e-12);
            }
        }
    }

    @Test
    void theXyGamesJacobianHasPlusMinusI() {
        GameSpectrum s = Arnoldi.topEigenvalues(VectorField.linear(new double[][] {{0, 1}, {-1, 0}}), 1, 2, 1e-12, 0);
        assertEquals(2, s.eigenvalues().size(), "the conjugate pair is kept whole");
        assertEigenvalue(s.eigenvalues().get(0), 0, 1, 1e-14);
        assertEigenvalue(s.eigenvalues().get(1), 0, -1, 1e-14);
        assertEquals(0.0, s.maxResidual(), 1e-14);
    }

    @Test
    void anInvariantStartEndsEarlyWithExactValues() {
        double[][] identity = new double[6][6];
        for (int i = 0; i < 6; i++) {
            identity[i][i] = 2;
        }
        GameSpectrum s = Arnoldi.topEigenvalues(VectorField.linear(identity), 3, 6, 1e-10, 0);
        assertEquals(1, s.krylovDimension());
        assertEigenvalue(s.eigenvalues().get(0), 2, 0, 1e-14);
    }

    @Test
    void centralDifferencesMatchTheAnalyticJacobian() {
        // v(θ) = (sin(θ0) θ1, θ0² − exp(θ1)): J = [[cos(θ0) θ1, sin(θ0)], [2 θ0, −exp(θ1)]].
        GradientField f = t -> new double[] {Math.sin(t[0]) * t[1], t[0] * t[0] - Math.exp(t[1])};
        double[] theta = {0.7, -0.4};
        double[] v = {1.3, -2.1};
        double[] jv = new CentralDifferenceField(f, theta).jacobianVector(v);
        double[] expected = {
            Math.cos(0.7) * -0.4 * v[0] + Math.sin(0.7) * v[1],
            2 * 0.7 * v[0] - Math.exp(-0.4) * v[1]};
        assertEquals(expected[0], jv[0], 1e-8);
        assertEquals(expected[1], jv[1], 1e-8);
    }

    private static void assertEigenvalue(JacobianEigenvalue e, double re, double im, double tol) {
        assertEquals(re, e.re(), tol, "real part of " + e);
        assertEquals(im, e.im(), tol, "imaginary part of " + e);
    }

    /** ‖A u − λ u‖ for the reported Ritz vector, in complex arithmetic, relative to ‖u‖ = 1. */
    private static double trueResidual(RealMatrix a, JacobianEigenvalue e) {
        double[] ur = e.vectorRe();
        double[] ui = e.vectorIm();
        double[] ar = a.operate(ur);
        double[] ai = a.operate(ui);
        double s = 0;
        double norm = 0;
        for (int i = 0; i < ur.length; i++) {
            double rr = ar[i] - (e.re() * ur[i] - e.im() * ui[i]);
            double ri = ai[i] - (e.re() * ui[i] + e.im() * ur[i]);
            s += rr * rr + ri * ri;
            norm += ur[i] * ur[i] + ui[i] * ui[i];
        }
        assertEquals(1.0, norm, 1e-9);
        return Math.sqrt(s);
    }
}
