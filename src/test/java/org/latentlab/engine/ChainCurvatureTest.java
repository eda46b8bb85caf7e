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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pearlmutter's R-operator on chains ({@link ChainPlan#rForward}, {@link ChainPlan#rBackward}) against central
 * finite differences of the gradients in double precision, per layer kind that has one: for L = ½‖out‖² + Σ r ⊙ out,
 * along a parameter direction v and an input direction u together (and each alone), R{∂L/∂θ} and R{dL/dx} equal
 * (∇(θ + hv, x + hu) − ∇(θ − hv, x − hu)) / 2h; along v alone that is the Hessian-vector product H·v.
 */
class ChainCurvatureTest {

    private record Case(String name, NetworkSpec spec, int batch) {
    }

    private static LayerSpec.Dense dense(String name, int units, Activation a) {
        return new LayerSpec.Dense(name, units, a, 0.2);
    }

    private static List<Case> cases() {
        Shape image = Shape.image(2, 6, 6);
        return List.of(
                new Case("dense tanh, sigmoid", new NetworkSpec("d", Shape.vector(5), List.of(
                        dense("h", 4, Activation.TANH), dense("o", 3, Activation.SIGMOID))), 3),
                new Case("conv 4x4 stride 2 leaky relu, conv tanh, flatten, dense", new NetworkSpec("c", image,
                        List.of(new LayerSpec.Conv2D("c1", 3, 4, 2, Padding.SAME, Activation.LEAKYRELU, 0.2),
                                new LayerSpec.Conv2D("c2", 2, 2, 1, Padding.VALID, Activation.TANH, 0.2),
                                new LayerSpec.Flatten("f"), dense("o", 1, Activation.IDENTITY))), 3),
                new Case("dense, reshape, deconv relu, deconv sigmoid", new NetworkSpec("g", Shape.vector(4),
                        List.of(dense("fc", 2 * 3 * 3, Activation.IDENTITY), new LayerSpec.Reshape("r", 2, 3, 3),
                                new LayerSpec.Deconv2D("u1", 3, 4, 2, Padding.SAME, Activation.RELU, 0.2),
                                new LayerSpec.Deconv2D("u2", 1, 3, 1, Padding.VALID, Activation.SIGMOID, 0.2))),
                        2),
                new Case("activation layers", new NetworkSpec("a", Shape.vector(4), List.of(
                        dense("h", 5, Activation.IDENTITY), new LayerSpec.Act("l", Activation.LEAKYRELU, 0.25),
                        dense("o", 2, Activation.IDENTITY), new LayerSpec.Act("t", Activation.TANH, 0.2))), 3),
                new Case("upsampling, average pooling", new NetworkSpec("up", Shape.image(2, 3, 4), List.of(
                        new LayerSpec.Upsample2D("u", 2),
                        new LayerSpec.Conv2D("c", 2, 3, 1, Padding.SAME, Activation.TANH, 0.2),
                        new LayerSpec.Pool2D("avg", LayerSpec.Pool2D.Pooling.AVG, 2, 2),
                        new LayerSpec.Flatten("f"), dense("o", 2, Activation.SIGMOID))), 2),
                new Case("conv relu, max pooling 2 stride 2, flatten, dense", new NetworkSpec("mp", image,
                        List.of(new LayerSpec.Conv2D("c", 3, 3, 1, Padding.SAME, Activation.RELU, 0.2),
                                new LayerSpec.Pool2D("most", LayerSpec.Pool2D.Pooling.MAX, 2, 2),
                                new LayerSpec.Flatten("f"), dense("o", 2, Activation.TANH))), 3),
                new Case("conv tanh, overlapping max pooling 3 stride 1, conv leaky relu, max pooling 2 stride 2",
                        new NetworkSpec("mo", image, List.of(
                                new LayerSpec.Conv2D("c1", 3, 3, 1, Padding.SAME, Activation.TANH, 0.2),
                                new LayerSpec.Pool2D("p1", LayerSpec.Pool2D.Pooling.MAX, 3, 1),
                                new LayerSpec.Conv2D("c2", 2, 2, 1, Padding.SAME, Activation.LEAKYRELU, 0.2),
                                new LayerSpec.Pool2D("p2", LayerSpec.Pool2D.Pooling.MAX, 2, 2),
                                new LayerSpec.Flatten("f"), dense("o", 1, Activation.IDENTITY))), 2),
                new Case("dropout on the input and between dense layers (the same mask at every pass)",
                        new NetworkSpec("drop", Shape.vector(5), List.of(new LayerSpec.Dropout("in", 0.2),
                                dense("h", 6, Activation.TANH), new LayerSpec.Dropout("d", 0.4),
                                dense("o", 2, Activation.SIGMOID))), 4),
                new Case("minibatch discrimination first and between dense layers", new NetworkSpec("mbd",
                        Shape.vector(3), List.of(new LayerSpec.MinibatchDiscrimination("m0", 2, 2),
                                dense("h", 4, Activation.TANH), new LayerSpec.MinibatchDiscrimination("m1", 3, 2),
                                dense("o", 2, Activation.SIGMOID))), 5),
                new Case("maxout first and between dense layers (Goodfellow et al. 2013)", new NetworkSpec("mx",
                        Shape.vector(3), List.of(new LayerSpec.Maxout("m1", 4, 3), dense("h", 3, Activation.TANH),
                                new LayerSpec.Maxout("m2", 2, 5), dense("o", 2, Activation.SIGMOID))), 4),
                new Case("dense, batch norm on features, tanh", new NetworkSpec("bn", Shape.vector(4), List.of(
                        dense("h", 5, Activation.IDENTITY), new LayerSpec.BatchNorm("norm"),
                        new LayerSpec.Act("t", Activation.TANH, 0.2), dense("o", 2, Activation.IDENTITY))), 4),
                new Case("conv, batch norm on channels, tanh", new NetworkSpec("bnc", image, List.of(
                        new LayerSpec.Conv2D("c", 3, 3, 2, Padding.SAME, Activation.IDENTITY, 0.2),
                        new LayerSpec.BatchNorm("norm"), new LayerSpec.Act("t", Activation.TANH, 0.2),
                        new LayerSpec.Flatten("f"), dense("o", 2, Activation.IDENTITY))), 2));
    }

    /**
     * Leaves batch normalisation's running statistics out of a finite-difference gradient: the training-mode loss
     * does not depend on them, and the steps DL4J moves them by (which the gradient carries) are not derivatives,
     * so the R-operator's product is 0 there. Returns the product's largest magnitude in those slots.
     */
    private static double withoutRunningStatistics(Chain chain, INDArray fd, INDArray product) {
        double largest = 0;
        long offset = 0;
        for (ChainLayer l : chain.layers()) {
            if (l instanceof ChainBatchNorm) {
                for (long k = offset + l.parameters() / 2; k < offset + l.parameters(); k++) {
                    fd.putScalar(0, k, 0.0);
                    largest = Math.max(largest, Math.abs(product.getDouble(0, k)));
                }
            }
            offset += l.parameters();
        }
        return largest;
    }

    private static INDArray data(long seed, long[] shape, double scale) {
        Random r = new Random(seed);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * (2 * r.nextDouble() - 1);
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    private static double relative(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue() / Math.max(1e-12, b.amaxNumber().doubleValue());
    }

    /** ∂L/∂θ and dL/dx at (θ, x), copied. */
    /** A training-mode forward pass with dropout's masks drawn from the same random state every time. */
    private static INDArray forward(ChainPlan plan, INDArray x) {
        Nd4j.getRandom().setSeed(77);
        return plan.forward(x);
    }

    private static INDArray[] gradients(ChainPlan plan, INDArray gradient, INDArray x, INDArray r) {
        INDArray dOut = forward(plan, x).add(r);
        INDArray dx = plan.backward(dOut).dup();
        return new INDArray[] {gradient.dup(), dx};
    }

    private static void check(Case c, boolean alongParameters, boolean alongInput) {
        MultiLayerNetwork net = NetworkCompiler.compile(c.spec(), OptimizerSpec.adam(1e-3, 0.5), 7,
                DataType.DOUBLE);
        Chain chain = Chain.of(net).orElseThrow();
        INDArray params = net.params().dup();
        params.addi(data(31, params.shape(), 0.3));
        INDArray gradient = Nd4j.create(DataType.DOUBLE, 1, chain.parameters());
        int n = c.batch();
        INDArray x = data(4, new long[] {n, chain.inputSize()}, 1);
        INDArray r = data(5, new long[] {n, chain.outputSize()}, 1);
        INDArray v = alongParameters ? data(6, params.shape(), 1) : Nd4j.zeros(DataType.DOUBLE, params.shape());
        INDArray u = alongInput ? data(7, x.shape(), 1) : Nd4j.zeros(DataType.DOUBLE, x.shape());
        try (ChainPlan plan = new ChainPlan(chain, n, params, gradient)) {
            INDArray dOut = forward(plan, x).add(r);
            plan.backward(dOut);
            plan.direction().assign(v);
            plan.rInput().assign(u);
            INDArray rOut = plan.rForward(alongParameters);
            plan.rOutputGradient().assign(rOut);
            INDArray product = plan.rBackward(alongParameters).dup();
            INDArray rDx = plan.rInputGradient().dup();

            double h = 1e-5;
            INDArray theta = params.dup();
            params.assign(theta.add(v.mul(h)));
            INDArray[] up = gradients(plan, gradient, x.add(u.mul(h)), r);
            params.assign(theta.sub(v.mul(h)));
            INDArray[] down = gradients(plan, gradient, x.sub(u.mul(h)), r);
            params.assign(theta);
            INDArray fdTheta = up[0].sub(down[0]).divi(2 * h);
            INDArray fdX = up[1].sub(down[1]).divi(2 * h);
            double running = withoutRunningStatistics(chain, fdTheta, product);

            String what = c.name() + (alongParameters ? " along v" : "") + (alongInput ? " along u" : "");
            assertTrue(fdTheta.amaxNumber().doubleValue() > 1e-3, what + ": the product should not vanish");
            assertTrue(running == 0, what + ": the running statistics' slots should be 0, not " + running);
            double errTheta = relative(product, fdTheta);
            double errX = relative(rDx, fdX);
            assertTrue(errTheta < 1e-6, what + ": R{dL/dθ} off by " + errTheta);
            assertTrue(errX < 1e-6, what + ": R{dL/dx} off by " + errX);
        }
    }

    @Test
    void hessianVectorProductsAlongAParameterDirectionEqualFiniteDifferencesOfGradients() {
        for (Case c : cases()) {
            check(c, true, false);
        }
    }

    @Test
    void derivativesOfTheGradientAlongAnInputDirectionEqualFiniteDifferences() {
        for (Case c : cases()) {
            check(c, false, true);
        }
    }

    @Test
    void bothDirectionsTogetherEqualFiniteDifferences() {
        for (Case c : cases()) {
            check(c, true, true);
        }
    }

    /** R{∂L/∂θ} and R{dL/dx} along both directions, computed in {@code type} from double data. */
    private static INDArray[] products(Case c, DataType type) {
        MultiLayerNetwork net = NetworkCompiler.compile(c.spec(), OptimizerSpec.adam(1e-3, 0.5), 7,
                DataType.DOUBLE);
        Chain chain = Chain.of(net).orElseThrow();
        INDArray params = net.params().dup().addi(data(31, net.params().shape(), 0.3)).castTo(type);
        INDArray gradient = Nd4j.create(type, 1, chain.parameters());
        int n = c.batch();
        INDArray x = data(4, new long[] {n, chain.inputSize()}, 1).castTo(type);
        INDArray r = data(5, new long[] {n, chain.outputSize()}, 1).castTo(type);
        try (ChainPlan plan = new ChainPlan(chain, n, params, gradient)) {
            plan.backward(plan.forward(x).add(r));
            plan.direction().assign(data(6, params.shape(), 1));
            plan.rInput().assign(data(7, x.shape(), 1));
            plan.rOutputGradient().assign(plan.rForward(true));
            INDArray product = plan.rBackward(true).castTo(DataType.DOUBLE);
            return new INDArray[] {product, plan.rInputGradient().castTo(DataType.DOUBLE)};
        }
    }

    @Test
    void batchNormCurvatureInFloatAgreesWithDouble() {
        for (Case c : cases().stream().filter(c -> c.name().contains("batch norm")).toList()) {
            INDArray[] exact = products(c, DataType.DOUBLE);
            INDArray[] single = products(c, DataType.FLOAT);
            assertTrue(relative(single[0], exact[0]) < 1e-4, c.name() + ": R{dL/dθ} in float");
            assertTrue(relative(single[1], exact[1]) < 1e-4, c.name() + ": R{dL/dx} in float");
        }
    }

    @Test
    void aBatchNormNetworkHasSecondDerivatives() {
        NetworkSpec bn = new NetworkSpec("bn", Shape.image(2, 4, 4), List.of(
                new LayerSpec.Conv2D("c", 2, 3, 1, Padding.SAME, Activation.IDENTITY, 0.2),
                new LayerSpec.BatchNorm("norm"), new LayerSpec.Act("a", Activation.LEAKYRELU, 0.2),
                new LayerSpec.Flatten("f"), dense("h", 5, Activation.IDENTITY), new LayerSpec.BatchNorm("norm2"),
                dense("o", 1, Activation.IDENTITY)));
        MultiLayerNetwork net = NetworkCompiler.compile(bn, OptimizerSpec.adam(1e-3, 0.5), 1, DataType.DOUBLE);
        try (TrainingNetwork t = TrainingNetwork.of(net)) {
            assertTrue(t.onEngine());
            assertEquals(java.util.Optional.empty(), t.secondDerivativesUnavailable());
        }
    }

    @Test
    void batchNormInAPlanCompiledForInferenceRefusesNamingTheLayer() {
        NetworkSpec bn = new NetworkSpec("bn", Shape.vector(4), List.of(dense("h", 5, Activation.IDENTITY),
                new LayerSpec.BatchNorm("norm"), dense("o", 1, Activation.IDENTITY)));
        MultiLayerNetwork net = NetworkCompiler.compile(bn, OptimizerSpec.adam(1e-3, 0.5), 1, DataType.DOUBLE);
        Chain chain = Chain.of(net).orElseThrow();
        try (ChainPlan plan = new ChainPlan(chain, 2, net.params(), Nd4j.create(DataType.DOUBLE, 1,
                chain.parameters()), true)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    plan::compileCurvature);
            assertTrue(e.getMessage().contains("'norm' (batch normalisation)"), e.getMessage());
        }
    }

    /**
     * Where a window holds equal maxima, R-forward must pick the element the backward pass routes to, or the
     * R-operator is not the derivative of the gradient the backward pass computes: R(y) = P·R(x) with P the
     * pooling's routing, so ⟨R(y), w⟩ = ⟨R(x), maxpool2d_bp(x, w)⟩ for every w.
     */
    @Test
    void maxPoolingPicksTheElementTheBackwardPassRoutesToAmongEqualMaxima() {
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            for (int[] ks : new int[][] {{2, 2}, {3, 1}, {3, 2}}) {
                int batch = 2;
                ChainPooling pool = new ChainPooling("most", true, 3, 7, 6, ks[0], ks[1]);
                long[] in = {batch, 3, 7, 6};
                long[] o = pool.outputShape();
                long[] out = {batch, o[0], o[1], o[2]};
                // values from {-1, 0, 1}: most windows hold equal maxima, some all equal
                INDArray x = Transforms.round(data(11, in, 1.4)).castTo(type);
                INDArray input = x.dup();
                INDArray inputGradient = Nd4j.create(type, in);
                INDArray none = Nd4j.create(type, 1, 1);
                try (ChainLayer.Pass pass = pool.compile(batch, none, none, 0, input, inputGradient)) {
                    pass.forward();
                    INDArray rInput = data(12, in, 1).castTo(type);
                    INDArray rInputGradient = Nd4j.create(type, in);
                    try (ChainLayer.RPass r = pass.curvature(0, none, none, rInput, rInputGradient)) {
                        r.rForward(false);
                        for (long seed = 20; seed < 25; seed++) {
                            INDArray w = data(seed, out, 1).castTo(type);
                            pass.outputGradient().assign(w);
                            pass.backward(false);
                            double left = r.rOutput().castTo(DataType.DOUBLE).mul(w.castTo(DataType.DOUBLE))
                                    .sumNumber().doubleValue();
                            double right = rInput.castTo(DataType.DOUBLE).mul(inputGradient.castTo(
                                    DataType.DOUBLE)).sumNumber().doubleValue();
                            double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-4;
                            assertEquals(right, left, tolerance * (1 + Math.abs(right)),
                                    type + " kernel " + ks[0] + " stride " + ks[1]);
                        }
                        // and R-backward is the backward op on the R arrays
                        r.rOutputGradient().assign(pass.outputGradient());
                        r.rBackward(false);
                        assertEquals(inputGradient, rInputGradient);
                    }
                }
            }
        }
    }
}
