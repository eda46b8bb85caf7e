package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.Monitor;
import org.latentlab.train.DoublePrecision;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Hessian of a small softmax MLP's loss (4-8-3, 67 parameters, 20 examples): loss and gradient consistent, the
 * exact Hessian symmetric and equal to second differences of the loss (an oracle that shares nothing with the
 * gradient path), products equal to the matrix times a vector, and the original parameters put back.
 */
@ExtendWith(DoublePrecision.class)
class NetworkHessianTest {

    private static MultiLayerNetwork net;
    private static SupervisedObjective objective;
    private static double[] theta;
    private static ExactHessian hessian;

    @BeforeAll
    static void setUp() {
        net = Nets.softmaxMlp(4, 8, 3, 21);
        objective = new SupervisedObjective(net, Nets.uniform(1, 20, 4, 1.5), Nets.oneHot(2, 20, 3));
        theta = objective.initialPoint();
        hessian = ExactHessian.compute(objective, theta, Monitor.NONE);
    }

    @Test
    void theObjectiveCoversEveryParameter() {
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, objective.dimension());
        objective.restore();
        assertArrayEquals(net.params().toDoubleVector(), theta, 0);
    }

    @Test
    void gradientIsTheDerivativeOfTheMeanLoss() {
        double err = Nets.maxRelativeError(objective.gradient(theta), Nets.finiteDifferenceGradient(objective, theta,
                1e-6), 1e-3);
        assertTrue(err < 1e-7, "gradient against differences of the loss: " + err);
    }

    @Test
    void hessianIsSymmetricAndMatchesSecondDifferencesOfTheLoss() {
        assertTrue(hessian.asymmetry() < 1e-7, "asymmetry before symmetrising " + hessian.asymmetry());
        double[][] h = hessian.matrix();
        Random r = new Random(4);
        double h2 = 1e-4;
        double largest = 0;
        for (double[] row : h) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        for (int trial = 0; trial < 40; trial++) {
            int i = r.nextInt(theta.length);
            int j = trial < 5 ? i : r.nextInt(theta.length);
            double fd = secondDifference(i, j, h2);
            assertEquals(fd, h[i][j], 2e-5 * largest, "H[" + i + "][" + j + "]");
        }
    }

    private static double secondDifference(int i, int j, double h) {
        double[] p = theta.clone();
        double s = 0;
        for (int a = -1; a <= 1; a += 2) {
            for (int b = -1; b <= 1; b += 2) {
                p[i] = theta[i] + a * h;
                p[j] = (i == j ? p[i] : theta[j]) + b * h;
                s += a * b * objective.loss(p);
                p[i] = theta[i];
                p[j] = theta[j];
            }
        }
        return s / (4 * h * h);
    }

    @Test
    void productsEqualTheMatrixTimesTheVector() {
        HessianVectorProduct hvp = new HessianVectorProduct(objective, theta);
        double[] v = Vectors.gaussian(theta.length, new Random(9));
        double[] hv = hvp.apply(v);
        double[] expected = new double[theta.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Vectors.dot(hessian.matrix()[i], v);
        }
        assertTrue(Nets.maxRelativeError(hv, expected, 1e-3) < 1e-7);
        assertEquals(1, hvp.products());
        // the product scales with v whatever its length (the step adapts to ‖v‖)
        double[] big = hvp.apply(Vectors.scale(v, 1e4));
        assertTrue(Nets.maxRelativeError(Vectors.scale(big, 1e-4), hv, 1e-3) < 1e-6);
    }

    @Test
    void traceOfTheSpectrumIsTheTraceOfTheMatrix() {
        HessianSpectrum s = hessian.spectrum(true);
        assertEquals(hessian.trace(), s.trace(), 1e-9 * Math.abs(hessian.trace()) + 1e-12);
        // H u = λ u for the largest pair
        double[] u = s.eigenvectors()[s.size() - 1];
        double[] hu = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            hu[i] = Vectors.dot(hessian.matrix()[i], u);
        }
        assertTrue(Nets.maxRelativeError(hu, Vectors.scale(u, s.max()), 1e-6) < 1e-9);
        long total = 0;
        for (long c : s.histogram(10).counts()) {
            total += c;
        }
        assertEquals(s.size(), total);
    }

    @Test
    void closingPutsTheParametersBack() {
        MultiLayerNetwork copy = net.clone();
        double[] before = copy.params().toDoubleVector();
        try (SupervisedObjective o = new SupervisedObjective(copy, Nets.uniform(1, 5, 4, 1), Nets.oneHot(2, 5, 3))) {
            double[] shifted = Vectors.addScaled(before, 0.5, Vectors.gaussian(before.length, new Random(1)));
            o.gradient(shifted);
            assertTrue(Math.abs(copy.params().getDouble(0) - before[0]) > 1e-6, "the objective loads θ");
        }
        assertArrayEquals(before, copy.params().toDoubleVector(), 0);
    }

    @Test
    void cancellingStopsTheExactHessian() {
        int[] calls = {0};
        Monitor stopAfterAFewColumns = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return ++calls[0] > 10;
            }
        };
        assertThrows(Monitor.Cancelled.class, () -> ExactHessian.compute(objective, theta, stopAfterAFewColumns));
        assertEquals(11, calls[0]);
    }
}
