package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    @Test
    void handMadeLabels() {
        // counts (3, 1, 2, 0) of 6: q = (1/2, 1/6, 1/3, 0), KL(q || 1/4) = 1/2 ln 2 + 1/6 ln(2/3) + 1/3 ln(4/3)
        ClassHistogramResult r = ClassHistogram.ofLabels(new int[] {0, 2, 0, 1, 2, 0}, 4);
        assertArrayEquals(new int[] {3, 1, 2, 0}, r.counts());
        assertEquals(6, r.sampleCount());
        assertEquals(0.5 * Math.log(2) + Math.log(2.0 / 3) / 6 + Math.log(4.0 / 3) / 3, r.reverseKl(), 1e-15);
        assertEquals(3, r.modesCovered());
        assertEquals(ClassHistogram.DEFAULT_MIN_COUNT, r.minCount());
        assertEquals(2, ClassHistogram.ofLabels(new int[] {0, 2, 0, 1, 2, 0}, 4, 2).modesCovered());
        assertEquals(1, ClassHistogram.ofLabels(new int[] {0, 2, 0, 1, 2, 0}, 4, 3).modesCovered());
    }

    @Test
    void balancedIsZeroAndCollapsedIsLogK() {
        int[] balanced = new int[1000];
        int[] collapsed = new int[1000];
        for (int i = 0; i < 1000; i++) {
            balanced[i] = i % 10;
            collapsed[i] = 7;
        }
        assertEquals(0, ClassHistogram.ofLabels(balanced, 10).reverseKl(), 1e-15);
        assertEquals(10, ClassHistogram.ofLabels(balanced, 10).modesCovered());
        assertEquals(Math.log(10), ClassHistogram.ofLabels(collapsed, 10).reverseKl(), 1e-15);
        assertEquals(1, ClassHistogram.ofLabels(collapsed, 10).modesCovered());
    }

    @Test
    void probabilitiesCountTheirArgmaxWithTiesToTheLowerClass() {
        ClassHistogramResult r = ClassHistogram.ofProbabilities(new double[][] {
            {0.1, 0.7, 0.2}, {0.5, 0.5, 0}, {0, 0.1, 0.9}, {0.3, 0.3, 0.4}});
        assertArrayEquals(new int[] {1, 1, 2}, r.counts());
        assertEquals(3, r.classCount());
    }

    @Test
    void labelsOutsideTheClassesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassHistogram.ofLabels(new int[] {0, 10}, 10));
    }
}
