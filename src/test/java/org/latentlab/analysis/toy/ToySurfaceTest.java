package org.latentlab.analysis.toy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.hessian.CriticalPoint;
import org.latentlab.analysis.hessian.CriticalPoint.Verdict;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.core.Monitor;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytic surfaces' closed forms, their Hessian eigenvalues computed through the same path as a network's
 * ({@link ExactHessian}: finite differences of the gradient, then the symmetric eigensolver), and the verdicts of
 * the second-derivative test.
 */
class ToySurfaceTest {

    private static double[] eigenvalues(org.latentlab.analysis.Objective f, double... at) {
        return ExactHessian.compute(f, at, Monitor.NONE).spectrum(false).eigenvalues();
    }

    @Test
    void bowlHasEigenvaluesTwoAndSix() {
        assertArrayEquals(new double[] {2, 6}, eigenvalues(ToyFunction.BOWL, 0, 0), 1e-8);
    }

    @Test
    void saddleHasEigenvaluesMinusTwoAndSix() {
        assertArrayEquals(new double[] {-2, 6}, eigenvalues(ToyFunction.SADDLE, 0, 0), 1e-8);
    }

    @Test
    void shallowLinearNetworkHasEigenvaluesMinusTwoAndTwoAtTheOrigin() {
        assertArrayEquals(new double[] {-2, 2}, eigenvalues(ToyFunction.DEEP_LINEAR_2, 0, 0), 1e-8);
    }

    @Test
    void deepLinearNetworkHasEigenvaluesZeroAndPlusMinusTwoK() {
        double k = 1.5;
        assertArrayEquals(new double[] {-2 * k, 0, 2 * k}, eigenvalues(ToyFunction.DEEP_LINEAR_3, 0, 0, k), 1e-8);
        CriticalPoint p = CriticalPoint.at(ToyFunction.DEEP_LINEAR_3, new double[] {0, 0, k});
        assertTrue(p.critical());
        assertEquals(Verdict.SADDLE, p.verdict(), "eigenvalues of both signs make a saddle despite the zero");
    }

    @Test
    void verdictsOfTheSecondDerivativeTest() {
        assertVerdict(ToyFunction.BOWL, Verdict.LOCAL_MINIMUM);
        assertVerdict(ToyFunction.SADDLE, Verdict.SADDLE);
        assertVerdict(ToyFunction.QUARTIC_PEAK, Verdict.DEGENERATE);
        assertVerdict(ToyFunction.QUARTIC_VALLEY, Verdict.DEGENERATE);
        assertVerdict(ToyFunction.QUARTIC_SADDLE, Verdict.DEGENERATE);
        assertVerdict(ToyFunction.MONKEY_SADDLE, Verdict.DEGENERATE);
        assertVerdict(new ExpressionSurface("-x^2 - 3y^2"), Verdict.LOCAL_MAXIMUM);
    }

    private static void assertVerdict(org.latentlab.analysis.Objective f, Verdict expected) {
        CriticalPoint p = CriticalPoint.at(f, new double[f.dimension()]);
        assertTrue(p.critical(), f.describe() + " is critical at 0");
        assertEquals(expected, p.verdict(), f.describe() + ": " + p);
    }

    @Test
    void aPointAwayFromTheMinimumIsNotCritical() {
        CriticalPoint p = CriticalPoint.at(ToyFunction.BOWL, new double[] {1, -0.5});
        assertFalse(p.critical());
        assertEquals(Verdict.LOCAL_MINIMUM, p.verdict(), "the curvature is still that of a bowl");
        assertArrayEquals(new double[] {2, -3}, p.gradient(), 1e-12);
        // eigenvectors: e_x for 2, e_y for 6 (up to sign)
        assertEquals(1, Math.abs(p.eigenvectors()[0][0]), 1e-8);
        assertEquals(1, Math.abs(p.eigenvectors()[1][1]), 1e-8);
    }

    @Test
    void degenerateEigenvalueIsNearZeroButTheOtherIsNot() {
        double[] ev = eigenvalues(ToyFunction.QUARTIC_VALLEY, 0, 0);
        assertEquals(0, ev[0], 1e-8);
        assertEquals(2, ev[1], 1e-8);
        // away from the origin the quartic direction curves: 12 y²
        assertArrayEquals(new double[] {2, 12 * 0.25}, eigenvalues(ToyFunction.QUARTIC_VALLEY, 0.3, 0.5), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(ToyFunction.class)
    void analyticGradientsMatchFiniteDifferences(ToyFunction f) {
        Random r = new Random(7);
        for (int trial = 0; trial < 5; trial++) {
            double[] p = new double[f.dimension()];
            for (int i = 0; i < p.length; i++) {
                p[i] = 3 * r.nextDouble() - 1.5;
            }
            double err = Nets.maxRelativeError(f.gradient(p), Nets.finiteDifferenceGradient(f, p, 1e-6), 1);
            assertTrue(err < 1e-7, f + " at trial " + trial + ": " + err);
        }
    }

    @Test
    void sliceOfTheThreeLayerNetAtW3EqualToOneIsTheTwoLayerNet() {
        ToySurface s = ToyFunction.DEEP_LINEAR_3.surface();
        Random r = new Random(3);
        for (int i = 0; i < 10; i++) {
            double x = 4 * r.nextDouble() - 2;
            double y = 4 * r.nextDouble() - 2;
            assertEquals(ToyFunction.DEEP_LINEAR_2.loss(new double[] {x, y}), s.value(x, y), 1e-12);
            assertArrayEquals(ToyFunction.DEEP_LINEAR_2.gradient(new double[] {x, y}), s.gradient(new double[] {x, y}),
                    1e-12);
        }
        ToySurface other = ToyFunction.DEEP_LINEAR_3.slice(0, 2, new double[] {0, 2, 0});
        assertEquals(ToyFunction.DEEP_LINEAR_3.loss(new double[] {0.5, 2, -1}), other.value(0.5, -1), 1e-12);
        assertTrue(other.formula().contains("w2 = 2.0"), other.formula());
    }

    @Test
    void builtInsAreFoundById() {
        assertEquals(ToyFunction.MONKEY_SADDLE, ToyFunction.byId("monkey-saddle"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToyFunction.byId("donut"));
        assertTrue(e.getMessage().contains("bowl"), e.getMessage());
    }

    @Test
    void noVerdictWhereTheSurfaceIsNotFinite() {
        // 1/x at x = 0: L = ∞ and the finite-difference Hessian would be zeros; the analysis must refuse
        org.latentlab.core.LabException e = assertThrows(org.latentlab.core.LabException.class,
                () -> CriticalPoint.at(new ExpressionSurface("1/x"), new double[] {0, 0}));
        assertTrue(e.getMessage().contains("not defined"), e.getMessage());
        assertThrows(org.latentlab.core.LabException.class,
                () -> CriticalPoint.at(new ExpressionSurface("log(x)"), new double[] {-1, 0}));
        // a point nearby is fine: 1/x has Hessian diag(2/x³, 0)
        CriticalPoint near = CriticalPoint.at(new ExpressionSurface("1/x"), new double[] {1, 0});
        assertEquals(2, near.eigenvalues()[1], 1e-5);
    }
}
