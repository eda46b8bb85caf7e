package org.latentlab.analysis.toy;

import org.latentlab.analysis.Objective;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The built-in analytic losses of the geometry bench, each with its value and gradient in closed form (Hessians and
 * eigenvalues come from the shared {@link org.latentlab.analysis.hessian.ExactHessian} path, as for networks):
 * minima, saddles and degenerate points in two variables, and the losses of the smallest deep linear networks,
 * L = (1 − w₁w₂)² and (1 − w₁w₂w₃)² (Saxe, McClelland &amp; Ganguli 2014; Kawaguchi 2016: every local minimum is
 * global, and the origin is a saddle, degenerate from depth 3). The 3-parameter loss is drawn through
 * {@link #slice}, with w₃ fixed.
 */
public enum ToyFunction implements Objective {
    BOWL("bowl", "x² + 3y²", 2, 2.0),
    SADDLE("saddle", "−x² + 3y²", 2, 2.0),
    QUARTIC_VALLEY("quartic-valley", "x² + y⁴", 2, 1.5),
    QUARTIC_SADDLE("quartic-saddle", "x² − y⁴", 2, 1.5),
    QUARTIC_PEAK("quartic-peak", "−x⁴ − y⁴", 2, 1.5),
    MONKEY_SADDLE("monkey-saddle", "x³ − 3xy²", 2, 1.5),
    DEEP_LINEAR_2("deep-linear-2", "(1 − w₁w₂)²", 2, 2.0),
    DEEP_LINEAR_3("deep-linear-3", "(1 − w₁w₂w₃)²", 3, 2.0);

    private final String id;
    private final String formula;
    private final int dimension;
    private final double viewRadius;

    ToyFunction(String id, String formula, int dimension, double viewRadius) {
        this.id = id;
        this.formula = formula;
        this.dimension = dimension;
        this.viewRadius = viewRadius;
    }

    public String id() {
        return id;
    }

    public String formula() {
        return formula;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String describe() {
        return formula;
    }

    public ViewRange defaultView() {
        return ViewRange.square(viewRadius);
    }

    /** The built-in with this id (or enum name), or an {@link IllegalArgumentException} listing the known ones. */
    public static ToyFunction byId(String id) {
        for (ToyFunction f : values()) {
            if (f.id.equalsIgnoreCase(id) || f.name().equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown toy surface '" + id + "' (known: "
                + Arrays.stream(values()).map(ToyFunction::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public double loss(double[] t) {
        requireLength(t);
        return switch (this) {
            case BOWL -> t[0] * t[0] + 3 * t[1] * t[1];
            case SADDLE -> -t[0] * t[0] + 3 * t[1] * t[1];
            case QUARTIC_VALLEY -> t[0] * t[0] + Math.pow(t[1], 4);
            case QUARTIC_SADDLE -> t[0] * t[0] - Math.pow(t[1], 4);
            case QUARTIC_PEAK -> -Math.pow(t[0], 4) - Math.pow(t[1], 4);
            case MONKEY_SADDLE -> t[0] * t[0] * t[0] - 3 * t[0] * t[1] * t[1];
            case DEEP_LINEAR_2 -> square(1 - t[0] * t[1]);
            case DEEP_LINEAR_3 -> square(1 - t[0] * t[1] * t[2]);
        };
    }

    @Override
    public double[] gradient(double[] t) {
        requireLength(t);
        double x = t[0];
        double y = t[1];
        return switch (this) {
            case BOWL -> new double[] {2 * x, 6 * y};
            case SADDLE -> new double[] {-2 * x, 6 * y};
            case QUARTIC_VALLEY -> new double[] {2 * x, 4 * y * y * y};
            case QUARTIC_SADDLE -> new double[] {2 * x, -4 * y * y * y};
            case QUARTIC_PEAK -> new double[] {-4 * x * x * x, -4 * y * y * y};
            case MONKEY_SADDLE -> new double[] {3 * x * x - 3 * y * y, -6 * x * y};
            case DEEP_LINEAR_2 -> {
                double r = 1 - x * y;
                yield new double[] {-2 * y * r, -2 * x * r};
            }
            case DEEP_LINEAR_3 -> {
                double z = t[2];
                double r = 1 - x * y * z;
                yield new double[] {-2 * y * z * r, -2 * x * z * r, -2 * x * y * r};
            }
        };
    }

    /** The drawable surface: itself for two parameters, the slice at w₃ = 1 for {@link #DEEP_LINEAR_3}. */
    public ToySurface surface() {
        return dimension == 2 ? slice(0, 1, new double[2]) : slice(0, 1, new double[] {0, 0, 1});
    }

    /** The 2-D slice in parameters i and j, the others held at their values in {@code at}. */
    public ToySurface slice(int i, int j, double[] at) {
        String name = dimension == 2 ? id : id + " at " + fixedDescription(i, j, at);
        String shown = dimension == 2 ? formula : formula + ", " + fixedDescription(i, j, at);
        return new Slice(this, name, shown, i, j, at, defaultView());
    }

    private static String fixedDescription(int i, int j, double[] at) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < at.length; k++) {
            if (k != i && k != j) {
                s.append(s.length() == 0 ? "" : ", ").append("w").append(k + 1).append(" = ").append(at[k]);
            }
        }
        return s.toString();
    }

    private void requireLength(double[] t) {
        if (t.length != dimension) {
            throw new IllegalArgumentException(formula + " takes " + dimension + " parameters, not " + t.length);
        }
    }

    private static double square(double v) {
        return v * v;
    }

    @Override
    public String toString() {
        return id + ": " + formula;
    }
}
