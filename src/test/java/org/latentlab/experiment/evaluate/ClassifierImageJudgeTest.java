package org.latentlab.experiment.evaluate;

import org.junit.jupiter.api.Test;
import org.latentlab.data.ImageScale;
import org.latentlab.data.StackedMnist;
import org.latentlab.train.Backend;
import org.latentlab.train.Host;
import org.latentlab.train.classifier.Classifier;
import org.latentlab.train.classifier.StackedMnistModes;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The adapter from the lab's classifiers to the scores' judge, against a stand-in classifier of 2x2 images whose
 * features are the pixels it receives (so what it is fed can be read back) and whose 10 class probabilities are a
 * softmax of k times its mean pixel. Oracle for the pixel ranges: {@link ImageScale#apply} of the same byte in both
 * ranges.
 */
class ClassifierImageJudgeTest {

    /** Features: the pixels as received; p(k|x) ∝ exp(k · mean x). */
    private record Identity(ImageScale scale) implements Classifier {
        @Override
        public int classCount() {
            return 10;
        }

        @Override
        public int[] inputShape() {
            return new int[] {1, 2, 2};
        }

        @Override
        public int featureSize() {
            return 4;
        }

        @Override
        public INDArray features(INDArray images) {
            return images.dup();
        }

        @Override
        public INDArray probabilities(INDArray images) {
            float[] x = Host.floats(images);
            int n = (int) images.rows();
            float[] p = new float[n * 10];
            for (int i = 0; i < n; i++) {
                double mean = (x[4 * i] + x[4 * i + 1] + x[4 * i + 2] + x[4 * i + 3]) / 4;
                double sum = 0;
                for (int k = 0; k < 10; k++) {
                    sum += Math.exp(k * mean);
                }
                for (int k = 0; k < 10; k++) {
                    p[10 * i + k] = (float) (Math.exp(k * mean) / sum);
                }
            }
            return Nd4j.create(p, new long[] {n, 10}, 'c');
        }
    }

    /** The 256 byte values as 64 images of 4 pixels, in a range. */
    private static float[] everyByte(ImageScale scale) {
        float[] x = new float[256];
        for (int b = 0; b < 256; b++) {
            x[b] = scale.apply(b);
        }
        return x;
    }

    @Test
    void ganImagesInMinusOneToOneReachAZeroToOneClassifierAsTheSameBytes() {
        Backend.init();
        ClassifierImageJudge judge = ClassifierImageJudge.of(new Identity(ImageScale.ZERO_TO_ONE),
                ImageScale.MINUS_ONE_TO_ONE);
        double[][] seen = judge.features(everyByte(ImageScale.MINUS_ONE_TO_ONE), 64);
        for (int b = 0; b < 256; b++) {
            assertEquals(ImageScale.ZERO_TO_ONE.apply(b), seen[b / 4][b % 4], 1e-6, "byte " + b);
        }
    }

    @Test
    void zeroToOneImagesReachAMinusOneToOneClassifierAsTheSameBytes() {
        Backend.init();
        ClassifierImageJudge judge = ClassifierImageJudge.of(new Identity(ImageScale.MINUS_ONE_TO_ONE),
                ImageScale.ZERO_TO_ONE);
        double[][] seen = judge.features(everyByte(ImageScale.ZERO_TO_ONE), 64);
        for (int b = 0; b < 256; b++) {
            assertEquals(ImageScale.MINUS_ONE_TO_ONE.apply(b), seen[b / 4][b % 4], 1e-6, "byte " + b);
        }
    }

    @Test
    void imagesInTheClassifiersOwnRangePassUnchanged() {
        Backend.init();
        float[] x = everyByte(ImageScale.ZERO_TO_ONE);
        ClassifierImageJudge judge = ClassifierImageJudge.of(new Identity(ImageScale.ZERO_TO_ONE),
                ImageScale.ZERO_TO_ONE);
        double[][] seen = judge.features(x, 64);
        for (int b = 0; b < 256; b++) {
            assertEquals(x[b], seen[b / 4][b % 4], 0);
        }
    }

    @Test
    void probabilitiesAreTheClassifiersOnTheConvertedImages() {
        Backend.init();
        Identity c = new Identity(ImageScale.ZERO_TO_ONE);
        double[][] p = ClassifierImageJudge.of(c, ImageScale.MINUS_ONE_TO_ONE)
                .probabilities(everyByte(ImageScale.MINUS_ONE_TO_ONE), 64);
        float[] direct = Host.floats(c.probabilities(Nd4j.create(everyByte(ImageScale.ZERO_TO_ONE),
                new long[] {64, 4}, 'c')));
        for (int i = 0; i < 64; i++) {
            for (int k = 0; k < 10; k++) {
                assertEquals(direct[10 * i + k], p[i][k], 1e-6);
            }
        }
    }

    @Test
    void batchesLargerThanTheClassifiersAreCutAndJoinedInOrder() {
        Backend.init();
        int n = Classifier.BATCH + 37;
        float[] x = new float[4 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 997) / 997f;
        }
        double[][] seen = ClassifierImageJudge.of(new Identity(ImageScale.ZERO_TO_ONE), ImageScale.ZERO_TO_ONE)
                .features(x, n);
        assertEquals(n, seen.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], seen[i / 4][i % 4], 0, "value " + i);
        }
    }

    /**
     * Stacked images: p(mode 100a + 10b + c) is the product of the three channels' probabilities (computed here
     * channel by channel), rows sum to 1, the modes are {@link StackedMnistModes}' and the most probable mode, and
     * the features are the channels' side by side.
     */
    @Test
    void stackedImagesAreJudgedChannelByChannel() {
        Backend.init();
        Identity c = new Identity(ImageScale.ZERO_TO_ONE);
        int n = 5;
        float[] x = new float[n * 12];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        ClassifierImageJudge judge = ClassifierImageJudge.stacked(c, ImageScale.ZERO_TO_ONE);
        assertEquals(StackedMnist.MODES, judge.classCount());
        assertEquals(StackedMnist.MODES, judge.modeCount());
        double[][] p = judge.probabilities(x, n);
        double[][] f = judge.features(x, n);
        int[] modes = judge.modes(x, n, p);
        float[] perChannel = Host.floats(c.probabilities(Nd4j.create(x, new long[] {3L * n, 4}, 'c')));
        assertArrayEquals(StackedMnistModes.of(c, Nd4j.create(x, new long[] {n, 12}, 'c')), modes);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int best = 0;
            for (int m = 0; m < StackedMnist.MODES; m++) {
                double expected = perChannel[10 * (3 * i) + m / 100] * perChannel[10 * (3 * i + 1) + (m / 10) % 10]
                        * perChannel[10 * (3 * i + 2) + m % 10];
                assertEquals(expected, p[i][m], 1e-7);
                sum += p[i][m];
                best = p[i][m] > p[i][best] ? m : best;
            }
            assertEquals(1, sum, 1e-5);
            assertEquals(best, modes[i]);
            for (int j = 0; j < 12; j++) {
                assertEquals(x[12 * i + j], f[i][j], 0);
            }
        }
    }

    @Test
    void convertRoundTripsAndRefusesNothingSilently() {
        float[] x = everyByte(ImageScale.MINUS_ONE_TO_ONE);
        float[] back = ClassifierImageJudge.convert(ClassifierImageJudge.convert(x, ImageScale.MINUS_ONE_TO_ONE,
                ImageScale.ZERO_TO_ONE), ImageScale.ZERO_TO_ONE, ImageScale.MINUS_ONE_TO_ONE);
        assertArrayEquals(x, back, 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> ClassifierImageJudge.of(new Identity(ImageScale.ZERO_TO_ONE),
                ImageScale.ZERO_TO_ONE).features(new float[7], 2));
    }
}
