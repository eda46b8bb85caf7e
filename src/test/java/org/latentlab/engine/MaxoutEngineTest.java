package org.latentlab.engine;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A maxout layer on the lab's engine (a dense pass and {@link ChainMaxout}) against a plain DL4J dense layer of
 * units·pieces linear outputs with the same W and b, followed by the maximum over each unit's pieces computed by
 * hand: the output, and the gradients to the input and the parameters, the output gradient routed by hand to each
 * unit's winning piece and taken back through the dense layer by DL4J; and the engine's gradients of a network of
 * maxout and dense layers against central finite differences of DL4J's output in double.
 */
class MaxoutEngineTest {

    private static final int N = 6;
    private static final int IN = 4;
    private static final int UNITS = 5;
    private static final int PIECES = 3;

    private static INDArray data(long seed, long rows, long cols) {
        Random r = new Random(seed);
        double[][] v = new double[(int) rows][(int) cols];
        for (double[] row : v) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * r.nextDouble() - 1;
            }
        }
        return Nd4j.create(v).castTo(DataType.DOUBLE);
    }

    @Test
    void theEngineEqualsADenseLayerAndTheMaximumOverGroupsByHand() {
        NetworkSpec maxout = new NetworkSpec("D", Shape.vector(IN), List.of(
                new LayerSpec.Maxout("mx", UNITS, PIECES)));
        NetworkSpec dense = new NetworkSpec("D", Shape.vector(IN), List.of(
                new LayerSpec.Dense("mx", UNITS * PIECES, Activation.IDENTITY)));
        MultiLayerNetwork net = NetworkCompiler.compile(maxout, OptimizerSpec.adam(1e-3, 0.5), 3, DataType.DOUBLE);
        net.params().addi(data(8, 1, net.numParams()).muli(0.5).reshape(net.params().shape()));
        MultiLayerNetwork plain = NetworkCompiler.compile(dense, OptimizerSpec.adam(1e-3, 0.5), 3, DataType.DOUBLE);
        assertEquals(plain.numParams(), net.numParams());
        plain.setParams(net.params().dup());

        INDArray x = data(1, N, IN);
        INDArray g = data(2, N, UNITS);
        INDArray z = plain.output(x, false);
        INDArray expected = Nd4j.create(DataType.DOUBLE, N, UNITS);
        INDArray routed = Nd4j.create(DataType.DOUBLE, N, UNITS * PIECES);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < UNITS; j++) {
                int best = 0;
                for (int k = 1; k < PIECES; k++) {
                    if (z.getDouble(i, j * PIECES + k) > z.getDouble(i, j * PIECES + best)) {
                        best = k;
                    }
                }
                expected.putScalar(i, j, z.getDouble(i, j * PIECES + best));
                routed.putScalar(i, j * PIECES + best, g.getDouble(i, j));
            }
        }
        plain.initGradientsView();
        Layer layer = plain.getLayer(0);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(x, mgr);
        layer.activate(true, mgr);
        Pair<Gradient, INDArray> back = layer.backpropGradient(routed, mgr);
        INDArray expectedDx = back.getSecond().dup();
        INDArray expectedGradient = Nd4j.concat(0,
                Nd4j.toFlattened('f', back.getFirst().getGradientFor("W")).reshape(-1),
                back.getFirst().getGradientFor("b").reshape(-1));

        Chain chain = Chain.of(net).orElseThrow();
        assertEquals(List.of("ChainDense", "ChainMaxout"),
                chain.layers().stream().map(l -> l.getClass().getSimpleName()).toList());
        try (TrainingNetwork engine = new PlannedNetwork(net, chain)) {
            assertTrue(engine.onEngine());
            INDArray out = engine.forward(x).dup();
            assertEquals(0.0, out.sub(expected).amaxNumber().doubleValue(), 1e-13);
            INDArray dx = engine.backward(g).dup();
            assertEquals(0.0, dx.sub(expectedDx).amaxNumber().doubleValue(), 1e-13);
            INDArray gradient = engine.gradient().reshape(-1);
            assertEquals(0.0, gradient.sub(expectedGradient).amaxNumber().doubleValue(), 1e-13);
        }
    }

    @Test
    void theEnginesGradientsEqualCentralDifferencesInDouble() {
        NetworkSpec spec = new NetworkSpec("D", Shape.vector(IN), List.of(new LayerSpec.Maxout("m1", UNITS, PIECES),
                new LayerSpec.Dense("h", 3, Activation.TANH), new LayerSpec.Maxout("m2", 2, 4),
                new LayerSpec.Dense("o", 1, Activation.IDENTITY)));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 4, DataType.DOUBLE);
        net.params().addi(data(9, 1, net.numParams()).muli(0.5).reshape(net.params().shape()));
        MultiLayerNetwork oracle = net.clone(); // DL4J's forward pass, checked by hand in MaxoutLayerTest
        INDArray x = data(3, N, IN);
        INDArray r = data(4, N, 1);
        INDArray dx;
        INDArray gradient;
        try (TrainingNetwork engine = TrainingNetwork.of(net)) {
            assertTrue(engine.onEngine());
            engine.forward(x);
            dx = engine.backward(r).dup();
            gradient = engine.gradient().dup().reshape(-1);
        }
        double h = 1e-6;
        INDArray params = oracle.params();
        for (long k = 0; k < params.length(); k++) {
            double at = params.getDouble(k);
            params.putScalar(k, at + h);
            double up = oracle.output(x, false).mul(r).sumNumber().doubleValue();
            params.putScalar(k, at - h);
            double down = oracle.output(x, false).mul(r).sumNumber().doubleValue();
            params.putScalar(k, at);
            assertEquals((up - down) / (2 * h), gradient.getDouble(k), 1e-8, "parameter " + k);
        }
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < IN; a++) {
                INDArray xUp = x.dup();
                xUp.putScalar(i, a, x.getDouble(i, a) + h);
                INDArray xDown = x.dup();
                xDown.putScalar(i, a, x.getDouble(i, a) - h);
                double fd = (oracle.output(xUp, false).mul(r).sumNumber().doubleValue()
                        - oracle.output(xDown, false).mul(r).sumNumber().doubleValue()) / (2 * h);
                assertEquals(fd, dx.getDouble(i, a), 1e-8, "input " + i + "," + a);
            }
        }
    }
}
