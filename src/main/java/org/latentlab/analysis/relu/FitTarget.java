package org.latentlab.analysis.relu;

import org.latentlab.analysis.toy.ExpressionParser;
import org.latentlab.core.LabException;

import java.util.Locale;

/**
 * The function a regression fits: a formula in x (one input) or x and y (two inputs), parsed by the toy surfaces'
 * {@link ExpressionParser}, or {@code sawtooth K}: Telgarsky's K-fold tent map on [0, 1] (2^K pieces).
 *
 * @param formula what the person typed
 * @param inputs  1 or 2
 */
public record FitTarget(String formula, int inputs) {

    public FitTarget {
        if (inputs != 1 && inputs != 2) {
            throw new IllegalArgumentException("a target has one or two inputs, not " + inputs);
        }
        if (formula == null || formula.isBlank()) {
            throw new LabException("type a formula in x" + (inputs == 2 ? " and y" : "") + ", e.g. x^2");
        }
        formula = formula.trim();
        parse(formula, inputs);
    }

    /** The target's value at (x, y) (y ignored for one input). */
    public double at(double x, double y) {
        return parse(formula, inputs).value(x, y);
    }

    /** Values at the rows of {@code xs} (one or two columns). */
    public double[] values(double[][] xs) {
        Fn f = parse(formula, inputs);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = f.value(xs[i][0], inputs == 2 ? xs[i][1] : 0);
            if (!Double.isFinite(out[i])) {
                throw new LabException("the target " + formula + " is not finite at x = " + xs[i][0]
                        + (inputs == 2 ? ", y = " + xs[i][1] : "") + ": choose another formula or range");
            }
        }
        return out;
    }

    private interface Fn {
        double value(double x, double y);
    }

    private static Fn parse(String formula, int inputs) {
        String f = formula.toLowerCase(Locale.ROOT).replace(" ", "");
        if (f.startsWith("sawtooth")) {
            String k = f.substring("sawtooth".length());
            int times;
            try {
                times = k.isEmpty() ? 3 : Integer.parseInt(k);
            } catch (NumberFormatException e) {
                throw new LabException("'" + formula + "': write sawtooth K with K from 1 to 20, e.g. sawtooth 3");
            }
            if (times < 1 || times > 20 || inputs != 1) {
                throw new LabException("'" + formula + "': sawtooth K takes one input and K from 1 to 20");
            }
            return (x, y) -> tent(x, times);
        }
        if (inputs == 1 && f.contains("y")) {
            throw new LabException("'" + formula + "' uses y, but a curve has one input x");
        }
        ExpressionParser.Expression e = ExpressionParser.parse(formula);
        return (x, y) -> e.at(x, y).v();
    }

    /** The tent map t(x) = 2x on [0, 1/2], 2 − 2x on [1/2, 1] (0 outside), composed {@code times} times. */
    public static double tent(double x, int times) {
        double v = x;
        for (int i = 0; i < times; i++) {
            v = 2 * Math.max(0, v) - 4 * Math.max(0, v - 0.5);
        }
        return v;
    }

    @Override
    public String toString() {
        return formula;
    }
}
