package org.latentlab.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packed binary codes, Hamming retrieval and precision at k against hand-made cases and naive loops. */
class HammingRetrievalTest {

    private static BinaryCodes codes(String... bits) {
        double[] v = new double[bits.length * bits[0].length()];
        for (int i = 0; i < bits.length; i++) {
            for (int j = 0; j < bits[i].length(); j++) {
                v[i * bits[i].length() + j] = bits[i].charAt(j) == '1' ? 0.9 : 0.1;
            }
        }
        return BinaryCodes.threshold(v, bits.length, bits[0].length(), 0.5);
    }

    @Test
    void handMadeCodesRetrieveTheirKnownNeighboursTiesToTheFirstListed() {
        BinaryCodes db = codes("0000", "1111", "0001", "1000", "0011", "0001");
        BinaryCodes q = codes("0000", "1110");
        NearestNeighboursResult r = HammingRetrieval.search(q, db, 4);
        // distances from 0000: 0, 4, 1, 1, 2, 1 -> 0, then 2, 3, 5 (ties in database order)
        assertArrayEquals(new int[] {0, 2, 3, 5}, r.indicesOf(0));
        assertArrayEquals(new double[] {0, 1, 1, 1}, r.distancesOf(0));
        // from 1110: 3, 1, 4, 2, 3, 4 -> 1, 3, then 0 and 4 tied at 3
        assertArrayEquals(new int[] {1, 3, 0, 4}, r.indicesOf(1));
        assertArrayEquals(new double[] {1, 2, 3, 3}, r.distancesOf(1));
    }

    @Test
    void packedDistanceEqualsANaiveCountOfDifferingBits() {
        Random rng = new Random(5);
        for (int bits : new int[] {1, 7, 63, 64, 65, 130}) {
            int n = 20;
            double[] v = new double[n * bits];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextDouble();
            }
            BinaryCodes c = BinaryCodes.threshold(v, n, bits, 0.5);
            assertEquals(n * BinaryCodes.wordsFor(bits), c.words().length);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int naive = 0;
                    for (int b = 0; b < bits; b++) {
                        naive += (v[i * bits + b] > 0.5) != (v[j * bits + b] > 0.5) ? 1 : 0;
                    }
                    assertEquals(naive, c.distance(i, c, j), bits + " bits, codes " + i + " and " + j);
                }
                for (int b = 0; b < bits; b++) {
                    assertEquals(v[i * bits + b] > 0.5, c.bit(i, b));
                }
            }
        }
    }

    @Test
    void retrievalEqualsAStableSortOfAllDistances() {
        Random rng = new Random(9);
        int bits = 12;
        double[] dv = new double[300 * bits];
        double[] qv = new double[15 * bits];
        for (int i = 0; i < dv.length; i++) {
            dv[i] = rng.nextDouble();
        }
        for (int i = 0; i < qv.length; i++) {
            qv[i] = rng.nextDouble();
        }
        BinaryCodes db = BinaryCodes.threshold(dv, 300, bits, 0.5);
        BinaryCodes q = BinaryCodes.threshold(qv, 15, bits, 0.5);
        for (int k : new int[] {1, 10, 299, 300}) {
            NearestNeighboursResult r = HammingRetrieval.search(q, db, k);
            for (int i = 0; i < 15; i++) {
                final int qi = i;
                int[] expected = IntStream.range(0, 300).boxed()
                        .sorted(Comparator.comparingInt((Integer j) -> q.distance(qi, db, j)))
                        .limit(k).mapToInt(Integer::intValue).toArray();
                assertArrayEquals(expected, r.indicesOf(i), "query " + i + ", k " + k);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> HammingRetrieval.search(q, db, 301));
    }

    @Test
    void precisionAtKCountsTheRetrievedImagesOfTheQuerysClass() {
        int[] dbLabels = {0, 1, 1, 2, 0, 1};
        int[][] retrieved = {{0, 4, 1}, {1, 2, 5}, {3, 0, 1}};
        int[] queryLabels = {0, 1, 0};
        assertArrayEquals(new double[] {2.0 / 3, 1, 1.0 / 3}, PrecisionAtK.perQuery(retrieved, queryLabels,
                dbLabels, 3), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0}, PrecisionAtK.perQuery(retrieved, queryLabels, dbLabels, 1));
        assertEquals((2.0 / 3 + 1 + 1.0 / 3) / 3, PrecisionAtK.mean(retrieved, queryLabels, dbLabels, 3), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> PrecisionAtK.perQuery(retrieved, queryLabels, dbLabels,
                4));
        assertTrue(Arrays.stream(PrecisionAtK.perQuery(retrieved, queryLabels, dbLabels, 2)).allMatch(p -> p >= 0));
    }
}
