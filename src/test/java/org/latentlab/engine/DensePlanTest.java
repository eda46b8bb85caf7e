package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
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
 * The dense plan against DL4J's {@code MultiLayerNetwork} for the same spec and parameters (forward, gradients to
 * parameters and input), and against finite differences in double (gradients, and Hessian-vector products of each
 * loss head by central differences of gradients).
 */
class DensePlanTest {

    private static final int BATCH = 7;

    /** Every activation of the lab, in a few depths and widths. */
    private static List<NetworkSpec> specs() {
        return List.of(
                spec("tanh-sigmoid", 5, layer("h1", 8, Activation.TANH), layer("out", 3, Activation.SIGMOID)),
                spec("relu-identity", 4, layer("h1", 6, Activation.RELU), layer("h2", 5, Activation.LEAKYRELU),
                        layer("out", 2, Activation.IDENTITY)),
                spec("leaky-tanh", 3, layer("h1", 9, Activation.LEAKYRELU), layer("h2", 4, Activation.SIGMOID),
                        layer("out", 6, Activation.TANH)),
                spec("single", 6, layer("only", 4, Activation.RELU)));
    }

    private static LayerSpec.Dense layer(String name, int units, Activation a) {
        // a slope exact in float: DL4J hands it to its native op as a float
        return new LayerSpec.Dense(name, units, a, 0.25);
    }

    private static NetworkSpec spec(String name, int in, LayerSpec... layers) {
        return new NetworkSpec(name, Shape.vector(in), List.of(layers));
    }

    private static INDArray data(long seed, int n, int d, DataType type) {
        Random r = new Random(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * r.nextDouble() - 1;
        }
        return Nd4j.create(v, new long[] {n, d}, DataType.DOUBLE).castTo(type);
    }

    private static double maxRelative(INDArray a, INDArray b) {
        double scale = Math.max(1e-12, b.castTo(DataType.DOUBLE).amaxNumber().doubleValue());
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue() / scale;
    }

    @Test
    void aLeakySlopeNotExactInFloatMatchesDl4jInDouble() {
        NetworkSpec spec = spec("leaky-0.2", 5, new LayerSpec.Dense("h", 7, Activation.LEAKYRELU, 0.2),
                new LayerSpec.Dense("out", 3, Activation.IDENTITY, 0.2));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 3, DataType.DOUBLE);
        try (DensePlan plan = new DensePlan(DenseChain.of(spec), BATCH, DataType.DOUBLE)) {
            plan.parameters().assign(net.params());
            INDArray x = data(9, BATCH, 5, DataType.DOUBLE);
            double err = maxRelative(plan.forward(x), net.output(x, false));
            assertTrue(err < 1e-14, "relative difference " + err);
        }
    }

    @Test
    void parametersKeepDl4jsLayoutAndForwardMatchesDl4jInFloat() {
        for (NetworkSpec spec : specs()) {
            MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 3, DataType.FLOAT);
            DenseChain chain = DenseChain.of(spec);
            assertEquals(net.numParams(), chain.parameters(), spec.name());
            try (DensePlan plan = new DensePlan(chain, BATCH, DataType.FLOAT)) {
                plan.parameters().assign(net.params());
                INDArray x = data(1, BATCH, spec.input().size(), DataType.FLOAT);
                INDArray expected = net.output(x, false);
                assertTrue(maxRelative(plan.forward(x), expected) < 1e-6, spec.name() + " forward");
                // run twice: the preallocated buffers give the same answer again
                assertTrue(maxRelative(plan.forward(x), expected) < 1e-6, spec.name() + " forward again");
            }
        }
    }

    @Test
    void gradientsMatchDl4jsBackpropSummedOverTheBatch() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (NetworkSpec spec : specs()) {
                MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 5, type);
                INDArray x = data(2, BATCH, spec.input().size(), type);
                INDArray eps = data(3, BATCH, spec.output().size(), type);
                net.setInput(x);
                net.feedForward(true, false);
                Pair<Gradient, INDArray> back = net.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces());
                try (DensePlan plan = new DensePlan(DenseChain.of(spec), BATCH, type)) {
                    plan.parameters().assign(net.params());
                    plan.forward(x);
                    plan.backward(eps);
                    double tol = type == DataType.FLOAT ? 1e-5 : 1e-12;
                    String what = spec.name() + " " + type;
                    double gErr = maxRelative(plan.gradient(), back.getFirst().gradient());
                    assertTrue(gErr < tol, what + " parameters " + gErr);
                    double xErr = maxRelative(plan.inputGradient(), back.getSecond());
                    assertTrue(xErr < tol, what + " input " + xErr);
                }
            }
        }
    }

    /** ½ Σ out² in double through the plan: its gradient is backward(out). */
    private static double halfSquares(DensePlan plan, double[] theta, INDArray x) {
        plan.parameters().assign(Nd4j.createFromArray(theta).reshape(1, theta.length));
        INDArray out = plan.forward(x);
        double s = out.norm2Number().doubleValue();
        return 0.5 * s * s;
    }

    @Test
    void gradientsMatchFiniteDifferencesInDouble() {
        for (NetworkSpec spec : specs()) {
            MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 7, DataType.DOUBLE);
            INDArray x = data(4, BATCH, spec.input().size(), DataType.DOUBLE);
            try (DensePlan plan = new DensePlan(DenseChain.of(spec), BATCH, DataType.DOUBLE)) {
                double[] theta = net.params().toDoubleVector();
                halfSquares(plan, theta, x);
                double[] g = plan.backward(plan.output()).toDoubleVector();
                double[] fd = new double[theta.length];
                double h = 1e-6;
                for (int i = 0; i < theta.length; i++) {
                    double[] t = theta.clone();
                    t[i] += h;
                    double up = halfSquares(plan, t, x);
                    t[i] -= 2 * h;
                    fd[i] = (up - halfSquares(plan, t, x)) / (2 * h);
                }
                assertTrue(relative(g, fd) < 1e-6, spec.name() + ": " + relative(g, fd));
            }
        }
    }

    private static double relative(double[] a, double[] b) {
        double err = 0;
        double scale = 1e-12;
        for (int i = 0; i < a.length; i++) {
            err = Math.max(err, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return err / scale;
    }

    /** Loss, gradient and exact H·v of each head on each spec, in double, against central differences. */
    @Test
    void hessianVectorProductsMatchCentralDifferencesOfGradients() {
        for (NetworkSpec spec : specs()) {
            for (int headIndex = 0; headIndex < 3; headIndex++) {
                INDArray x = data(5, BATCH, spec.input().size(), DataType.DOUBLE);
                INDArray target = headIndex == 2 ? oneHot(BATCH, spec.output().size())
                        : data(6, BATCH, spec.output().size(), DataType.DOUBLE).addi(1).muli(0.5);
                LossHead head = switch (headIndex) {
                    case 0 -> LossHead.squaredError(1.0 / BATCH);
                    case 1 -> LossHead.sigmoidCrossEntropy(1.0 / BATCH);
                    default -> LossHead.softmaxCrossEntropy(1.0 / BATCH);
                };
                MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 8,
                        DataType.DOUBLE);
                try (ExactCurvature c = new ExactCurvature(new DensePlan(DenseChain.of(spec), BATCH,
                        DataType.DOUBLE), head, x, target)) {
                    double[] theta = net.params().toDoubleVector();
                    Random r = new Random(9);
                    double[] v = new double[theta.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.nextGaussian();
                    }
                    double h = 1e-5;
                    double[] plus = c.gradient(add(theta, h, v));
                    double[] minus = c.gradient(add(theta, -h, v));
                    double[] fd = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        fd[i] = (plus[i] - minus[i]) / (2 * h);
                    }
                    double[] hv = c.hessianVector(theta, v);
                    String what = spec.name() + " " + head.describe();
                    assertTrue(relative(hv, fd) < 1e-6, what + ": " + relative(hv, fd));
                    // the gradient itself against differences of the loss along v
                    double slope = (c.loss(add(theta, h, v)) - c.loss(add(theta, -h, v))) / (2 * h);
                    double[] g = c.gradient(theta);
                    double dot = 0;
                    for (int i = 0; i < v.length; i++) {
                        dot += g[i] * v[i];
                    }
                    assertEquals(slope, dot, 1e-7 * Math.max(1, Math.abs(dot)), what + " gradient");
                }
            }
        }
    }

    @Test
    void floatProductsAgreeWithDoubleProducts() {
        NetworkSpec spec = specs().get(0);
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 8, DataType.DOUBLE);
        INDArray x = data(5, BATCH, spec.input().size(), DataType.DOUBLE);
        INDArray target = data(6, BATCH, spec.output().size(), DataType.DOUBLE);
        double[] theta = net.params().toDoubleVector();
        double[] v = theta.clone();
        double[][] hv = new double[2][];
        DataType[] types = {DataType.DOUBLE, DataType.FLOAT};
        for (int k = 0; k < 2; k++) {
            try (ExactCurvature c = new ExactCurvature(new DensePlan(DenseChain.of(spec), BATCH, types[k]),
                    LossHead.squaredError(1), x, target)) {
                hv[k] = c.hessianVector(theta, v);
            }
        }
        assertTrue(relative(hv[1], hv[0]) < 1e-5, "float " + relative(hv[1], hv[0]));
    }

    @Test
    void refusesLayersItDoesNotRunYet() {
        NetworkSpec conv = new NetworkSpec("critic", Shape.image(1, 8, 8), List.of(
                new LayerSpec.Conv2D("c1", 4, 3, 1, Padding.SAME, Activation.RELU, 0.2),
                new LayerSpec.Flatten("flat"), layer("out", 1, Activation.IDENTITY)));
        LabException e = assertThrows(LabException.class, () -> DenseChain.of(conv));
        assertEquals("the engine runs dense networks so far; layer 'c1' of network 'critic' is conv2d", e.getMessage());
        NetworkSpec flat = new NetworkSpec("mlp", Shape.image(1, 2, 2), List.of(new LayerSpec.Flatten("flat"),
                layer("out", 3, Activation.TANH)));
        assertEquals(4, DenseChain.of(flat).inputs());
    }

    private static INDArray oneHot(int n, int classes) {
        Random r = new Random(10);
        INDArray y = Nd4j.create(DataType.DOUBLE, n, classes);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, r.nextInt(classes), 1);
        }
        return y;
    }

    private static double[] add(double[] a, double h, double[] v) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += h * v[i];
        }
        return out;
    }
}
