package org.latentlab.train.ae;

import org.junit.jupiter.api.Test;

import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sparsity penalties on a hand-made batch of codes: the KL form's value against the formula written out with
 * hand-computed unit means, and both gradients against central differences of the values.
 */
class SparsityPenaltyTest {

    private static final int N = 4;
    private static final int K = 3;
    private static final double RHO = 0.05;
    private static final double BETA = 3;
    private static final double LAMBDA = 0.7;

    /** Codes of 4 examples × 3 units; unit means 0.125, 0.75 and 0.04 (below, above and near ρ). */
    private static final double[] CODES = {
        0.10, 0.80, 0.03,
        0.20, 0.60, 0.07,
        0.05, 0.90, 0.01,
        0.15, 0.70, 0.05,
    };

    /** Mixed signs, none within 1e-3 of 0, for the L1 form (it is defined for any code). */
    private static final double[] SIGNED = {
        0.30, -0.20, 0.01,
        -0.75, 0.45, -0.02,
        1.50, -0.05, 0.60,
        -0.10, 0.90, -1.20,
    };

    @Test
    void meanActivationIsTheMeanOverTheBatchOfEachUnit() {
        assertArrayEquals(new double[] {0.125, 0.75, 0.04}, SparsityPenalty.meanActivation(CODES, N, K), 1e-15);
    }

    @Test
    void klValueMatchesTheFormula() {
        double[] means = {0.125, 0.75, 0.04};
        double expected = 0;
        for (double m : means) {
            expected += RHO * Math.log(RHO / m) + (1 - RHO) * Math.log((1 - RHO) / (1 - m));
        }
        expected *= BETA;

        assertEquals(expected, SparsityPenalty.kl(CODES, N, K, RHO, BETA), 1e-12 * expected);
        assertTrue(expected > 0);
        // at the target the penalty vanishes
        double[] atTarget = new double[N * K];
        java.util.Arrays.fill(atTarget, RHO);
        assertEquals(0, SparsityPenalty.kl(atTarget, N, K, RHO, BETA), 1e-15);
    }

    @Test
    void klGradientMatchesCentralDifferences() {
        double[] analytic = SparsityPenalty.klGradient(CODES, N, K, RHO, BETA);
        double[] numeric = differences(CODES, c -> SparsityPenalty.kl(c, N, K, RHO, BETA));

        double err = relativeError(analytic, numeric);
        System.out.printf("sparsity KL gradient: max relative error %.3e%n", err);
        assertTrue(err < 1e-6, "KL gradient vs central differences, max relative error " + err
                + AeChecks.describe(analytic, numeric));
    }

    @Test
    void l1ValueAndGradientMatchCentralDifferences() {
        double sumAbs = 0;
        for (double v : SIGNED) {
            sumAbs += Math.abs(v);
        }
        assertEquals(LAMBDA * sumAbs / N, SparsityPenalty.l1(SIGNED, N, LAMBDA), 1e-14);

        double[] analytic = SparsityPenalty.l1Gradient(SIGNED, N, LAMBDA);
        double[] numeric = differences(SIGNED, c -> SparsityPenalty.l1(c, N, LAMBDA));

        double err = relativeError(analytic, numeric);
        System.out.printf("sparsity L1 gradient: max relative error %.3e%n", err);
        assertTrue(err < 1e-6, "L1 gradient vs central differences, max relative error " + err
                + AeChecks.describe(analytic, numeric));
    }

    @Test
    void deadUnitGivesALargeButFinitePenaltyAndGradient() {
        double[] dead = CODES.clone();
        for (int i = 0; i < N; i++) {
            dead[i * K + 2] = 0;
        }
        double p = SparsityPenalty.kl(dead, N, K, RHO, BETA);
        assertTrue(Double.isFinite(p) && p > SparsityPenalty.kl(CODES, N, K, RHO, BETA), "penalty " + p);
        for (double g : SparsityPenalty.klGradient(dead, N, K, RHO, BETA)) {
            assertTrue(Double.isFinite(g));
        }
        // a dead unit is pushed up: a negative gradient on its activations
        assertTrue(SparsityPenalty.klGradient(dead, N, K, RHO, BETA)[2] < 0);
    }

    private static double[] differences(double[] c, ToDoubleFunction<double[]> f) {
        double[] out = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            double[] plus = c.clone();
            double[] minus = c.clone();
            plus[j] += AeChecks.H;
            minus[j] -= AeChecks.H;
            out[j] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * AeChecks.H);
        }
        return out;
    }

    private static double relativeError(double[] analytic, double[] numeric) {
        double worst = 0;
        for (int j = 0; j < analytic.length; j++) {
            double diff = Math.abs(analytic[j] - numeric[j]);
            worst = Math.max(worst, diff / Math.max(Math.abs(analytic[j]) + Math.abs(numeric[j]), 1e-12));
        }
        return worst;
    }
}
