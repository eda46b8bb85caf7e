package org.latentlab.train;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pull-away term (Zhao et al. 2017, eq. 5) by hand on three codes, and its gradient against central differences. */
class PullAwayTest {

    @Test
    void threeCodesByHand() {
        // S1 = (1, 0), S2 = (0, 2), S3 = (3, 3): cos12 = 0, cos13 = cos23 = 1/√2;
        // Σ_{i≠j} cos² = 2 (0 + ½ + ½) = 2 over N (N − 1) = 6 pairs: 1/3
        assertEquals(1.0 / 3, PullAway.value(new double[] {1, 0, 0, 2, 3, 3}, 3, 2), 1e-15);
        // all one way: 1; pairwise orthogonal: 0; a zero code counts as orthogonal to the others
        assertEquals(1.0, PullAway.value(new double[] {1, 1, 2, 2, -3, -3}, 3, 2), 1e-15);
        assertEquals(0.0, PullAway.value(new double[] {1, 0, 0, 0, 0, 5}, 3, 2), 1e-15);
        double[] gradient = new double[6];
        PullAway.valueAndGradient(new double[] {1, 0, 0, 0, 0, 5}, 3, 2, 1, gradient);
        assertArrayEquals(new double[6], gradient, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> PullAway.value(new double[] {1, 2}, 1, 2));
    }

    @Test
    void gradientByHandOnThreeCodes() {
        // at S1 = (1, 0): u2 = (0, 1), u3 = (1, 1)/√2; ∂f/∂u1 = 4/6 (0·u2 + (1/√2)·u3) = (1/3, 1/3);
        // projected off u1 = (1, 0) and divided by ‖S1‖ = 1: (0, 1/3)
        double[] gradient = new double[6];
        PullAway.valueAndGradient(new double[] {1, 0, 0, 2, 3, 3}, 3, 2, 1, gradient);
        assertEquals(0, gradient[0], 1e-15);
        assertEquals(1.0 / 3, gradient[1], 1e-15);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Random r = new Random(5);
        int n = 6;
        int k = 4;
        double[] s = new double[n * k];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextGaussian();
        }
        double[] analytic = new double[s.length];
        double value = PullAway.valueAndGradient(s, n, k, 0.7, analytic);
        assertEquals(PullAway.value(s, n, k), value, 1e-15);
        double h = 1e-6;
        for (int i = 0; i < s.length; i++) {
            double keep = s[i];
            s[i] = keep + h;
            double up = PullAway.value(s, n, k);
            s[i] = keep - h;
            double down = PullAway.value(s, n, k);
            s[i] = keep;
            double numeric = 0.7 * (up - down) / (2 * h);
            assertTrue(Math.abs(analytic[i] - numeric) < 1e-8 * Math.max(1, Math.abs(numeric)),
                    i + ": " + analytic[i] + " vs " + numeric);
        }
    }
}
