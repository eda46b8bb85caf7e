package org.latentlab.analysis.toy;

import org.junit.jupiter.api.Test;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed formulas: values and precedence, forward-mode gradients against the closed forms, and error messages. */
class ExpressionSurfaceTest {

    private static double value(String formula, double x, double y) {
        return new ExpressionSurface(formula).value(x, y);
    }

    @Test
    void precedenceAndAssociativity() {
        assertEquals(-4, value("-x^2", 2, 0), 0);
        assertEquals(512, value("2^3^2", 0, 0), 0);
        assertEquals(7, value("1 + 2*3", 0, 0), 0);
        assertEquals(1.5, value("3/2/1", 0, 0), 0);
        assertEquals(0.5, value("2^-1", 0, 0), 0);
        assertEquals(18, value("3x y", 2, 3), 0, "implicit multiplication");
        assertEquals(10, value("2(x + y)", 2, 3), 0);
        assertEquals(2500, value("2.5e3", 0, 0), 0);
        assertEquals(2 * Math.E, value("2e", 0, 0), 1e-15);
        assertEquals(Math.PI, value("pi", 0, 0), 0);
        assertEquals(8, value("x**3", 2, 0), 0);
    }

    @Test
    void builtInFormulasAsTypedParseToTheSameFunctions() {
        for (ToyFunction f : new ToyFunction[] {ToyFunction.BOWL, ToyFunction.SADDLE, ToyFunction.QUARTIC_VALLEY,
                ToyFunction.QUARTIC_SADDLE, ToyFunction.QUARTIC_PEAK, ToyFunction.MONKEY_SADDLE}) {
            ExpressionSurface s = new ExpressionSurface(f.formula());
            Random r = new Random(5);
            for (int i = 0; i < 20; i++) {
                double[] p = {4 * r.nextDouble() - 2, 4 * r.nextDouble() - 2};
                assertEquals(f.loss(p), s.loss(p), 1e-12, f.formula());
                assertArrayEquals(f.gradient(p), s.gradient(p), 1e-12, f.formula());
            }
        }
        ExpressionSurface linear = new ExpressionSurface("(1 − x·y)²");
        assertEquals(ToyFunction.DEEP_LINEAR_2.loss(new double[] {0.3, 2}), linear.value(0.3, 2), 1e-12);
    }

    @Test
    void functionsHaveTheirDerivatives() {
        ExpressionSurface s = new ExpressionSurface("sin(x) * exp(-y^2) + log(1 + x^2) + sqrt(y + 3) + tanh(x y)");
        Random r = new Random(11);
        for (int i = 0; i < 20; i++) {
            double[] p = {4 * r.nextDouble() - 2, 4 * r.nextDouble() - 2};
            double err = Nets.maxRelativeError(s.gradient(p), Nets.finiteDifferenceGradient(s, p, 1e-6), 1);
            assertTrue(err < 1e-8, "gradient error " + err);
        }
    }

    @Test
    void typedBowlHasTheSameHessianEigenvaluesAsTheBuiltIn() {
        double[] ev = ExactHessian.compute(new ExpressionSurface("x^2 + 3*y^2"), new double[2], Monitor.NONE)
                .spectrum(false).eigenvalues();
        assertArrayEquals(new double[] {2, 6}, ev, 1e-8);
    }

    @Test
    void mistakesAreReportedWithTheirPosition() {
        LabException e = assertThrows(LabException.class, () -> new ExpressionSurface("x^2 + * y"));
        assertTrue(e.getMessage().contains("position 7"), e.getMessage());
        e = assertThrows(LabException.class, () -> new ExpressionSurface("foo(x)"));
        assertTrue(e.getMessage().contains("unknown name 'foo'"), e.getMessage());
        e = assertThrows(LabException.class, () -> new ExpressionSurface("(x + y"));
        assertTrue(e.getMessage().contains("missing ')'"), e.getMessage());
        e = assertThrows(LabException.class, () -> new ExpressionSurface("x + z"));
        assertTrue(e.getMessage().contains("unknown name 'z'"), e.getMessage());
        assertThrows(LabException.class, () -> new ExpressionSurface("  "));
        e = assertThrows(LabException.class,
                () -> new ExpressionSurface("log(-1 - x^2)").requireFiniteSomewhere());
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }
}
