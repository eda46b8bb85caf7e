package org.latentlab.train.ae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * The reconstruction losses and their gradients against the formulas written out in double, per value, for logits
 * from −40 to 40 (saturated both ways) and targets in [0, 1], in double and in float.
 */
class ReconstructionLossTest {

    private static final int N = 16;
    private static final int D = 50;

    private static double[][] data() {
        Random r = new Random(5);
        double[] o = new double[N * D];
        double[] x = new double[N * D];
        for (int i = 0; i < o.length; i++) {
            o[i] = i % 10 == 0 ? 80 * r.nextDouble() - 40 : 8 * r.nextGaussian();
            x[i] = i % 3 == 0 ? Math.round(r.nextDouble()) : r.nextDouble();
        }
        return new double[][] {o, x};
    }

    private static void check(Reconstruction kind, boolean gaussian, DataType type, double tolerance) {
        double[][] d = data();
        double[] o = d[0];
        double[] x = d[1];
        double expected = 0;
        double[] expectedGrad = new double[o.length];
        for (int i = 0; i < o.length; i++) {
            if (kind == Reconstruction.CROSS_ENTROPY) {
                double l = o[i];
                expected += Math.max(l, 0) - l * x[i] + Math.log1p(Math.exp(-Math.abs(l)));
                expectedGrad[i] = (1 / (1 + Math.exp(-l)) - x[i]) / N;
            } else {
                double s = gaussian ? 0.5 : 1;
                double e = o[i] - x[i];
                expected += s * e * e + (gaussian ? 0.5 * Math.log(2 * Math.PI) : 0);
                expectedGrad[i] = 2 * s * e / N;
            }
        }
        expected /= N;
        INDArray out = Nd4j.create(o, new long[] {N, D}, DataType.DOUBLE).castTo(type);
        INDArray target = Nd4j.create(x, new long[] {N, D}, DataType.DOUBLE).castTo(type);
        INDArray grad = out.ulike();
        ReconstructionLoss loss = new ReconstructionLoss(kind, gaussian);
        String what = kind + (gaussian ? " gaussian " : " ") + type;
        for (int round = 0; round < 2; round++) { // the scratch arrays are reused
            assertEquals(expected, loss.valueAndGradient(out, target, grad), tolerance * Math.abs(expected), what);
            double[] g = grad.castTo(DataType.DOUBLE).reshape(N * D).toDoubleVector();
            for (int i = 0; i < g.length; i++) {
                assertEquals(expectedGrad[i], g[i], tolerance * 10 / N, what + " gradient " + i);
            }
        }
    }

    @Test
    void valuesAndGradientsEqualTheFormulas() {
        for (Reconstruction kind : Reconstruction.values()) {
            for (boolean gaussian : new boolean[] {false, true}) {
                check(kind, gaussian, DataType.DOUBLE, 1e-12);
                check(kind, gaussian, DataType.FLOAT, 1e-6);
            }
        }
    }
}
