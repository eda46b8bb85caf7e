package org.latentlab.train.classifier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.model.Activation;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.train.DoublePrecision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ‖∂softmax(f(x))/∂x‖_F against central differences of the softmax output, in double precision. */
@ExtendWith(DoublePrecision.class)
class SoftmaxJacobianTest {

    private static final int D = 9;

    private static MultiLayerNetwork net() {
        MultiLayerNetwork n = NetworkCompiler.compile(TangentPropPenaltyTest.mlp(Activation.TANH),
                OptimizerSpec.adam(1e-3, 0.9), 7, DataType.DOUBLE);
        Random r = new Random(11);
        INDArray p = n.params();
        for (long i = 0; i < p.length(); i++) {
            p.putScalar(i, r.nextGaussian() * 0.9);
        }
        return n;
    }

    private static double[] softmax(MultiLayerNetwork n, double[] x) {
        double[] l = n.output(Nd4j.create(x, new long[] {1, D}, 'c'), false).toDoubleVector();
        return SoftmaxJacobian.softmax(l, 1, l.length);
    }

    /** ‖J(x)‖_F by central differences of softmax(f(x)) along each input coordinate. */
    private static double finiteDifferenceNorm(MultiLayerNetwork n, double[] x) {
        double h = 1e-5;
        double s = 0;
        for (int t = 0; t < D; t++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[t] += h;
            minus[t] -= h;
            double[] a = softmax(n, plus);
            double[] b = softmax(n, minus);
            for (int k = 0; k < a.length; k++) {
                double d = (a[k] - b[k]) / (2 * h);
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    @Test
    void normMatchesCentralDifferencesAtEachPointOfABatch() {
        MultiLayerNetwork n = net();
        Random r = new Random(2);
        int m = 5;
        double[] flat = new double[m * D];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = r.nextGaussian();
        }
        double[] norms = SoftmaxJacobian.frobeniusNorms(n, Nd4j.create(flat, new long[] {m, D}, 'c'));
        assertEquals(m, norms.length);
        double mean = 0;
        for (int i = 0; i < m; i++) {
            double[] x = java.util.Arrays.copyOfRange(flat, i * D, (i + 1) * D);
            double fd = finiteDifferenceNorm(n, x);
            assertTrue(fd > 1e-3, "a norm that can fail: " + fd);
            assertEquals(fd, norms[i], 1e-7 * fd, "point " + i);
            mean += fd / m;
        }
        assertEquals(mean, SoftmaxJacobian.meanFrobeniusNorm(n, Nd4j.create(flat, new long[] {m, D}, 'c')),
                1e-7 * mean);
    }

    @Test
    void aSaturatedSoftmaxHasAVanishingJacobian() {
        // scaling the last layer by 50 saturates the softmax: its Jacobian p(δ − p) vanishes though the logits' grows
        MultiLayerNetwork n = net();
        double[] x = new double[D];
        java.util.Arrays.fill(x, 0.3);
        double before = SoftmaxJacobian.frobeniusNorms(n, Nd4j.create(x, new long[] {1, D}, 'c'))[0];
        INDArray p = n.getLayer(n.getLayers().length - 1).params();
        p.muli(50);
        double after = SoftmaxJacobian.frobeniusNorms(n, Nd4j.create(x, new long[] {1, D}, 'c'))[0];
        assertTrue(after < 1e-3 * before, "saturated " + after + " against " + before);
    }
}
