package org.latentlab.analysis.deeplinear;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepLinearNetTest {

    /** ∂²L/∂wᵢ∂wⱼ from four values of the loss alone (central differences in double, step h). */
    private static double[][] hessianFromLoss(DeepLinearNet net, double[] w, double h) {
        int d = w.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = (at(net, w, i, h, j, h) - at(net, w, i, h, j, -h) - at(net, w, i, -h, j, h)
                        + at(net, w, i, -h, j, -h)) / (4 * h * h);
            }
        }
        return out;
    }

    private static double at(DeepLinearNet net, double[] w, int i, double di, int j, double dj) {
        double[] p = w.clone();
        p[i] += di;
        p[j] += dj;
        return net.loss(p);
    }

    private static void assertMatrix(double[][] expected, double[][] actual, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tol, "row " + i);
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheLoss() {
        DeepLinearNet net = new DeepLinearNet(10, 1.5);
        Random rng = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            double[] w = new double[10];
            for (int k = 0; k < w.length; k++) {
                w[k] = 0.7 + 0.6 * rng.nextDouble() * (rng.nextBoolean() ? 1 : -1);
            }
            double[] g = net.gradient(w);
            double h = 1e-6;
            for (int k = 0; k < w.length; k++) {
                double[] p = w.clone();
                double[] m = w.clone();
                p[k] += h;
                m[k] -= h;
                assertEquals((net.loss(p) - net.loss(m)) / (2 * h), g[k], 1e-7 * Math.max(1, Math.abs(g[k])));
            }
        }
    }

    @Test
    void closedFormHessianMatchesFiniteDifferencesAtTheOriginMinimumSaddleAndElsewhere() {
        for (int depth : new int[] {2, 3, 10}) {
            DeepLinearNet net = DeepLinearNet.of(depth);
            double[] random = new double[depth];
            Random rng = new Random(depth);
            for (int k = 0; k < depth; k++) {
                random[k] = rng.nextGaussian();
            }
            for (double[] w : List.of(new double[depth], KnownPoint.balancedMinimum(net).weights(),
                    depth >= 3 ? KnownPoint.saddle(net, 0, depth - 1, 1.1).weights() : new double[depth], random)) {
                assertMatrix(hessianFromLoss(net, w, 1e-4), net.hessian(w), 2e-5);
            }
        }
    }

    @Test
    void depthTwoOriginIsAStrictSaddleWithEigenvaluesPlusMinusTwo() {
        DeepLinearNet net = DeepLinearNet.of(2);
        assertMatrix(new double[][] {{0, -2}, {-2, 0}}, net.hessian(new double[2]), 0);
        assertArrayEquals(new double[] {-2, 2}, net.hessianEigenvalues(new double[2]), 1e-12);
        assertArrayEquals(new double[] {-2, 2}, KnownPoint.origin(net).eigenvalues(), 0);
    }

    @Test
    void beyondDepthTwoTheHessianAtTheOriginIsZero() {
        for (int depth = 3; depth <= 10; depth++) {
            DeepLinearNet net = DeepLinearNet.of(depth);
            double[] zero = new double[depth];
            assertArrayEquals(new double[depth], net.hessianEigenvalues(zero), 1e-14, "depth " + depth);
            assertArrayEquals(net.hessianEigenvalues(zero), KnownPoint.origin(net).eigenvalues(), 1e-14);
            assertMatrix(hessianFromLoss(net, zero, 1e-3), net.hessian(zero), 1e-5);
        }
    }

    @Test
    void atTheBalancedMinimumTheHessianIsRankOneWithEigenvalueTwoD() {
        for (int depth = 1; depth <= 10; depth++) {
            DeepLinearNet net = DeepLinearNet.of(depth);
            KnownPoint min = KnownPoint.balancedMinimum(net);
            assertEquals(0, net.loss(min.weights()), 1e-15);
            double[] e = net.hessianEigenvalues(min.weights());
            assertEquals(2.0 * depth, e[depth - 1], 1e-10);
            assertArrayEquals(min.eigenvalues(), e, 1e-10);
        }
        DeepLinearNet negative = new DeepLinearNet(4, -3);
        KnownPoint m = KnownPoint.balancedMinimum(negative);
        assertEquals(0, negative.loss(m.weights()), 1e-12);
        assertArrayEquals(m.eigenvalues(), negative.hessianEigenvalues(m.weights()), 1e-9);
    }

    @Test
    void twoZeroWeightsMakeAStrictSaddleWhoseCurvatureScalesWithTheOthers() {
        DeepLinearNet net = new DeepLinearNet(10, 2);
        KnownPoint s = KnownPoint.saddle(net, 0, 7, 0.8);
        assertEquals(0, org.latentlab.analysis.Vectors.norm(net.gradient(s.weights())), 0);
        double c = 2 * 2 * Math.pow(0.8, 8);
        assertEquals(-c, s.eigenvalues()[0], 1e-15);
        assertEquals(c, s.eigenvalues()[9], 1e-15);
        assertArrayEquals(s.eigenvalues(), net.hessianEigenvalues(s.weights()), 1e-12);
    }

    @Test
    void theSpectraTableAgreesThreeWays() {
        DeepLinearNet net = DeepLinearNet.of(10);
        List<DeepLinearSpectra.Row> rows = DeepLinearSpectra.at(net, KnownPoint.lecture(net));
        assertEquals(3, rows.size());
        for (DeepLinearSpectra.Row r : rows) {
            assertTrue(r.maxError() < 1e-6, r.point().name() + " off by " + r.maxError());
            assertEquals(0, r.gradientNorm(), 0, r.point().name() + " is critical");
        }
        assertEquals("0 (×10)", rows.get(0).summary());
        assertEquals("0 (×9), 20", rows.get(1).summary());
        assertEquals("-2, 0 (×8), 2", rows.get(2).summary());
        List<String[]> depths = DeepLinearSpectra.depthRows(4, 1);
        assertArrayEquals(new String[] {"1", "2", "2", "—"}, depths.get(0));
        assertArrayEquals(new String[] {"2", "-2, 2", "0, 4", "-2, 2"}, depths.get(1));
        assertArrayEquals(new String[] {"3", "0 (×3)", "0 (×2), 6", "-2, 0, 2"}, depths.get(2));
    }

    @Test
    void theSliceIsTheLossWithTheOtherWeightsHeld() {
        DeepLinearNet net = DeepLinearNet.of(5);
        DeepLinearSlice s = DeepLinearSlice.of(net, 1, 3, 0.9, 2, 21);
        double s3 = 0.9 * 0.9 * 0.9;
        for (int row = 0; row < 21; row += 4) {
            for (int col = 0; col < 21; col += 5) {
                double p = s3 * s.axis()[col] * s.axis()[row];
                assertEquals((1 - p) * (1 - p), s.loss()[row][col], 1e-12);
            }
        }
        assertTrue(s.csv().startsWith("w2,w4,loss\n"));
        assertThrows(IllegalArgumentException.class, () -> DeepLinearSlice.of(net, 2, 2, 1, 2, 21));
    }
}
