package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/**
 * Convolution and transposed convolution kernels against DL4J's {@code ConvolutionLayer} and
 * {@code Deconvolution2D} as the lab compiles them (same flat parameters: forward in float, gradients to W, b and
 * the input in float and double) and against central finite differences in double.
 */
class ConvLayerKernelsTest {

    /** A layer and its input: strides 1 and 2, padding "same" and "valid", kernels 3, 4 and 5, odd sizes. */
    private record Case(String name, LayerSpec layer, Shape in, int batch) {
        NetworkSpec spec() {
            return new NetworkSpec(name, in, List.of(layer));
        }
    }

    private static List<Case> cases() {
        return List.of(
                new Case("conv k3 s1 same", conv(3, 3, 1, Padding.SAME), Shape.image(2, 7, 7), 2),
                new Case("conv k4 s2 same", conv(4, 4, 2, Padding.SAME), Shape.image(3, 8, 8), 3),
                new Case("conv k4 s2 same odd", conv(3, 4, 2, Padding.SAME), Shape.image(2, 7, 9), 2),
                new Case("conv k5 s2 valid", conv(3, 5, 2, Padding.VALID), Shape.image(2, 9, 10), 3),
                new Case("conv k3 s1 valid", conv(2, 3, 1, Padding.VALID), Shape.image(1, 6, 5), 2),
                new Case("deconv k4 s2 same", deconv(2, 4, 2, Padding.SAME), Shape.image(3, 4, 4), 2),
                new Case("deconv k4 s2 same one filter", deconv(1, 4, 2, Padding.SAME), Shape.image(3, 4, 4), 2),
                new Case("deconv k3 s1 same", deconv(3, 3, 1, Padding.SAME), Shape.image(2, 5, 6), 3),
                new Case("deconv k5 s2 valid", deconv(2, 5, 2, Padding.VALID), Shape.image(2, 3, 4), 2),
                new Case("deconv k3 s2 same", deconv(2, 3, 2, Padding.SAME), Shape.image(3, 4, 3), 3));
    }

    private static LayerSpec conv(int filters, int kernel, int stride, Padding padding) {
        return new LayerSpec.Conv2D("c", filters, kernel, stride, padding, Activation.IDENTITY, 0);
    }

    private static LayerSpec deconv(int filters, int kernel, int stride, Padding padding) {
        return new LayerSpec.Deconv2D("d", filters, kernel, stride, padding, Activation.IDENTITY, 0);
    }

    private static INDArray data(long seed, long[] shape, DataType type) {
        Random r = new Random(seed);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return Nd4j.create(v, shape, DataType.DOUBLE).castTo(type);
    }

    private static double maxRelative(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE).reshape(a.length());
        INDArray y = b.castTo(DataType.DOUBLE).reshape(b.length());
        double scale = Math.max(1e-12, y.amaxNumber().doubleValue());
        return x.sub(y).amaxNumber().doubleValue() / scale;
    }

    private static MultiLayerNetwork net(Case c, DataType type, long seed) {
        return NetworkCompiler.compile(c.spec(), OptimizerSpec.adam(1e-3, 0.5), seed, type);
    }

    private static ConvLayerKernels kernels(Case c, INDArray params, INDArray gradient) {
        return ConvLayerKernels.of(c.layer(), c.in(), c.batch(), params, gradient, 0);
    }

    private static long[] inShape(Case c) {
        return new long[] {c.batch(), c.in().channels(), c.in().height(), c.in().width()};
    }

    @Test
    void layoutAndOutputShapeAreDl4jsAndForwardMatchesDl4jInFloat() {
        for (Case c : cases()) {
            MultiLayerNetwork net = net(c, DataType.FLOAT, 3);
            assertEquals(net.numParams(), ConvLayerKernels.Geometry.of(c.layer(), c.in()).parameters(), c.name());
            INDArray params = Nd4j.create(DataType.FLOAT, 1, net.numParams());
            INDArray gradient = Nd4j.create(DataType.FLOAT, 1, net.numParams());
            try (ConvLayerKernels k = kernels(c, params, gradient)) {
                // assigned after compiling: the kernels read the vector through views
                params.assign(data(9, new long[] {1, net.numParams()}, DataType.FLOAT));
                net.setParams(params.dup());
                INDArray x = data(1, inShape(c), DataType.FLOAT);
                INDArray expected = net.output(x.reshape(c.batch(), c.in().size()), false);
                k.input().assign(x);
                INDArray z = k.forward();
                assertArrayEquals(expected.shape(), z.shape(), c.name());
                double err = maxRelative(z, expected);
                assertTrue(err < 1e-6, c.name() + " forward " + err);
            }
        }
    }

    @Test
    void gradientsMatchDl4jsBackpropSummedOverTheBatch() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (Case c : cases()) {
                MultiLayerNetwork net = net(c, type, 5);
                INDArray params = net.params().dup();
                INDArray gradient = Nd4j.create(type, 1, net.numParams());
                try (ConvLayerKernels k = kernels(c, params, gradient)) {
                    INDArray x = data(2, inShape(c), type);
                    INDArray eps = data(3, k.output().shape(), type);
                    net.setInput(x.reshape(c.batch(), c.in().size()));
                    net.feedForward(true, false);
                    Pair<Gradient, INDArray> back = net.backpropGradient(eps.dup(), LayerWorkspaceMgr.noWorkspaces());
                    k.input().assign(x);
                    k.forward();
                    k.outputGradient().assign(eps);
                    k.backward();
                    double tol = type == DataType.FLOAT ? 1e-5 : 1e-12;
                    String what = c.name() + " " + type;
                    double gErr = maxRelative(gradient, back.getFirst().gradient());
                    assertTrue(gErr < tol, what + " parameters " + gErr);
                    double xErr = maxRelative(k.inputGradient(), back.getSecond());
                    assertTrue(xErr < tol, what + " input " + xErr);
                }
            }
        }
    }

    /** Σ z ⊙ r: linear in z, so its gradient to z is r. */
    private static double loss(ConvLayerKernels k, INDArray r) {
        return k.forward().mul(r).sumNumber().doubleValue();
    }

    @Test
    void gradientsMatchCentralDifferencesInDouble() {
        double h = 1e-4;
        for (Case c : cases()) {
            MultiLayerNetwork net = net(c, DataType.DOUBLE, 7);
            INDArray params = net.params().dup();
            INDArray gradient = Nd4j.create(DataType.DOUBLE, 1, net.numParams());
            try (ConvLayerKernels k = kernels(c, params, gradient)) {
                INDArray x = data(4, inShape(c), DataType.DOUBLE);
                INDArray r = data(5, k.output().shape(), DataType.DOUBLE);
                k.input().assign(x);
                k.forward();
                k.outputGradient().assign(r);
                INDArray dx = k.backward().dup();
                INDArray g = gradient.dup();

                INDArray fd = Nd4j.create(DataType.DOUBLE, 1, params.length());
                for (long i = 0; i < params.length(); i++) {
                    double v = params.getDouble(i);
                    params.putScalar(i, v + h);
                    double up = loss(k, r);
                    params.putScalar(i, v - h);
                    double down = loss(k, r);
                    params.putScalar(i, v);
                    fd.putScalar(i, (up - down) / (2 * h));
                }
                double gErr = maxRelative(g, fd);
                assertTrue(gErr < 1e-6, c.name() + " parameters " + gErr);

                INDArray flatX = k.input().reshape(k.input().length());
                INDArray fdx = Nd4j.create(DataType.DOUBLE, flatX.length());
                for (long i = 0; i < flatX.length(); i++) {
                    double v = flatX.getDouble(i);
                    flatX.putScalar(i, v + h);
                    double up = loss(k, r);
                    flatX.putScalar(i, v - h);
                    double down = loss(k, r);
                    flatX.putScalar(i, v);
                    fdx.putScalar(i, (up - down) / (2 * h));
                }
                double xErr = maxRelative(dx, fdx);
                assertTrue(xErr < 1e-6, c.name() + " input " + xErr);
            }
        }
    }

    @Test
    void twoLayersChainedThroughSharedArraysMatchDl4jsNetworkWithOffsetsIntoOneVector() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Shape in = Shape.image(2, 8, 8);
            LayerSpec first = new LayerSpec.Conv2D("c1", 3, 3, 2, Padding.SAME, Activation.IDENTITY, 0);
            LayerSpec second = new LayerSpec.Deconv2D("d2", 2, 4, 2, Padding.SAME, Activation.IDENTITY, 0);
            NetworkSpec spec = new NetworkSpec("chain", in, List.of(first, second));
            MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 13, type);
            INDArray params = net.params().dup();
            INDArray gradient = Nd4j.create(type, params.shape());
            int batch = 3;
            ConvLayerKernels.Geometry g1 = ConvLayerKernels.Geometry.of(first, in);
            Shape mid = Shape.image(g1.filters(), g1.outHeight(), g1.outWidth());
            try (ConvLayerKernels k1 = new ConvLayerKernels(g1, batch, params, gradient, 0, null, null);
                 ConvLayerKernels k2 = new ConvLayerKernels(ConvLayerKernels.Geometry.of(second, mid), batch,
                         params, gradient, g1.parameters(), k1.output(), k1.outputGradient())) {
                assertEquals(net.numParams(), g1.parameters() + k2.geometry().parameters());
                INDArray x = data(8, new long[] {batch, 2, 8, 8}, type);
                INDArray eps = data(9, k2.output().shape(), type);
                net.setInput(x.reshape(batch, in.size()));
                List<INDArray> acts = net.feedForward(true, false);
                Pair<Gradient, INDArray> back = net.backpropGradient(eps.dup(), LayerWorkspaceMgr.noWorkspaces());
                k1.input().assign(x);
                k1.forward();
                k2.forward();
                k2.outputGradient().assign(eps);
                k2.backward();
                k1.backward();
                double tol = type == DataType.FLOAT ? 1e-5 : 1e-12;
                assertTrue(maxRelative(k2.output(), acts.get(acts.size() - 1)) < tol, type + " output");
                assertTrue(maxRelative(gradient, back.getFirst().gradient()) < tol, type + " parameters");
                assertTrue(maxRelative(k1.inputGradient(), back.getSecond()) < tol, type + " input");
            }
        }
    }

    @Test
    void backwardOverwritesTheGradientInsteadOfAccumulating() {
        Case c = cases().get(1);
        MultiLayerNetwork net = net(c, DataType.DOUBLE, 11);
        INDArray params = net.params().dup();
        INDArray gradient = Nd4j.create(DataType.DOUBLE, 1, net.numParams());
        try (ConvLayerKernels k = kernels(c, params, gradient)) {
            k.input().assign(data(6, inShape(c), DataType.DOUBLE));
            k.forward();
            k.outputGradient().assign(data(7, k.output().shape(), DataType.DOUBLE));
            k.backward();
            INDArray g = gradient.dup();
            INDArray dx = k.inputGradient().dup();
            k.backward();
            assertEquals(g, gradient);
            assertEquals(dx, k.inputGradient());
        }
    }
}
