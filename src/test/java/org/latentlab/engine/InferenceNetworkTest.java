package org.latentlab.engine;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.experiment.Presets;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Networks in inference mode on the engine against DL4J's {@code output(x, false)} for the same parameters (random
 * ones, batch normalisation's running statistics away from 0 and 1): dense chains, batch normalisation on features
 * and on channels (running log₁₀ σ, DL4J's default, and running σ²), dropout, and the DCGAN preset's G, in float
 * (1e-5 relative) and double (1e-10); the input gradient against central differences in double; new parameters
 * copied into the network are seen.
 */
class InferenceNetworkTest {

    private static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.9);

    private static LayerSpec.Dense dense(String name, int units, Activation a) {
        return new LayerSpec.Dense(name, units, a, 0.2);
    }

    private static List<NetworkSpec> specs() {
        return List.of(
                new NetworkSpec("mlp", Shape.vector(4), List.of(dense("h", 6, Activation.LEAKYRELU),
                        dense("o", 5, Activation.TANH))),
                new NetworkSpec("bn features", Shape.vector(4), List.of(dense("h", 6, Activation.IDENTITY),
                        new LayerSpec.BatchNorm("bn"), new LayerSpec.Act("a", Activation.LEAKYRELU, 0.2),
                        dense("o", 3, Activation.SIGMOID))),
                new NetworkSpec("dropout", Shape.vector(4), List.of(dense("h", 6, Activation.TANH),
                        new LayerSpec.Dropout("drop", 0.5), dense("o", 3, Activation.IDENTITY))),
                Presets.loadGan("fashion-dcgan").generator());
    }

    /** Random parameters: all of them ±0.3 around DL4J's initial values (γ near 1, running statistics near 0). */
    private static MultiLayerNetwork randomised(MultiLayerNetwork net, long seed) {
        INDArray noise = data(seed, net.params().shape(), net.params().dataType(), 0.3);
        net.params().addi(noise);
        return net;
    }

    private static INDArray data(long seed, long[] shape, DataType type, double scale) {
        Random r = new Random(seed);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * (2 * r.nextDouble() - 1);
        }
        return Nd4j.create(v, shape, DataType.DOUBLE).castTo(type);
    }

    private static double maxRelative(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE).reshape(a.length());
        INDArray y = b.castTo(DataType.DOUBLE).reshape(b.length());
        double scale = Math.max(1e-12, y.amaxNumber().doubleValue());
        return x.sub(y).amaxNumber().doubleValue() / scale;
    }

    private static INDArray dl4j(MultiLayerNetwork net, INDArray x) {
        INDArray out = net.output(x, false);
        return out.reshape('c', out.size(0), out.length() / out.size(0));
    }

    private static void sameAsDl4j(MultiLayerNetwork net, String name, double tolerance) {
        InferenceNetwork engine = InferenceNetwork.of(net).orElseThrow(() -> new AssertionError(name
                + " is not on the engine"));
        for (int batch : new int[] {1, 3, 1}) {
            INDArray x = data(batch, new long[] {batch, engine.inputSize()}, net.params().dataType(), 1.5);
            INDArray expected = dl4j(net, x);
            INDArray actual = engine.output(x);
            assertArrayEquals(expected.shape(), actual.shape(), name);
            double err = maxRelative(actual, expected);
            assertTrue(err < tolerance, name + " at batch " + batch + ": " + err);
        }
        engine.close();
    }

    @Test
    void theOutputIsDl4jsInInferenceModeInFloatAndDouble() {
        for (NetworkSpec spec : specs()) {
            sameAsDl4j(randomised(NetworkCompiler.compile(spec, ADAM, 5, DataType.FLOAT), 9), spec.name()
                    + " float", 1e-5);
            sameAsDl4j(randomised(NetworkCompiler.compile(spec, ADAM, 5, DataType.DOUBLE), 9), spec.name()
                    + " double", 1e-10);
        }
    }

    @Test
    void batchNormWithARunningVarianceIsDl4js() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(type)
                    .list()
                    .layer(new DenseLayer.Builder().nOut(5).activation(org.nd4j.linalg.activations.Activation.TANH)
                            .build())
                    .layer(new BatchNormalization.Builder().useLogStd(false).eps(1e-3).build())
                    .setInputType(InputType.feedForward(3)).build());
            net.init();
            randomised(net, 4);
            net.getLayer(1).getParam("var").assign(data(6, new long[] {1, 5}, type, 0.5).addi(1));
            assertTrue(Chain.forInference(net).isPresent());
            sameAsDl4j(net, "running variance " + type, type == DataType.FLOAT ? 1e-5 : 1e-10);
        }
    }

    @Test
    void theInputGradientMatchesCentralDifferences() {
        for (NetworkSpec spec : specs()) {
            MultiLayerNetwork net = randomised(NetworkCompiler.compile(spec, ADAM, 5, DataType.DOUBLE), 9);
            InferenceNetwork engine = InferenceNetwork.of(net).orElseThrow();
            int batch = 2;
            INDArray x = data(2, new long[] {batch, engine.inputSize()}, DataType.DOUBLE, 1.0);
            // L = Σ c ⊙ output for a fixed c, so dL/d(output) = c
            INDArray c = data(3, new long[] {batch, engine.outputSize()}, DataType.DOUBLE, 1.0);
            engine.output(x);
            double[] gradient = engine.inputGradient(c).dup().data().asDouble();
            double h = 1e-6;
            int checked = (int) Math.min(x.length(), 12);
            for (int i = 0; i < checked; i++) {
                long at = i * (x.length() / checked);
                double saved = x.getDouble(at);
                x.putScalar(at, saved + h);
                double plus = engine.output(x).mul(c).sumNumber().doubleValue();
                x.putScalar(at, saved - h);
                double minus = engine.output(x).mul(c).sumNumber().doubleValue();
                x.putScalar(at, saved);
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, gradient[(int) at], 1e-7 * Math.max(1, Math.abs(numeric)),
                        spec.name() + " dL/dx" + at);
            }
            engine.close();
        }
    }

    @Test
    void parametersCopiedIntoTheNetworkAreSeen() {
        NetworkSpec spec = specs().get(1);
        MultiLayerNetwork net = randomised(NetworkCompiler.compile(spec, ADAM, 5, DataType.DOUBLE), 9);
        InferenceNetwork engine = InferenceNetwork.of(net).orElseThrow();
        INDArray x = data(8, new long[] {3, 4}, DataType.DOUBLE, 1.0);
        INDArray before = engine.output(x).dup();
        MultiLayerNetwork other = randomised(NetworkCompiler.compile(spec, ADAM, 6, DataType.DOUBLE), 10);
        net.setParams(other.params().dup());
        INDArray after = engine.output(x);
        assertTrue(maxRelative(after, before) > 1e-3, "the output changed");
        assertTrue(maxRelative(after, dl4j(other, x)) < 1e-10);
    }
}
