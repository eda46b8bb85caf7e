package org.latentlab.ui.geometry;

import org.latentlab.analysis.hessian.CriticalPoint;
import org.latentlab.analysis.toy.OptimizerPath;
import org.latentlab.analysis.toy.ToySurface;

import java.util.Locale;

/**
 * What the toy-surface section says, for a person: the surface drawn, and at the start and the end of an optimiser's
 * path the gradient, the Hessian, its eigenpairs and the second-derivative test's verdict.
 */
final class ToyReport {

    private ToyReport() {
    }

    static String surface(ToySurface s) {
        return "L = " + s.formula() + "\n\nClick anywhere on the contour plot: the optimiser runs from there,"
                + " the path is drawn on both views, and the Hessian's eigenvectors are drawn at the end point"
                + " (green: curving up, red: curving down, grey: flat). The 3-D view turns when dragged.";
    }

    static String path(OptimizerPath p, String why, CriticalPoint start, CriticalPoint end) {
        StringBuilder b = new StringBuilder();
        b.append(label(p.method())).append(", η = ").append(p.stepSize()).append(": ").append(why)
                .append("\n(").append(OptimizerPath.CONVERGENCE_RULE).append(": the path stops there, and the"
                        + " verdict below uses the same rule)\n\n");
        b.append("START\n").append(point(start));
        if (end != null) {
            b.append("\nEND\n").append(point(end));
        } else {
            double[] last = p.end();
            b.append(String.format(Locale.ROOT, "%nEND: diverged at (%s, %s); no verdict there%n", fmt(last[0]),
                    fmt(last[1])));
        }
        return b.toString();
    }

    private static String point(CriticalPoint c) {
        double[] p = c.point();
        double[][] h = c.hessian();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  at (%s, %s)   L = %s%n", fmt(p[0]), fmt(p[1]), fmt(c.loss())));
        b.append(String.format(Locale.ROOT, "  ∇L = (%s, %s)   |∇L| = %s%n", fmt(c.gradient()[0]),
                fmt(c.gradient()[1]), fmt(c.gradientNorm())));
        b.append(String.format(Locale.ROOT, "  H = [%9s %9s]%n      [%9s %9s]%n", fmt(h[0][0]), fmt(h[0][1]),
                fmt(h[1][0]), fmt(h[1][1])));
        for (int i = 0; i < c.eigenvalues().length; i++) {
            double[] v = c.eigenvectors()[i];
            b.append(String.format(Locale.ROOT, "  λ%d = %-9s v = (%s, %s)%n", i + 1, fmt(c.eigenvalues()[i]),
                    fmt(v[0]), fmt(v[1])));
        }
        b.append("  ").append(verdict(c)).append('\n');
        return b.toString();
    }

    /** The second-derivative test's verdict at {@code c}, and whether it is a critical point at all. */
    static String verdict(CriticalPoint c) {
        String v = switch (c.verdict()) {
            case LOCAL_MINIMUM -> "local minimum (all eigenvalues > 0)";
            case LOCAL_MAXIMUM -> "local maximum (all eigenvalues < 0)";
            case SADDLE -> "saddle point (eigenvalues of both signs)";
            case DEGENERATE -> "degenerate (a zero eigenvalue: the second-derivative test cannot decide)";
        };
        return c.critical() ? "critical point (|∇L| ≤ " + CriticalPoint.GRADIENT_TOLERANCE + "): " + v
                : "not a critical point (|∇L| = " + fmt(c.gradientNorm()) + " > " + CriticalPoint.GRADIENT_TOLERANCE
                + "); curvature there: " + v;
    }

    static String label(OptimizerPath.Method m) {
        return switch (m) {
            case GRADIENT_DESCENT -> "gradient descent";
            case MOMENTUM -> "momentum";
            case ADAM -> "Adam";
            case NEWTON -> "Newton";
        };
    }

    static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        return Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}
