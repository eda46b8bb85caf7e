package org.latentlab.experiment.randomlabels;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shuffling a fraction of the labels: the histogram kept exactly, exactly round(p·n) moved, the rest untouched. */
class LabelShuffleTest {

    /** 1,000 labels of 10 unbalanced classes. */
    private static int[] labels() {
        Random r = new Random(5);
        int[] y = new int[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.min(9, (int) Math.floor(Math.abs(r.nextGaussian()) * 3));
        }
        return y;
    }

    private static int[] histogram(int[] y) {
        int[] h = new int[10];
        for (int v : y) {
            h[v]++;
        }
        return h;
    }

    @Test
    void keepsTheHistogramAndMovesTheAskedFraction() {
        int[] y = labels();
        for (double p : new double[] {0.0, 0.1, 0.25, 0.5, 0.737, 1.0}) {
            LabelShuffle.Shuffled s = LabelShuffle.shuffle(y, p, 42);
            assertArrayEquals(histogram(y), histogram(s.labels()), "histogram at p = " + p);
            assertEquals(Math.round(p * y.length), s.moved(), "moved at p = " + p);
            int changed = 0;
            for (int i = 0; i < y.length; i++) {
                changed += y[i] != s.labels()[i] ? 1 : 0;
            }
            assertEquals(changed, s.changed());
            assertTrue(changed <= s.moved(), "only moved labels change at p = " + p);
            // a moved label keeps its class with probability Σ π², about 0.28 for these classes
            assertTrue(changed >= 0.55 * s.moved(), changed + " of " + s.moved() + " changed at p = " + p);
        }
        assertArrayEquals(y, LabelShuffle.shuffle(y, 0, 1).labels());
    }

    @Test
    void isReproducibleFromItsSeedAndDiffersAcrossSeeds() {
        int[] y = labels();
        assertArrayEquals(LabelShuffle.shuffle(y, 0.5, 7).labels(), LabelShuffle.shuffle(y, 0.5, 7).labels());
        assertNotEquals(java.util.Arrays.toString(LabelShuffle.shuffle(y, 0.5, 7).labels()),
                java.util.Arrays.toString(LabelShuffle.shuffle(y, 0.5, 8).labels()));
        int[] before = y.clone();
        LabelShuffle.shuffle(y, 1, 3);
        assertArrayEquals(before, y, "the true labels are left alone");
    }

    @Test
    void refusesAFractionOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> LabelShuffle.shuffle(labels(), 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> LabelShuffle.shuffle(labels(), Double.NaN, 1));
    }
}
