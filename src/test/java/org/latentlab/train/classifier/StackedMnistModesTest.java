package org.latentlab.train.classifier;

import org.junit.jupiter.api.Test;
import org.latentlab.data.ImageScale;
import org.latentlab.metrics.ClassHistogram;
import org.latentlab.metrics.ClassHistogramResult;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mode counting on hand-built stacks: each channel is a flat image of grey level d/10, and a stand-in classifier
 * reads the digit d back from the mean grey level, so the mode of every stack is known by construction.
 */
class StackedMnistModesTest {

    /** Classifies a 28 x 28 channel as round(10 × its mean grey level). */
    static final class GreyLevelDigits implements Classifier {
        @Override
        public int classCount() {
            return 10;
        }

        @Override
        public int[] inputShape() {
            return new int[] {1, 28, 28};
        }

        @Override
        public ImageScale scale() {
            return ImageScale.ZERO_TO_ONE;
        }

        @Override
        public int featureSize() {
            return 1;
        }

        @Override
        public INDArray probabilities(INDArray images) {
            int n = (int) images.size(0);
            double[] means = images.mean(1).toDoubleVector();
            INDArray p = Nd4j.zeros(n, 10);
            for (int i = 0; i < n; i++) {
                p.putScalar(i, (int) Math.round(10 * means[i]), 1.0);
            }
            return p;
        }

        @Override
        public INDArray features(INDArray images) {
            return images.mean(1).reshape(images.size(0), 1);
        }
    }

    private static float[] stack(int d0, int d1, int d2) {
        float[] x = new float[3 * 784];
        int[] d = {d0, d1, d2};
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(x, c * 784, (c + 1) * 784, d[c] / 10f);
        }
        return x;
    }

    @Test
    void theModeOfAStackIsItsChannelsDigitsInOrder() {
        int[][] triples = {{0, 0, 0}, {9, 0, 7}, {1, 2, 3}, {3, 2, 1}, {9, 9, 9}, {0, 5, 0}};
        float[] flat = new float[triples.length * 3 * 784];
        for (int k = 0; k < triples.length; k++) {
            System.arraycopy(stack(triples[k][0], triples[k][1], triples[k][2]), 0, flat, k * 3 * 784, 3 * 784);
        }
        int[] modes = StackedMnistModes.of(new GreyLevelDigits(),
                Nd4j.create(flat, new long[] {triples.length, 3 * 784}, 'c'));
        assertArrayEquals(new int[] {0, 907, 123, 321, 999, 50}, modes);
    }

    @Test
    void aGeneratorStuckOnTwoStacksCoversTwoOfTheThousandModes() {
        int n = 40;
        float[] flat = new float[n * 3 * 784];
        for (int k = 0; k < n; k++) {
            float[] s = k % 4 == 0 ? stack(4, 4, 2) : stack(7, 1, 8);
            System.arraycopy(s, 0, flat, k * 3 * 784, 3 * 784);
        }
        int[] modes = StackedMnistModes.of(new GreyLevelDigits(), Nd4j.create(flat, new long[] {n, 3 * 784}, 'c'));
        ClassHistogramResult h = ClassHistogram.ofLabels(modes, 1000);
        assertEquals(2, h.modesCovered());
        assertEquals(10, h.counts()[442]);
        assertEquals(30, h.counts()[718]);
        // KL(q || uniform over 1000) = Σ q log(1000 q) with q = (1/4, 3/4)
        double expected = 0.25 * Math.log(250) + 0.75 * Math.log(750);
        assertEquals(expected, h.reverseKl(), 1e-12);
    }
}
