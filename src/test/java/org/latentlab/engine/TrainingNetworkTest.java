package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/**
 * A network trained on the engine's plans against the same network trained through DL4J's layer objects: the
 * same steps (forward, backward from a random output gradient, optimiser step) must give the same parameters and
 * optimiser state, for every optimiser the lab offers, in double (tight) and float; and the engine is chosen only
 * for networks it can run.
 */
class TrainingNetworkTest {

    private static final NetworkSpec DENSE = new NetworkSpec("mlp", Shape.vector(5), List.of(
            new LayerSpec.Dense("h1", 9, Activation.TANH, 0.2),
            new LayerSpec.Dense("h2", 7, Activation.LEAKYRELU, 0.25),
            new LayerSpec.Dense("out", 3, Activation.IDENTITY, 0.2)));

    private static INDArray uniform(long seed, int n, int d, DataType type) {
        Random r = new Random(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return Nd4j.create(v, new long[] {n, d}, DataType.DOUBLE).castTo(type);
    }

    private static double maxRelative(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE).reshape(a.length());
        INDArray y = b.castTo(DataType.DOUBLE).reshape(b.length());
        double scale = Math.max(1e-12, y.amaxNumber().doubleValue());
        return x.sub(y).amaxNumber().doubleValue() / scale;
    }

    private static void trainSideBySide(OptimizerSpec optimizer, DataType type, double tolerance) {
        MultiLayerNetwork a = NetworkCompiler.compile(DENSE, optimizer, 11, type);
        MultiLayerNetwork b = NetworkCompiler.compile(DENSE, optimizer, 11, type);
        assertEquals(a.params(), b.params());
        try (TrainingNetwork engine = TrainingNetwork.of(a); TrainingNetwork layers = new LayerObjectNetwork(b)) {
            assertTrue(engine.onEngine());
            assertFalse(layers.onEngine());
            for (int step = 0; step < 6; step++) {
                int n = step % 2 == 0 ? 4 : 6; // two batch sizes, as a GAN's discriminator meets
                INDArray x = uniform(100 + step, n, 5, type);
                INDArray dOut = uniform(200 + step, n, 3, type);
                INDArray outA = engine.forward(x).dup();
                INDArray outB = layers.forward(x).dup();
                assertTrue(maxRelative(outA, outB) < tolerance, "output at step " + step);
                INDArray dxA = engine.backward(dOut).dup();
                INDArray dxB = layers.backward(dOut).dup();
                assertTrue(maxRelative(dxA, dxB) < tolerance, "input gradient at step " + step);
                assertTrue(maxRelative(engine.gradient(), layers.gradient()) < tolerance,
                        "parameter gradient at step " + step);
                assertEquals(engine.gradient().length(), a.numParams());
                engine.update(step);
                layers.update(step);
                assertTrue(maxRelative(a.params(), b.params()) < tolerance, optimizer + ": parameters after step "
                        + step + ": " + maxRelative(a.params(), b.params()));
                if (a.getUpdater().getStateViewArray() != null) {
                    assertTrue(maxRelative(a.getUpdater().getStateViewArray(), b.getUpdater().getStateViewArray())
                            < tolerance, optimizer + ": optimiser state after step " + step);
                }
            }
            // DL4J's own inference reads the parameters the engine trained
            INDArray x = uniform(7, 3, 5, type);
            assertTrue(maxRelative(a.output(x, false), b.output(x, false)) < tolerance);
        }
    }

    @Test
    void trainingOnTheEngineMatchesDl4jsLayerObjectsInDouble() {
        for (OptimizerSpec o : List.of(OptimizerSpec.adam(1e-2, 0.5),
                new OptimizerSpec(OptimizerSpec.Kind.RMSPROP, 5e-3, 0, 0),
                new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.1, 0, 0))) {
            trainSideBySide(o, DataType.DOUBLE, 1e-10);
        }
    }

    @Test
    void trainingOnTheEngineMatchesDl4jsLayerObjectsInFloat() {
        trainSideBySide(OptimizerSpec.adam(1e-2, 0.5), DataType.FLOAT, 1e-4);
    }

    @Test
    void theInputGradientAloneEqualsTheFullBackwardPass() {
        MultiLayerNetwork net = NetworkCompiler.compile(DENSE, OptimizerSpec.adam(1e-3, 0.5), 5, DataType.DOUBLE);
        try (TrainingNetwork engine = TrainingNetwork.of(net)) {
            INDArray x = uniform(1, 4, 5, DataType.DOUBLE);
            INDArray dOut = uniform(2, 4, 3, DataType.DOUBLE);
            engine.forward(x);
            INDArray full = engine.backward(dOut).dup();
            engine.forward(x);
            assertEquals(0.0, maxRelative(engine.inputGradient(dOut), full), 1e-15);
        }
    }

    @Test
    void networksTheEngineCannotRunTrainOnDl4jsLayerObjects() {
        NetworkSpec spec = new NetworkSpec("gaussian", Shape.vector(4), List.of(
                new LayerSpec.Dense("h", 6, Activation.RELU, 0.2),
                new LayerSpec.Dense("out", 1, Activation.IDENTITY, 0.2)));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 5, DataType.FLOAT);
        // Gaussian dropout: a layer option of DL4J's that the lab does not build, so the engine does not run it
        net.getLayer(1).conf().getLayer().setIDropout(
                new org.deeplearning4j.nn.conf.dropout.GaussianDropout(0.2));
        try (TrainingNetwork t = TrainingNetwork.of(net)) {
            assertFalse(t.onEngine());
            INDArray before = net.params().dup();
            t.forward(uniform(3, 8, 4, DataType.FLOAT));
            t.backward(uniform(4, 8, 1, DataType.FLOAT));
            t.update(0);
            assertTrue(maxRelative(net.params(), before) > 0, "an update changes the parameters");
        }
    }
}
