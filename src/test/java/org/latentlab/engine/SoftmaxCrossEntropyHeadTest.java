package org.latentlab.engine;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The classifier's loss head against DL4J's multi-class cross-entropy on a softmax output ({@code LossMCXENT}). */
class SoftmaxCrossEntropyHeadTest {

    @Test
    void valueAndGradientAreDl4jsMcxentOnSoftmax() {
        int n = 7;
        int k = 10;
        Random r = new Random(4);
        double[][] logits = new double[n][k];
        double[][] oneHot = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                logits[i][j] = 3 * r.nextGaussian();
            }
            oneHot[i][r.nextInt(k)] = 1;
        }
        INDArray out = Nd4j.create(logits).castTo(DataType.DOUBLE);
        INDArray y = Nd4j.create(oneHot).castTo(DataType.DOUBLE);
        LossMCXENT oracle = new LossMCXENT();
        ActivationSoftmax softmax = new ActivationSoftmax();
        // DL4J: per-example gradient with respect to the pre-softmax output; score summed, or averaged over n
        double[][] expectedGradient = oracle.computeGradient(y, out.dup(), softmax, null).toDoubleMatrix();
        double summed = oracle.computeScore(y, out.dup(), softmax, null, false);
        double mean = oracle.computeScore(y, out.dup(), softmax, null, true);

        INDArray g = out.ulike();
        double value = LossHead.softmaxCrossEntropy(1).valueAndGradient(out, y, g);
        assertEquals(summed, value, 1e-9 * Math.abs(summed));
        double[][] got = g.toDoubleMatrix();
        for (int i = 0; i < n; i++) {
            assertArrayEquals(expectedGradient[i], got[i], 1e-12, "row " + i);
        }

        INDArray gMean = out.ulike();
        double meanValue = LossHead.softmaxCrossEntropy(1.0 / n).valueAndGradient(out, y, gMean);
        assertEquals(mean, meanValue, 1e-9 * Math.abs(mean));
        double[][] gotMean = gMean.toDoubleMatrix();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(expectedGradient[i][j] / n, gotMean[i][j], 1e-12);
            }
        }
        // value alone agrees with the value beside the gradient
        assertEquals(summed, LossHead.softmaxCrossEntropy(1).value(out, y, out.ulike()), 1e-9 * Math.abs(summed));
    }
}
