package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.tangent.EncoderOutput;
import org.latentlab.core.Monitor;
import org.latentlab.model.Activation;
import org.latentlab.train.Backend;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sensitivity on and off the manifold against closed forms, and the off-manifold points themselves. */
class ManifoldSensitivityTest {

    private static final int D = 6;

    private static double[][] examples(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][D];
        for (double[] row : x) {
            for (int j = 0; j < D; j++) {
                row[j] = 0.2 + 0.6 * r.nextDouble();
            }
        }
        return x;
    }

    @Test
    void aLinearEncoderIsEquallySensitiveEverywhere() {
        Backend.init();
        MultiLayerNetwork enc = Nets.dense("enc", D, 3, DataType.DOUBLE, new int[] {3},
                new Activation[] {Activation.IDENTITY});
        // ‖∂c/∂x‖_F of c = Wx + b is ‖W‖_F at every input
        double w = enc.getParam("0_W").norm2Number().doubleValue();
        ManifoldSensitivity s = ManifoldSensitivity.of(enc, EncoderOutput.CODE, examples(20, 1), true,
                ManifoldSensitivity.OffManifold.UNIFORM_NOISE, 0.3, 7, Monitor.NONE);
        assertEquals(20, s.onManifold().length);
        assertEquals(20, s.offManifold().length);
        for (double v : s.onManifold()) {
            assertEquals(w, v, 1e-9 * w);
        }
        for (double v : s.offManifold()) {
            assertEquals(w, v, 1e-9 * w);
        }
        assertEquals("uniform noise", s.offLabel());
    }

    @Test
    void aSaturatingEncoderIsLessSensitiveWhereItSaturates() {
        Backend.init();
        MultiLayerNetwork enc = Nets.dense("enc", D, 4, DataType.DOUBLE, new int[] {3},
                new Activation[] {Activation.SIGMOID});
        double[][] x = examples(10, 2);
        // scaled inputs push the sigmoid into saturation, where σ' and so ‖J‖_F are small
        double[][] far = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            far[i] = new double[D];
            for (int j = 0; j < D; j++) {
                far[i][j] = 400 * x[i][j];
            }
        }
        double[] near = ManifoldSensitivity.of(enc, EncoderOutput.CODE, x, false,
                ManifoldSensitivity.OffManifold.NOISY_EXAMPLES, 0.1, 1, Monitor.NONE).onManifold();
        double[] saturated = ManifoldSensitivity.of(enc, EncoderOutput.CODE, far, false,
                ManifoldSensitivity.OffManifold.NOISY_EXAMPLES, 0.1, 1, Monitor.NONE).onManifold();
        for (int i = 0; i < x.length; i++) {
            assertTrue(saturated[i] < 0.1 * near[i], saturated[i] + " vs " + near[i]);
        }
    }

    @Test
    void offManifoldPointsStayInTheirRangeAndAreReproducible() {
        double[][] x = examples(50, 3);
        double[][] noisy = ManifoldSensitivity.offManifold(x, true, ManifoldSensitivity.OffManifold.NOISY_EXAMPLES,
                0.5, 9);
        double[][] again = ManifoldSensitivity.offManifold(x, true, ManifoldSensitivity.OffManifold.NOISY_EXAMPLES,
                0.5, 9);
        double meanShift = 0;
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(noisy[i], again[i]);
            for (int j = 0; j < D; j++) {
                assertTrue(noisy[i][j] >= 0 && noisy[i][j] <= 1, "pixels stay in [0, 1]");
                meanShift += Math.abs(noisy[i][j] - x[i][j]);
            }
        }
        assertTrue(meanShift / (x.length * D) > 0.1, "the noise moves the points");
        double[][] box = ManifoldSensitivity.offManifold(x, false, ManifoldSensitivity.OffManifold.UNIFORM_NOISE, 0,
                9);
        for (double[] p : box) {
            for (double v : p) {
                assertTrue(v >= 0.2 && v <= 0.8, "uniform noise inside the examples' bounding box: " + v);
            }
        }
        assertNotEquals(box[0][0], box[1][0]);
    }
}
