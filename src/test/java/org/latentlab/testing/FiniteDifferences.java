package org.latentlab.testing;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.DoubleSupplier;

/** The oracle of the gradient tests: central differences in double precision, and how they are compared. */
public final class FiniteDifferences {

    /** Step of the central differences. */
    public static final double H = 1e-6;

    private FiniteDifferences() {
    }

    /** Central differences of {@code loss} over every entry of the live flat buffer {@code params} (restored). */
    public static double[] centralDifferences(INDArray params, DoubleSupplier loss) {
        double[] out = new double[(int) params.length()];
        for (int j = 0; j < out.length; j++) {
            double orig = params.getDouble(j);
            params.putScalar(j, orig + H);
            double plus = loss.getAsDouble();
            params.putScalar(j, orig - H);
            double minus = loss.getAsDouble();
            params.putScalar(j, orig);
            out[j] = (plus - minus) / (2 * H);
        }
        return out;
    }

    /**
     * Below this absolute difference an entry is not judged: the round-off of a central difference with h = 1e-6
     * is about ε·|L|/h ≈ 1e-10·|L|, measured up to ~2e-9 for a penalty of ~9 (cancellation inside a norm). Real
     * mistakes (a missing term, a wrong sign) give differences of 1e-4 and more.
     */
    public static double absFloor(double lossValue) {
        return 1e-8 * Math.max(1, Math.abs(lossValue));
    }

    /** max over j of |a − n| / max(|a| + |n|, 1e-8), skipping entries whose absolute difference is below the floor. */
    public static double maxRelativeError(double[] analytic, double[] numeric, double absFloor) {
        if (analytic.length != numeric.length) {
            throw new AssertionError("gradient has " + analytic.length + " entries, numeric " + numeric.length);
        }
        double worst = 0;
        for (int j = 0; j < analytic.length; j++) {
            double diff = Math.abs(analytic[j] - numeric[j]);
            if (diff < absFloor) {
                continue;
            }
            worst = Math.max(worst, diff / Math.max(Math.abs(analytic[j]) + Math.abs(numeric[j]), 1e-8));
        }
        return worst;
    }
}
