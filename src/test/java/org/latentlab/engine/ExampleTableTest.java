package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageScale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.Random;

/**
 * Batches gathered from the native example table hold exactly what the set's own draw copies, in float and double,
 * for a whole set and for a shuffled training part of it, and leave the random generator in the same state.
 */
class ExampleTableTest {

    private static void sameDraws(ExampleSet set, DataType type) {
        try (ExampleTable table = ExampleTable.of(set, type).orElseThrow()) {
            for (int n : new int[] {5, 64, 5}) {
                Random a = new Random(17 + n);
                Random b = new Random(17 + n);
                INDArray gathered = table.sample(n, a).dup();
                float[] copied = new float[n * set.dimension()];
                set.sample(n, b, copied);
                assertArrayEquals(new long[] {n, set.dimension()}, gathered.shape());
                assertEquals(type, gathered.dataType());
                double[] expected = new double[copied.length];
                for (int i = 0; i < copied.length; i++) {
                    expected[i] = copied[i];
                }
                assertArrayEquals(expected, gathered.reshape(copied.length).toDoubleVector(), 0.0,
                        set.name() + " " + type + " n=" + n);
                assertEquals(b.nextLong(), a.nextLong(), "the generator ends where the set's draw leaves it");
            }
        }
    }

    @Test
    void gatheredBatchesEqualTheSetsOwnDraws() {
        ImageDataset mnist = ImageDataset.bundled("mnist", Path.of("datasets"), ImageScale.MINUS_ONE_TO_ONE);
        ExampleSet training = mnist.permuted(3).range(0, 9_000);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            sameDraws(mnist, type);
            sameDraws(training, type);
        }
    }

    @Test
    void aSetTooLargeForATableIsLeftToItsOwnCopy() {
        ExampleSet huge = new ExampleSet() {
            @Override
            public int size() {
                return 100_000; // 100,000 x 784 floats: 314 MB
            }

            @Override
            public float[] example(int i) {
                throw new AssertionError("a set too large for a table is not read");
            }

            @Override
            public boolean hasLabels() {
                return false;
            }

            @Override
            public int label(int i) {
                return -1;
            }

            @Override
            public String name() {
                return "huge";
            }

            @Override
            public int[] shape() {
                return new int[] {1, 28, 28};
            }

            @Override
            public void sample(int n, Random rng, float[] out) {
                ExampleSet.sampleUniform(this, n, rng, out);
            }

            @Override
            public String contentHash() {
                return "huge";
            }
        };
        assertTrue(ExampleTable.of(huge, DataType.FLOAT).isEmpty());
    }
}
