package org.latentlab.engine;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.model.MaxoutLayer;
import org.latentlab.model.MinibatchDiscriminationLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why and where a network with a SameDiff layer is kept off DL4J's layer objects: DL4J 1.0.0-M2.1's backward pass
 * through maxout or minibatch discrimination gives twice the central differences of the network's output (to the
 * input and to the parameters below the layer; the layer above it is right), so {@link TrainingNetwork#of} refuses
 * such a network where it would fall back to those objects, in one line naming it, its layer and why; a network
 * without one still falls back, and one the engine runs whole is not refused.
 */
class SameDiffBackwardTest {

    /** dense "pre" (tanh) 4 → 4, then {@code middle}, then dense "out" with {@code outActivation} to 1 output. */
    private static MultiLayerNetwork net(Layer middle, Activation outActivation) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().name("pre").nOut(4).activation(Activation.TANH).build());
        if (middle != null) {
            b.layer(middle);
        }
        b.layer(new DenseLayer.Builder().name("out").nOut(1).activation(outActivation).build());
        MultiLayerNetwork net = new MultiLayerNetwork(b.setInputType(InputType.feedForward(4)).build());
        net.init();
        return net;
    }

    private static double weighted(MultiLayerNetwork net, INDArray x, INDArray e) {
        return net.output(x, false).mul(e).sumNumber().doubleValue();
    }

    @Test
    void dl4jPassesBackTwiceTheGradientThroughASameDiffLayer() {
        for (Layer middle : List.<Layer>of(new MaxoutLayer("mx", 3, 2), new MinibatchDiscriminationLayer("mbd", 2, 2))) {
            MultiLayerNetwork net = net(middle, Activation.SIGMOID);
            INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 4).subi(0.5);
            INDArray e = Nd4j.rand(DataType.DOUBLE, 5, 1).addi(0.5);
            net.setInput(x);
            net.feedForward(true, false);
            INDArray input = net.backpropGradient(e, LayerWorkspaceMgr.noWorkspaces()).getSecond().dup();
            INDArray gradient = net.getGradientsViewArray().dup();
            double h = 1e-6;
            String what = middle.getClass().getSimpleName();
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 4; j++) {
                    INDArray up = x.dup();
                    up.putScalar(i, j, x.getDouble(i, j) + h);
                    INDArray down = x.dup();
                    down.putScalar(i, j, x.getDouble(i, j) - h);
                    double fd = (weighted(net, up, e) - weighted(net, down, e)) / (2 * h);
                    assertEquals(2 * fd, input.getDouble(i, j), 1e-6 * (1 + Math.abs(fd)), what + " input " + i + ","
                            + j);
                }
            }
            long below = 0; // "pre"'s first weight, under the SameDiff layer
            long above = net.numParams() - 1; // "out"'s bias, over it
            for (long p : new long[] {below, above}) {
                double v = net.params().getDouble(p);
                net.params().putScalar(p, v + h);
                double plus = weighted(net, x, e);
                net.params().putScalar(p, v - h);
                double minus = weighted(net, x, e);
                net.params().putScalar(p, v);
                double fd = (plus - minus) / (2 * h);
                assertEquals((p == below ? 2 : 1) * fd, gradient.getDouble(p), 1e-6 * (1 + Math.abs(fd)),
                        what + " parameter " + p);
            }
        }
    }

    @Test
    void aNetworkWithASameDiffLayerIsRefusedWhereItWouldFallBackToDl4jsLayerObjects() {
        // softsign: an activation the engine does not run, so these networks would train on DL4J's layer objects
        LabException maxout = assertThrows(LabException.class,
                () -> TrainingNetwork.of(net(new MaxoutLayer("mx", 3, 2), Activation.SOFTSIGN), "D"));
        assertTrue(maxout.getMessage().startsWith("D has a layer the lab's engine does not run"), maxout.getMessage());
        assertTrue(maxout.getMessage().contains("its layer 'mx' (maxout) is a SameDiff layer"), maxout.getMessage());
        assertTrue(maxout.getMessage().contains("twice the gradient"), maxout.getMessage());
        assertFalse(maxout.getMessage().contains("\n"), "one line");
        LabException mbd = assertThrows(LabException.class,
                () -> TrainingNetwork.of(net(new MinibatchDiscriminationLayer("mbd", 2, 2), Activation.SOFTSIGN)));
        assertTrue(mbd.getMessage().startsWith("the network of layers pre, mbd, out has"), mbd.getMessage());
        assertTrue(mbd.getMessage().contains("'mbd' (minibatch discrimination)"), mbd.getMessage());

        try (TrainingNetwork plain = TrainingNetwork.of(net(null, Activation.SOFTSIGN), "D")) {
            assertFalse(plain.onEngine(), "without a SameDiff layer the fallback stands");
        }
        try (TrainingNetwork engine = TrainingNetwork.of(net(new MaxoutLayer("mx", 3, 2), Activation.SIGMOID), "D")) {
            assertTrue(engine.onEngine(), "the engine runs maxout, so nothing is refused");
        }
        assertEquals("'mx' (maxout)", SameDiffBackward.firstLayer(net(new MaxoutLayer("mx", 3, 2),
                Activation.SIGMOID)).orElseThrow());
        assertTrue(SameDiffBackward.firstLayer(net(null, Activation.SIGMOID)).isEmpty());
    }
}
