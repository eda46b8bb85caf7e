package org.latentlab.experiment.evaluate;

import org.junit.jupiter.api.Test;
import org.latentlab.core.Monitor;
import org.latentlab.metrics.ImageJudge;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The shared draw-and-classify loop of the class and code accuracies, with G the identity and a judge that reads the
 * class off one pixel: the groups' codes reach the judge, the noise is N(0, I) from the random seed, drawn before the codes'
 * own draws, pixels come in [0, 1] clipped, and the most probable class wins with ties to the lower.
 */
class ClassifiedSamplesTest {

    /** Three classes; an image is [noise pixel, class pixel]; the class is round(2 × class pixel). */
    private static final class PixelJudge implements ImageJudge {
        final List<float[]> seen = new ArrayList<>();

        @Override
        public int classCount() {
            return 3;
        }

        @Override
        public double[][] probabilities(float[] images, int n) {
            seen.add(images.clone());
            double[][] p = new double[n][3];
            for (int i = 0; i < n; i++) {
                p[i][Math.round(2 * images[2 * i + 1])] = 1;
            }
            return p;
        }

        @Override
        public double[][] features(float[] images, int n) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void eachGroupIsDrawnFromTheSeedAndNamedByTheJudge() {
        PixelJudge judge = new PixelJudge();
        int perGroup = 5;
        List<Double> codeDraws = new ArrayList<>();
        int[][] named = ClassifiedSamples.draw(x -> x, judge, 3, perGroup, 1, DataType.DOUBLE, 42,
                (k, z, rng) -> {
                    double u = rng.nextDouble();
                    codeDraws.add(u);
                    double[] in = new double[2 * perGroup];
                    for (int i = 0; i < perGroup; i++) {
                        in[2 * i] = 10 * z.getDouble(i, 0);
                        in[2 * i + 1] = k - 1; // -1, 0, 1 read as 0, 0.5, 1 in [0, 1]
                    }
                    return Nd4j.create(in, new long[] {perGroup, 2}, DataType.DOUBLE);
                }, k -> "group " + k, Monitor.NONE);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(new int[] {k, k, k, k, k}, named[k], "group " + k + " named as its code says");
        }
        Random reference = new Random(42);
        for (int k = 0; k < 3; k++) {
            float[] images = judge.seen.get(k);
            for (int i = 0; i < perGroup; i++) {
                double z = reference.nextGaussian();
                double expected = Math.max(0, Math.min(1, (10 * z + 1) / 2));
                assertEquals(expected, images[2 * i], 1e-6, "noise pixel " + i + " of group " + k);
            }
            assertEquals(reference.nextDouble(), codeDraws.get(k), 0, "the codes draw after the group's noise");
        }
    }

    @Test
    void tiesGoToTheLowerClassAndEmptyDrawsAreRefused() {
        assertEquals(1, ClassifiedSamples.argMax(new double[] {0.2, 0.4, 0.4}));
        assertEquals(0, ClassifiedSamples.argMax(new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> ClassifiedSamples.draw(x -> x, new PixelJudge(), 2, 0, 1,
                DataType.DOUBLE, 1, (k, z, rng) -> z, k -> "", Monitor.NONE));
    }
}
