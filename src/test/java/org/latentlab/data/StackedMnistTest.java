package org.latentlab.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackedMnistTest {

    private static final ImageDataset MNIST = ImageDataset.bundled("mnist", Path.of("datasets"),
            ImageScale.ZERO_TO_ONE);

    @Test
    void eachChannelIsAnMnistDigitAndTheLabelIsItsThreeDigits() {
        StackedMnist stacked = new StackedMnist(MNIST, 500, 7);
        assertArrayEquals(new int[] {3, 28, 28}, stacked.shape());
        assertEquals(3 * 784, stacked.dimension());
        for (int i = 0; i < stacked.size(); i++) {
            int[] idx = stacked.digitIndices(i);
            float[] x = stacked.example(i);
            for (int c = 0; c < 3; c++) {
                float[] channel = java.util.Arrays.copyOfRange(x, c * 784, (c + 1) * 784);
                assertArrayEquals(MNIST.image(idx[c]), channel, 0f, "example " + i + " channel " + c);
            }
            int expected = 100 * MNIST.label(idx[0]) + 10 * MNIST.label(idx[1]) + MNIST.label(idx[2]);
            assertEquals(expected, stacked.label(i));
            assertEquals(String.format("%03d", expected), stacked.labelName(stacked.label(i)));
        }
    }

    @Test
    void theDrawsAreReproducibleFromTheSeedAndDifferAcrossSeeds() {
        StackedMnist a = new StackedMnist(MNIST, 1000, 7);
        StackedMnist b = new StackedMnist(MNIST, 1000, 7);
        StackedMnist other = new StackedMnist(MNIST, 1000, 8);
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            assertArrayEquals(a.digitIndices(i), b.digitIndices(i));
            if (java.util.Arrays.equals(a.digitIndices(i), other.digitIndices(i))) {
                same++;
            }
        }
        assertTrue(same < 5, same + " examples the same under another seed");
        assertEquals(a.contentHash(), b.contentHash());
        assertFalse(a.contentHash().equals(other.contentHash()));
        assertThrows(IndexOutOfBoundsException.class, () -> a.example(1000));
    }

    @Test
    void manyDrawsReachAlmostEveryOneOfTheThousandModes() {
        // 20,000 uniform draws over 1,000 near-equally likely modes miss a given mode with probability about
        // e^-20: every mode should appear
        StackedMnist stacked = new StackedMnist(MNIST, 20_000, 3);
        Set<Integer> modes = new HashSet<>();
        for (int i = 0; i < stacked.size(); i++) {
            modes.add(stacked.label(i));
        }
        assertEquals(StackedMnist.MODES, modes.size());
    }

    @Test
    void modeIsHundredsTensUnits() {
        assertEquals(0, StackedMnist.mode(0, 0, 0));
        assertEquals(907, StackedMnist.mode(9, 0, 7));
        assertEquals(999, StackedMnist.mode(9, 9, 9));
        assertThrows(IllegalArgumentException.class, () -> StackedMnist.mode(10, 0, 0));
    }
}
