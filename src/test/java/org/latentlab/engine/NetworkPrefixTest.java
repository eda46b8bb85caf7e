package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.latentlab.testing.FiniteDifferences;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TrainingNetwork#prefix}, a network's first layers on the engine, in double precision: its output equals
 * DL4J's own activations of the named layer, its input gradient and its parameter gradient (the head of the
 * network's gradient) equal central finite differences of L = Σ e ⊙ f(x), and the rest of the network's gradient
 * is left alone.
 */
class NetworkPrefixTest {

    private static final NetworkSpec DENSE = new NetworkSpec("D", Shape.vector(4), List.of(
            new LayerSpec.Dense("h1", 7, Activation.TANH, 0.2),
            new LayerSpec.Dense("h2", 5, Activation.LEAKYRELU, 0.25),
            new LayerSpec.Dense("out", 1, Activation.IDENTITY, 0.2)));

    /** conv 3x3 stride 2 leaky ReLU → flatten → dense 6 tanh → dense 1, on 2x6x6 images. */
    private static final NetworkSpec CONV = new NetworkSpec("C", Shape.image(2, 6, 6), List.of(
            new LayerSpec.Conv2D("c1", 3, 3, 2, Padding.SAME, Activation.LEAKYRELU, 0.25),
            new LayerSpec.Flatten("flat"),
            new LayerSpec.Dense("h", 6, Activation.TANH, 0.2),
            new LayerSpec.Dense("out", 1, Activation.IDENTITY, 0.2)));

    private static INDArray uniform(long seed, int n, long d) {
        Random r = new Random(seed);
        double[] v = new double[(int) (n * d)];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return Nd4j.create(v, new long[] {n, d}, DataType.DOUBLE);
    }

    private static double maxRelative(double[] a, double[] b) {
        double scale = 1e-12;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(b[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        return diff / scale;
    }

    @Test
    void aDensePrefixMatchesDl4jAndFiniteDifferences() {
        check(DENSE, "h2", 1, 5);
        check(DENSE, "h1", 0, 7);
    }

    @Test
    void aConvolutionalPrefixMatchesDl4jAndFiniteDifferences() {
        check(CONV, "c1", 0, 3 * 3 * 3);
        check(CONV, "h", 1, 6);
    }

    /** {@code layer} is DL4J layer {@code index}, of {@code units} flat outputs. */
    private static void check(NetworkSpec spec, String layer, int index, int units) {
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 3, DataType.DOUBLE);
        long inputs = spec.input().size();
        INDArray x = uniform(5, 3, inputs);
        INDArray e = uniform(6, 3, units);
        TrainingNetwork prefix = TrainingNetwork.prefix(net, layer).orElseThrow();
        assertTrue(prefix.onEngine());

        INDArray dl4j = net.feedForwardToLayer(index, x, true).get(index + 1);
        double[] ours = prefix.forward(x).dup().reshape(3L * units).toDoubleVector();
        assertEquals(3L * units, ours.length);
        assertTrue(maxRelative(ours, dl4j.reshape(3L * units).toDoubleVector()) < 1e-12, spec.name() + " " + layer);

        net.getGradientsViewArray().assign(7); // a marker: the tail of D's gradient must keep it
        INDArray inputGradient = prefix.backward(e).dup();
        double[] gradient = net.getGradientsViewArray().dup().toDoubleVector();
        long head = prefix.gradient().length();
        assertTrue(head < net.numParams());

        java.util.function.DoubleSupplier loss = () -> net.feedForwardToLayer(index, x, true).get(index + 1)
                .reshape(3, units).mul(e).sumNumber().doubleValue();
        double[] numeric = FiniteDifferences.centralDifferences(net.params(), loss);
        double[] analyticHead = java.util.Arrays.copyOf(gradient, (int) head);
        double[] numericHead = java.util.Arrays.copyOf(numeric, (int) head);
        assertTrue(maxRelative(analyticHead, numericHead) < 1e-7, layer + ": parameter gradient "
                + maxRelative(analyticHead, numericHead));
        for (long i = head; i < gradient.length; i++) {
            assertEquals(0, numeric[(int) i], 1e-12, "the loss does not depend on later layers");
            assertEquals(7, gradient[(int) i], "the rest of the network's gradient is left alone");
        }

        double[] numericInput = FiniteDifferences.centralDifferences(x, loss);
        assertTrue(maxRelative(inputGradient.reshape(x.length()).toDoubleVector(), numericInput) < 1e-7,
                layer + ": input gradient");
    }

    @Test
    void aPrefixHasNoOptimiserAndAnUnknownLayerIsNamed() {
        MultiLayerNetwork net = NetworkCompiler.compile(DENSE, OptimizerSpec.adam(1e-3, 0.5), 3, DataType.DOUBLE);
        TrainingNetwork prefix = TrainingNetwork.prefix(net, "h1").orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> prefix.update(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingNetwork.prefix(net, "h9"));
        assertTrue(e.getMessage().contains("'h9'") && e.getMessage().contains("[h1, h2, out]"), e.getMessage());
    }
}
