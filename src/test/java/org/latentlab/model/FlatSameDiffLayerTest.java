package org.latentlab.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The scaffolding the SameDiff layers share: the parameter table each registers (shapes, the bias starting at 0,
 * no bias for minibatch discrimination), the output sizes, and a model zip written before the layers shared it
 * (maxout 4 → 3 units × 2 pieces, then minibatch discrimination with 2 kernels of 2 dimensions, double precision,
 * parameters moved off their initial values) still loading with the same sizes and the outputs the formulas give.
 */
class FlatSameDiffLayerTest {

    private static MultiLayerNetwork fresh() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE).list()
                .layer(new MaxoutLayer("m", 3, 2))
                .layer(new MinibatchDiscriminationLayer("mbd", 2, 2))
                .setInputType(InputType.feedForward(4)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void eachLayerRegistersItsWeightsAndOnlyMaxoutABiasStartingAtZero() {
        MultiLayerNetwork net = fresh();
        assertArrayEquals(new long[] {4, 6}, net.getLayer(0).getParam(MaxoutLayer.W).shape());
        assertArrayEquals(new long[] {1, 6}, net.getLayer(0).getParam(MaxoutLayer.B).shape());
        assertEquals(0, net.getLayer(0).getParam(MaxoutLayer.B).amaxNumber().doubleValue(), 0);
        assertEquals(1, net.getLayer(1).paramTable().size(), "minibatch discrimination has T only");
        assertArrayEquals(new long[] {3, 4}, net.getLayer(1).getParam(MinibatchDiscriminationLayer.T).shape());
        assertEquals(4 * 6 + 6 + 3 * 4, net.numParams());
        INDArray y = net.output(Nd4j.rand(DataType.DOUBLE, 5, 4), false);
        assertArrayEquals(new long[] {5, 3 + 2}, y.shape(), "3 maxout units, then 3 features and 2 closenesses");
        assertNull(new MinibatchDiscriminationLayer("d", 2, 2).biasKey());
    }

    @Test
    void aModelZipWrittenBeforeTheSharedBaseLoadsAndGivesTheFormulasOutputs() throws Exception {
        MultiLayerNetwork net;
        try (InputStream in = FlatSameDiffLayerTest.class.getResourceAsStream("samediff-layers-2026-12.zip")) {
            assertNotNull(in, "the fixture is on the test class path");
            net = ModelSerializer.restoreMultiLayerNetwork(in, false);
        }
        MaxoutLayer maxout = assertInstanceOf(MaxoutLayer.class, net.getLayerWiseConfigurations().getConf(0)
                .getLayer());
        MinibatchDiscriminationLayer mbd = assertInstanceOf(MinibatchDiscriminationLayer.class,
                net.getLayerWiseConfigurations().getConf(1).getLayer());
        assertEquals(4, maxout.getNIn());
        assertEquals(3, maxout.getUnits());
        assertEquals(2, maxout.getPieces());
        assertEquals(3, mbd.getNIn());
        assertEquals(2, mbd.getKernels());
        assertEquals(2, mbd.getDims());
        double[][] w = net.getLayer(0).getParam(MaxoutLayer.W).toDoubleMatrix();
        double[] b = net.getLayer(0).getParam(MaxoutLayer.B).toDoubleVector();
        double[][] t = net.getLayer(1).getParam(MinibatchDiscriminationLayer.T).toDoubleMatrix();
        int n = 3;
        INDArray x = Nd4j.linspace(-1, 1, n * 4, DataType.DOUBLE).reshape(n, 4);
        INDArray out = net.output(x, false);
        double[][] h = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                h[i][j] = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 2; k++) {
                    int col = j * 2 + k;
                    double z = b[col];
                    for (int a = 0; a < 4; a++) {
                        z += x.getDouble(i, a) * w[a][col];
                    }
                    h[i][j] = Math.max(h[i][j], z);
                }
                assertEquals(h[i][j], out.getDouble(i, j), 1e-12, "maxout unit " + j + " of example " + i);
            }
        }
        double[][][] m = new double[n][2][2]; // M_i = h_i · T as 2 kernels of 2 values
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 4; c++) {
                for (int a = 0; a < 3; a++) {
                    m[i][c / 2][c % 2] += h[i][a] * t[a][c];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int kernel = 0; kernel < 2; kernel++) {
                double closeness = 0;
                for (int j = 0; j < n; j++) {
                    closeness += Math.exp(-(Math.abs(m[i][kernel][0] - m[j][kernel][0])
                            + Math.abs(m[i][kernel][1] - m[j][kernel][1])));
                }
                assertEquals(closeness, out.getDouble(i, 3 + kernel), 1e-12, "kernel " + kernel + " of " + i);
            }
        }
        MultiLayerConfiguration again = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(net.getLayerWiseConfigurations(), again, "the configuration round-trips through JSON");
    }
}
