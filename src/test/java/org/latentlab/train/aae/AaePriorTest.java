package org.latentlab.train.aae;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The priors' samplers against their closed forms: the Gaussian's moments, the mixture's overall second moment and
 * each label's component (its mean on the circle, its radial and tangential variances), and each label's segment of
 * the swiss roll (the mean and the mean squared norm of ρ(t)(cos φ, sin φ) + noise for t uniform on the segment).
 */
class AaePriorTest {

    private static final int N = 40_000;

    private static double[] draw(AaePrior p, int dim, int label, long seed) {
        int[] labels = null;
        if (label >= 0) {
            labels = new int[N];
            java.util.Arrays.fill(labels, label);
        }
        double[] z = new double[N * dim];
        p.sample(N, dim, labels, new Random(seed), z);
        return z;
    }

    @Test
    void gaussianHasZeroMeanAndUnitVariance() {
        double[] z = draw(AaePrior.GAUSSIAN, 3, -1, 1);
        for (int j = 0; j < 3; j++) {
            double m = 0;
            double v = 0;
            for (int i = 0; i < N; i++) {
                m += z[i * 3 + j] / N;
                v += z[i * 3 + j] * z[i * 3 + j] / N;
            }
            assertEquals(0, m, 4 / Math.sqrt(N));
            assertEquals(1, v, 4 * Math.sqrt(2.0 / N));
        }
    }

    @Test
    void mixtureComponentsSitOnTheCircleWithTheirVariances() {
        double[] all = draw(AaePrior.MIXTURE, 2, -1, 2);
        double sq = 0;
        for (int i = 0; i < N; i++) {
            sq += (all[2 * i] * all[2 * i] + all[2 * i + 1] * all[2 * i + 1]) / N;
        }
        double expected = AaePrior.RADIUS * AaePrior.RADIUS + AaePrior.RADIAL_SD * AaePrior.RADIAL_SD
                + AaePrior.TANGENTIAL_SD * AaePrior.TANGENTIAL_SD;
        assertEquals(expected, sq, 0.02 * expected);
        for (int k = 0; k < AaePrior.COMPONENTS; k++) {
            double[] z = draw(AaePrior.MIXTURE, 2, k, 10 + k);
            double a = AaePrior.angle(k);
            double radial = 0;
            double tangential = 0;
            double r2 = 0;
            double t2 = 0;
            for (int i = 0; i < N; i++) {
                double r = z[2 * i] * Math.cos(a) + z[2 * i + 1] * Math.sin(a);
                double t = -z[2 * i] * Math.sin(a) + z[2 * i + 1] * Math.cos(a);
                radial += r / N;
                tangential += t / N;
                r2 += r * r / N;
                t2 += t * t / N;
            }
            assertEquals(AaePrior.RADIUS, radial, 4 * AaePrior.RADIAL_SD / Math.sqrt(N), "component " + k);
            assertEquals(0, tangential, 4 * AaePrior.TANGENTIAL_SD / Math.sqrt(N), "component " + k);
            double rv = r2 - radial * radial;
            double tv = t2 - tangential * tangential;
            assertEquals(AaePrior.RADIAL_SD * AaePrior.RADIAL_SD, rv, 0.05 * rv, "component " + k);
            assertEquals(AaePrior.TANGENTIAL_SD * AaePrior.TANGENTIAL_SD, tv, 0.05 * tv, "component " + k);
        }
    }

    @Test
    void eachLabelDrawsFromItsSegmentOfTheSwissRoll() {
        double r0 = AaePrior.ROLL_R0;
        double r1 = AaePrior.ROLL_R1;
        double p0 = AaePrior.ROLL_PHI0;
        double p1 = AaePrior.ROLL_PHI1;
        double s = AaePrior.ROLL_NOISE;
        for (int k = 0; k < AaePrior.COMPONENTS; k++) {
            double a = k / 10.0;
            double b = (k + 1) / 10.0;
            double[] z = draw(AaePrior.SWISS_ROLL, 2, k, 30 + k);
            double mx = 0;
            double my = 0;
            double sq = 0;
            for (int i = 0; i < N; i++) {
                mx += z[2 * i] / N;
                my += z[2 * i + 1] / N;
                sq += (z[2 * i] * z[2 * i] + z[2 * i + 1] * z[2 * i + 1]) / N;
            }
            // ∫ (r0 + r1 t) cos(p0 + p1 t) dt and ∫ (r0 + r1 t) sin(p0 + p1 t) dt, by parts
            double ex = (primitiveCos(b, r0, r1, p0, p1) - primitiveCos(a, r0, r1, p0, p1)) / (b - a);
            double ey = (primitiveSin(b, r0, r1, p0, p1) - primitiveSin(a, r0, r1, p0, p1)) / (b - a);
            double er2 = (Math.pow(r0 + r1 * b, 3) - Math.pow(r0 + r1 * a, 3)) / (3 * r1 * (b - a)) + 2 * s * s;
            double tol = 4 * (r0 + r1 * b) / Math.sqrt(N);
            assertEquals(ex, mx, tol, "segment " + k + " x");
            assertEquals(ey, my, tol, "segment " + k + " y");
            assertEquals(er2, sq, 0.01 * er2, "segment " + k + " squared norm");
        }
    }

    private static double primitiveCos(double t, double r0, double r1, double p0, double p1) {
        double phi = p0 + p1 * t;
        return (r0 + r1 * t) * Math.sin(phi) / p1 + r1 * Math.cos(phi) / (p1 * p1);
    }

    private static double primitiveSin(double t, double r0, double r1, double p0, double p1) {
        double phi = p0 + p1 * t;
        return -(r0 + r1 * t) * Math.cos(phi) / p1 + r1 * Math.sin(phi) / (p1 * p1);
    }

    @Test
    void priorsAreNamedAndCheckedWithOneLineMessages() {
        assertEquals(AaePrior.SWISS_ROLL, AaePrior.parse("swiss-roll"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AaePrior.parse("uniform"));
        assertTrue(e.getMessage().contains("unknown prior 'uniform'") && e.getMessage().contains("swiss-roll"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AaeSettings(java.util.List.of(8),
                java.util.List.of(8), 3, AaePrior.MIXTURE, false, 10, null, null));
        assertTrue(e.getMessage().startsWith("aae.prior: the mixture prior is 2-D"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AaeSettings(java.util.List.of(8),
                java.util.List.of(8), 2, AaePrior.GAUSSIAN, true, 10, null, null));
        assertTrue(e.getMessage().startsWith("aae.supervised:"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        int[] bad = {10};
        assertThrows(IllegalArgumentException.class, () -> AaePrior.MIXTURE.sample(1, 2, bad, new Random(1),
                new double[2]));
    }
}
