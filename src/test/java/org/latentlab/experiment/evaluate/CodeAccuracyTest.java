package org.latentlab.experiment.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The matching of an InfoGAN's code values to classes and the table's numbers, against counts worked by hand. */
class CodeAccuracyTest {

    @Test
    void matchesCodeValuesToClassesOneToOneAndMeasuresTheTable() {
        // code 0 is mostly class 2, code 1 mostly class 2 too (but less), code 2 mostly class 0
        int[][] counts = {{1, 0, 9}, {2, 5, 3}, {8, 1, 1}};
        int[] assignment = CodeAccuracy.bestAssignment(counts);
        // one-to-one: 0 -> 2 (9), 1 -> 1 (5), 2 -> 0 (8) = 22 of 30, the best of the 6 permutations
        assertArrayEquals(new int[] {2, 1, 0}, assignment);
        CodeAccuracy r = new CodeAccuracy("m", "c", 10, counts, assignment, List.of("a", "b", "c"), 0);
        assertEquals(22 / 30.0, r.accuracy(), 1e-12);
        assertEquals((9 + 5 + 8) / 30.0, r.majorityAccuracy(), 1e-12);
        int[][] perfect = {{0, 10}, {10, 0}};
        CodeAccuracy p = new CodeAccuracy("m", "c", 10, perfect, CodeAccuracy.bestAssignment(perfect),
                List.of("a", "b"), 0);
        assertEquals(1.0, p.accuracy(), 0);
        assertEquals(Math.log(2), p.mutualInformation(), 1e-12, "a code that names the class carries ln K");
        int[][] blind = {{5, 5}, {5, 5}};
        assertEquals(0, new CodeAccuracy("m", "c", 10, blind, new int[] {0, 1}, List.of("a", "b"), 0)
                .mutualInformation(), 1e-12, "a code blind to the class carries nothing");
    }
}
