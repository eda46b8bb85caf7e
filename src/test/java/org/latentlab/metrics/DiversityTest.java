package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiversityTest {

    @Test
    void identicalPointsHaveZeroDiversity() {
        float[] batch = {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3};
        assertEquals(0.0, Diversity.meanPairwiseDistance(batch, 4, 3));
    }

    @Test
    void twoPointsGiveTheirDistance() {
        assertEquals(5.0, Diversity.meanPairwiseDistance(new float[] {0, 0, 3, 4}, 2, 2), 1e-12);
    }

    @Test
    void meanOverAllPairs() {
        // 0, 1, 3 on a line: distances 1, 3, 2
        assertEquals(2.0, Diversity.meanPairwiseDistance(new float[] {0, 1, 3}, 3, 1), 1e-12);
    }

    @Test
    void needsTwoPoints() {
        assertThrows(IllegalArgumentException.class, () -> Diversity.meanPairwiseDistance(new float[] {1}, 1, 1));
    }
}
