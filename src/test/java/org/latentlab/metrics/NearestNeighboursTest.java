package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    @Test
    void matchesAFullSortOfAllDistances() {
        Random random = new Random(4);
        double[][] reference = new double[60][5];
        double[][] queries = new double[25][5];
        for (double[][] set : new double[][][] {reference, queries}) {
            for (double[] row : set) {
                for (int k = 0; k < 5; k++) {
                    // a coarse grid makes ties, which go to the lower index
                    row[k] = random.nextInt(3);
                }
            }
        }
        int k = 7;
        NearestNeighboursResult r = NearestNeighbours.search(queries, reference, k);
        assertEquals(25, r.queryCount());
        assertEquals(k, r.k());
        for (int q = 0; q < queries.length; q++) {
            double[] query = queries[q];
            Integer[] order = new Integer[reference.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> euclid(query, reference[i]))
                    .thenComparingInt(i -> i));
            for (int j = 0; j < k; j++) {
                assertEquals(order[j], r.indicesOf(q)[j], "query " + q + ", neighbour " + j);
                assertEquals(euclid(query, reference[order[j]]), r.distancesOf(q)[j], 1e-12);
            }
        }
    }

    @Test
    void handMadeOneDimensionalCase() {
        double[][] reference = {{0}, {10}, {3}, {4}};
        NearestNeighboursResult r = NearestNeighbours.search(new double[][] {{3.4}, {9}}, reference, 2);
        assertArrayEquals(new int[] {2, 3}, r.indicesOf(0));
        assertArrayEquals(new double[] {0.4, 0.6}, r.distancesOf(0), 1e-12);
        assertArrayEquals(new int[] {1, 3}, r.indicesOf(1));
        assertArrayEquals(new double[] {1, 5}, r.distancesOf(1), 1e-12);
    }

    @Test
    void kAboveTheReferenceCountIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbours.search(new double[][] {{1}}, new double[][] {{1}, {2}}, 3));
    }

    private static double euclid(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
