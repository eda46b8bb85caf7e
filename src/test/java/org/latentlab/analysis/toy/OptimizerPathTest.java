package org.latentlab.analysis.toy;

import org.junit.jupiter.api.Test;
import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.toy.OptimizerPath.Method;
import org.latentlab.analysis.toy.OptimizerPath.Stop;
import org.latentlab.analysis.hessian.CriticalPoint;
import org.latentlab.core.Monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Optimiser paths on the analytic surfaces. */
class OptimizerPathTest {

    private static final double[] START = {1.5, -1.0};

    @Test
    void newtonReachesTheBowlsMinimumInOneStep() {
        OptimizerPath p = OptimizerPath.run(ToyFunction.BOWL, START, Method.NEWTON, 1.0, 10, Monitor.NONE);
        assertTrue(Vectors.norm(p.points().get(1)) < 1e-8, "after one step: " + p);
        assertEquals(Stop.CONVERGED, p.stop());
        assertEquals(1, p.steps());
    }

    @Test
    void newtonIsAttractedToTheSaddle() {
        OptimizerPath p = OptimizerPath.run(ToyFunction.SADDLE, START, Method.NEWTON, 1.0, 10, Monitor.NONE);
        assertTrue(Vectors.norm(p.end()) < 1e-8, p.toString());
    }

    @Test
    void newtonStopsAtASingularHessian() {
        OptimizerPath p = OptimizerPath.run(ToyFunction.DEEP_LINEAR_3, new double[] {0, 0, 1}, Method.NEWTON, 1.0,
                10, Monitor.NONE);
        // the gradient is zero there, so it stops as converged before needing the singular Hessian
        assertEquals(Stop.CONVERGED, p.stop());
        // x² + y⁴ on the line y = 0: the gradient (2x, 0) is not zero but the Hessian diag(2, 0) is singular
        OptimizerPath q = OptimizerPath.run(ToyFunction.QUARTIC_VALLEY, new double[] {0.5, 0}, Method.NEWTON, 1.0,
                10, Monitor.NONE);
        assertEquals(Stop.SINGULAR_HESSIAN, q.stop(), q.toString());
    }

    @Test
    void gradientDescentDecreasesTheLossAtEveryStep() {
        OptimizerPath p = OptimizerPath.run(ToyFunction.BOWL, START, Method.GRADIENT_DESCENT, 0.1, 50, Monitor.NONE);
        assertEquals(50, p.steps());
        for (int i = 1; i < p.losses().length; i++) {
            assertTrue(p.losses()[i] < p.losses()[i - 1], "step " + i + ": " + p.losses()[i - 1] + " -> "
                    + p.losses()[i]);
        }
        assertTrue(p.losses()[50] < 1e-6 * p.losses()[0]);
        // x contracts by (1 - 2η) per step
        assertEquals(1.5 * Math.pow(0.8, 50), p.end()[0], 1e-12);
    }

    @Test
    void gradientDescentDivergesWithTooLargeAStep() {
        // on 3y² a step above 1/3 overshoots more than it gains
        OptimizerPath p = OptimizerPath.run(ToyFunction.BOWL, START, Method.GRADIENT_DESCENT, 0.4, 10_000,
                Monitor.NONE);
        assertEquals(Stop.DIVERGED, p.stop());
        assertTrue(p.steps() < 10_000);
    }

    @Test
    void momentumAndAdamFindTheMinimum() {
        OptimizerPath m = OptimizerPath.run(ToyFunction.BOWL, START, Method.MOMENTUM, 0.02, 400, Monitor.NONE);
        assertTrue(Vectors.norm(m.end()) < 1e-3, m.toString());
        OptimizerPath a = OptimizerPath.run(ToyFunction.BOWL, START, Method.ADAM, 0.05, 1000, Monitor.NONE);
        assertTrue(Vectors.norm(a.end()) < 1e-2, a.toString());
        // Adam's first step moves each coordinate by the step size, whatever the gradient's scale
        assertEquals(1.5 - 0.05, a.points().get(1)[0], 1e-6);
        assertEquals(-1.0 + 0.05, a.points().get(1)[1], 1e-6);
    }

    @Test
    void gradientDescentEscapesTheSaddleAlongTheNegativeDirection() {
        OptimizerPath p = OptimizerPath.run(ToyFunction.SADDLE, new double[] {1e-3, 1}, Method.GRADIENT_DESCENT,
                0.1, 100, Monitor.NONE);
        assertTrue(Math.abs(p.end()[0]) > 1, "x grows: " + p);
        assertTrue(Math.abs(p.end()[1]) < 1e-6, "y shrinks: " + p);
    }

    @Test
    void cancellationStopsThePath() {
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(Monitor.Cancelled.class,
                () -> OptimizerPath.run(ToyFunction.BOWL, START, Method.ADAM, 0.1, 10, cancelled));
    }

    @Test
    void newtonOutOfStepsIsNeitherConvergedNorCriticalAndOneRuleDecidesBoth() {
        // Newton with η = 0.05 shrinks the gradient by 0.95 per step: after 100 steps from (1.1, −1.05) it sits at
        // about (0.0065, −0.0062) with |∇L| ≈ 0.04, which is no critical point
        OptimizerPath shortRun = OptimizerPath.run(ToyFunction.BOWL, new double[] {1.1, -1.05}, Method.NEWTON, 0.05,
                100, Monitor.NONE);
        assertEquals(Stop.STEPS_DONE, shortRun.stop());
        assertEquals(0.0065, shortRun.end()[0], 1e-4);
        CriticalPoint atEnd = CriticalPoint.at(ToyFunction.BOWL, shortRun.end());
        assertFalse(atEnd.critical());
        String why = shortRun.explain(ToyFunction.BOWL);
        assertTrue(why.contains("without converging") && why.contains("0.039"), why);
        // run long enough, it stops as converged exactly where the verdict calls the point critical
        OptimizerPath longRun = OptimizerPath.run(ToyFunction.BOWL, new double[] {1.1, -1.05}, Method.NEWTON, 0.05,
                1000, Monitor.NONE);
        assertEquals(Stop.CONVERGED, longRun.stop());
        assertTrue(CriticalPoint.at(ToyFunction.BOWL, longRun.end()).critical());
        for (Method m : Method.values()) {
            for (int steps : new int[] {5, 50, 500, 3000}) {
                OptimizerPath p = OptimizerPath.run(ToyFunction.BOWL, START, m, 0.05, steps, Monitor.NONE);
                assertEquals(p.stop() == Stop.CONVERGED, CriticalPoint.at(ToyFunction.BOWL, p.end()).critical(),
                        p.toString());
            }
        }
    }

    @Test
    void runningOffOnTheSaddleIsDivergedAndBlamedOnTheSurfaceNotTheStep() {
        // −x² + 3y²: x grows by 1.1 per step with η = 0.05; 100 steps from x = 0.102 would reach x ≈ 1406
        OptimizerPath p = OptimizerPath.run(ToyFunction.SADDLE, new double[] {0.102, 0.5}, Method.GRADIENT_DESCENT,
                0.05, 100, Monitor.NONE);
        assertEquals(Stop.DIVERGED, p.stop(), p.toString());
        assertTrue(p.steps() < 100 && Math.abs(p.end()[0]) > 100, p.toString());
        assertFalse(p.divergence().overshoot());
        String why = p.explain(ToyFunction.SADDLE);
        assertTrue(why.startsWith("diverged") && why.contains("unbounded below"), why);
    }

    @Test
    void overshootingIsDivergedWithTheStableStepSize() {
        OptimizerPath p = OptimizerPath.run(ToyFunction.BOWL, START, Method.GRADIENT_DESCENT, 0.4, 10_000,
                Monitor.NONE);
        assertEquals(Stop.DIVERGED, p.stop());
        assertTrue(p.divergence().overshoot());
        assertEquals(6, p.divergence().lambdaMax(), 1e-6);
        assertEquals(2.0 / 6, p.divergence().stableStep(), 1e-6);
        String why = p.explain(ToyFunction.BOWL);
        assertTrue(why.contains("exceeds 2/λ_max = 0.333") && why.contains("smaller step size"), why);
        // heavy ball is stable up to 2(1 + μ)/λ_max = 0.633 on this bowl
        OptimizerPath m = OptimizerPath.run(ToyFunction.BOWL, START, Method.MOMENTUM, 0.7, 10_000, Monitor.NONE);
        assertEquals(Stop.DIVERGED, m.stop());
        assertEquals(2 * 1.9 / 6, m.divergence().stableStep(), 1e-6);
        assertEquals(Stop.CONVERGED, OptimizerPath.run(ToyFunction.BOWL, START, Method.MOMENTUM, 0.6, 10_000,
                Monitor.NONE).stop());
    }

    @Test
    void aStartWhereTheSurfaceIsNotDefinedIsRefused() {
        ExpressionSurface f = new ExpressionSurface("1/x");
        assertThrows(IllegalArgumentException.class,
                () -> OptimizerPath.run(f, new double[] {0, 0}, Method.GRADIENT_DESCENT, 0.1, 10, Monitor.NONE));
    }
}
