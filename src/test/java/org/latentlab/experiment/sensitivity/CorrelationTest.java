package org.latentlab.experiment.sensitivity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gap and the correlations on numbers worked out by hand. */
class CorrelationTest {

    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] Y = {2, 4, 5, 4, 5};

    @Test
    void pearsonOnHandWorkedNumbers() {
        // x̄ = 3, ȳ = 4: Σdxdy = 6, Σdx² = 10, Σdy² = 6, r = 6 / √60
        assertEquals(6 / Math.sqrt(60), Correlation.pearson(X, Y), 1e-15);
        assertEquals(-1, Correlation.pearson(X, new double[] {10, 8, 6, 4, 2}), 1e-15);
        assertTrue(Double.isNaN(Correlation.pearson(X, new double[] {3, 3, 3, 3, 3})));
    }

    @Test
    void spearmanGivesTiesTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2.5, 4.5, 2.5, 4.5}, Correlation.ranks(Y));
        // ranks of y: dy = −2, −0.5, 1.5, −0.5, 1.5: Σdxdy = 7, Σdx² = 10, Σdy² = 9
        assertEquals(7 / Math.sqrt(90), Correlation.spearman(X, Y), 1e-15);
        double[] cubes = {1, 8, 27, 64, 125};
        assertEquals(1, Correlation.spearman(X, cubes), 1e-15);
        assertTrue(Correlation.pearson(X, cubes) < 0.99, "a monotone curve is not a line");
    }

    @Test
    void gapIsTrainingMinusHeldOut() {
        assertEquals(0.25, Correlation.gap(1.0, 0.75), 1e-15);
        assertEquals(-0.05, Correlation.gap(0.9, 0.95), 1e-15);
    }

    @Test
    void theResultCorrelatesTheGapWithTheLogOfTheNorm() {
        SensitivityOptions o = new SensitivityOptions(new int[] {100}, new double[] {0, 0.5, 1}, 10, 10, 5);
        // gaps 0.1, 0.4, 0.9 against norms e^1, e^2, e^4: log-norms 1, 2, 4
        SensitivityResult r = new SensitivityResult(o, "net", List.of(
                new SensitivityResult.Point(100, 0, 1.0, 0.9, Math.exp(1), 0),
                new SensitivityResult.Point(100, 0.5, 0.9, 0.5, Math.exp(2), 0),
                new SensitivityResult.Point(100, 1, 1.0, 0.1, Math.exp(4), 0)), 1, true);
        double expected = Correlation.pearson(new double[] {1, 2, 4}, new double[] {0.1, 0.4, 0.9});
        // x̄ = 7/3, ȳ = 7/15: Σdxdy = 37/30, Σdx² = 14/3, Σdy² = 49/150
        assertEquals(37.0 / 30 / Math.sqrt(14.0 / 3 * 49 / 150), expected, 1e-14);
        assertEquals(expected, r.pearsonLog(), 1e-12);
        assertEquals(1, r.spearman(), 1e-15);
    }

    @Test
    void refusesSeriesOfOtherLengthsOrTooShort() {
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(X, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Correlation.spearman(new double[] {1},
                new double[] {2}));
    }
}
