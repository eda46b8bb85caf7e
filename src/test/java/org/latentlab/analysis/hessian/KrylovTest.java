package org.latentlab.analysis.hessian;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.Monitor;
import org.latentlab.train.DoublePrecision;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lanczos, Hutchinson and stochastic Lanczos quadrature against the exact spectrum of a 10-20-5 softmax MLP's
 * Hessian (325 parameters) at a point partly trained so that it has negative and positive curvature.
 */
@ExtendWith(DoublePrecision.class)
class KrylovTest {

    private static HessianVectorProduct hvp;
    private static HessianSpectrum exact;

    @BeforeAll
    static void setUp() {
        var net = Nets.softmaxMlp(10, 20, 5, 31);
        SupervisedObjective objective = new SupervisedObjective(net, Nets.uniform(3, 60, 10, 1.5),
                Nets.oneHot(4, 60, 5));
        double[] theta = objective.initialPoint();
        for (int i = 0; i < 30; i++) {
            Vectors.addScaledInPlace(theta, -0.5, objective.gradient(theta));
        }
        hvp = new HessianVectorProduct(objective, theta);
        exact = ExactHessian.compute(hvp, Monitor.NONE).spectrum(false);
    }

    @Test
    void lanczosTopFiveMatchTheExactSpectrum() {
        EigenPairs top = new Lanczos(hvp, 7).topEigenvalues(5, 100, 1e-8);
        double[] expected = exact.top(5);
        System.out.println("exact top 5 " + java.util.Arrays.toString(expected) + ", " + top);
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], top.eigenvalues()[i], 1e-3 * Math.abs(expected[i]), "eigenvalue " + i);
        }
        assertTrue(top.converged());
        assertTrue(top.iterations() < 100, "stopped early: " + top.iterations());
        // eigenvectors: unit length, orthogonal, H v ≈ λ v
        for (int i = 0; i < 5; i++) {
            double[] v = top.eigenvectors()[i];
            assertEquals(1, Vectors.norm(v), 1e-9);
            double[] hv = hvp.apply(v);
            assertTrue(Vectors.norm(Vectors.addScaled(hv, -top.eigenvalues()[i], v)) < 1e-4 * expected[0]);
            for (int j = 0; j < i; j++) {
                assertEquals(0, Vectors.dot(v, top.eigenvectors()[j]), 1e-8);
            }
        }
    }

    @Test
    void lanczosBottomFindsTheMostNegativeEigenvalue() {
        EigenPairs bottom = new Lanczos(hvp, 8).bottomEigenvalues(1, 150, 1e-8, Monitor.NONE);
        System.out.println("exact min " + exact.min() + ", " + bottom);
        assertTrue(exact.min() < 0, "the test point should have negative curvature");
        assertEquals(exact.min(), bottom.eigenvalues()[0], 1e-3 * Math.abs(exact.max()));
    }

    @Test
    void hutchinsonTraceIsWithinAFewPercentOfTheExactTrace() {
        Hutchinson.TraceEstimate t = new Hutchinson(hvp, 11).trace(600, Monitor.NONE);
        double expected = exact.trace();
        System.out.println("exact trace " + expected + ", " + t);
        assertEquals(expected, t.trace(), 0.03 * Math.abs(expected));
        assertTrue(Math.abs(t.trace() - expected) < 4 * t.standardError(), "the error is within its standard error");
        assertEquals(600, t.samples());
    }

    @Test
    void spectralDensityAgreesWithTheExactSpectrum() {
        SpectralDensity d = SpectralDensity.estimate(hvp, 3, 80, 5, Monitor.NONE);
        for (SpectralDensity.Quadrature q : d.runs()) {
            double sum = 0;
            for (double w : q.weights()) {
                sum += w;
            }
            assertEquals(1, sum, 1e-9, "weights of one run");
        }
        assertEquals(exact.max(), d.maxNode(), 1e-6 * exact.max(), "the extreme nodes converge first");
        assertEquals(exact.min(), d.minNode(), 1e-3 * exact.max());
        double exactNegative = exact.negativeFraction(1e-4);
        double slqNegative = d.negativeFraction(1e-4);
        System.out.println("negative fraction exact " + exactNegative + ", SLQ " + slqNegative);
        assertEquals(exactNegative, slqNegative, 0.1);
        SpectralDensity.Curve c = d.curve(2000, 0.01);
        double integral = 0;
        for (int i = 1; i < c.x().length; i++) {
            integral += 0.5 * (c.density()[i] + c.density()[i - 1]) * (c.x()[i] - c.x()[i - 1]);
        }
        assertEquals(1, integral, 1e-3, "the density integrates to 1");
        // the mean of the density is the mean eigenvalue, tr(H)/n, up to sampling error
        double mean = 0;
        for (SpectralDensity.Quadrature q : d.runs()) {
            for (int i = 0; i < q.nodes().length; i++) {
                mean += q.weights()[i] * q.nodes()[i] / d.runs().size();
            }
        }
        assertEquals(exact.trace() / exact.size(), mean, 0.25 * Math.abs(exact.trace() / exact.size()));
    }

    @Test
    void lanczosOnASmallMatrixRecoversEveryEigenvalue() {
        // on the 3-parameter deep linear toy the Krylov space is the whole space: all three eigenvalues, exactly
        HessianVectorProduct toy = new HessianVectorProduct(org.latentlab.analysis.toy.ToyFunction.DEEP_LINEAR_3,
                new double[] {0, 0, 2});
        EigenPairs all = new Lanczos(toy, 1).topEigenvalues(3, 10, 1e-10);
        assertEquals(4, all.eigenvalues()[0], 1e-8);
        assertEquals(0, all.eigenvalues()[1], 1e-8);
        assertEquals(-4, all.eigenvalues()[2], 1e-8);
        assertEquals(List.of(3), List.of(all.iterations()));
    }
}
