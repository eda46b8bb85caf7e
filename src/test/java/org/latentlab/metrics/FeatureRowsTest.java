package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeatureRowsTest {

    @Test
    void flatBatchesBecomeRows() {
        double[][] rows = FeatureRows.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new double[] {1, 2, 3}, rows[0]);
        assertArrayEquals(new double[] {4, 5, 6}, rows[1]);
    }

    @Test
    void wrongLengthsAndNonFiniteValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FeatureRows.of(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> FeatureRows.check("x", new double[][] {{1, 2}, {3}}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureRows.check("x", new double[][] {{1, Double.NaN}}, 1));
    }
}
