package org.latentlab.analysis.tangent;

/**
 * A Jacobian matrix ∂c/∂x: {@code rows[i]} is the gradient of output i with respect to the d inputs.
 *
 * @param rows k rows of d values each
 */
public record Jacobian(double[][] rows) {

    public Jacobian {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a Jacobian needs at least one row");
        }
        for (double[] r : rows) {
            if (r.length != rows[0].length) {
                throw new IllegalArgumentException("all rows of a Jacobian have the same length");
            }
        }
    }

    /** The number of outputs k. */
    public int outputs() {
        return rows.length;
    }

    /** The number of inputs d. */
    public int inputs() {
        return rows[0].length;
    }

    public double get(int output, int input) {
        return rows[output][input];
    }

    /** ‖J‖_F, the square root of the sum of squares: the sensitivity of all outputs to the input. */
    public double frobeniusNorm() {
        double s = 0;
        for (double[] r : rows) {
            for (double v : r) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return "Jacobian " + outputs() + " x " + inputs() + ", |J|_F = " + frobeniusNorm();
    }
}
