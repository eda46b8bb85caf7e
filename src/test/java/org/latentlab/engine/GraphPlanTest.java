package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Graphs that are not chains on the engine against the same graphs on DL4J's {@code ComputationGraph} (same flat
 * parameters, random ones): a conditional GAN's discriminator (x and a one-hot label side by side, Mirza and
 * Osindero 2014), a discriminator with a score head and InfoGAN's Q head on one trunk (Chen et al. 2016) and a
 * BiGAN-like joint discriminator of (x, z) pairs (Donahue et al. 2017) whose x is read twice. Forward output in
 * float and double, gradients to the parameters and to each input, and in double against central finite
 * differences; Pearlmutter's R-operator against finite differences of the gradients.
 */
class GraphPlanTest {

    /** A graph built with DL4J's graph builder, the sizes of its inputs and its batch for the checks. */
    private record Case(String name, Function<DataType, ComputationGraph> net, long[] inputSizes, int batch) {
    }

    private static DenseLayer dense(long in, long out, IActivation a) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(a).build();
    }

    private static ComputationGraphConfiguration.GraphBuilder builder(DataType type) {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(type).weightInit(WeightInit.XAVIER)
                .updater(new Sgd(0.1)).trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE).graphBuilder();
    }

    private static ComputationGraph init(ComputationGraphConfiguration conf) {
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    private static List<Case> cases() {
        Case conditional = new Case("conditional D", type -> init(builder(type)
                .addInputs("x", "label")
                .addVertex("joined", new MergeVertex(), "x", "label")
                .addLayer("h", dense(9, 8, new ActivationLReLU(0.2)), "joined")
                .addLayer("score", dense(8, 1, new ActivationIdentity()), "h")
                .setOutputs("score").build()), new long[] {6, 3}, 5);
        Case twoHeads = new Case("score and Q heads", type -> init(builder(type)
                .addInputs("x")
                .addLayer("trunk", dense(5, 7, new ActivationTanH()), "x")
                .addLayer("score", dense(7, 1, new ActivationIdentity()), "trunk")
                .addLayer("q", dense(7, 3, new ActivationSigmoid()), "trunk")
                .setOutputs("score", "q").build()), new long[] {5}, 4);
        return List.of(conditional, twoHeads, joint("score"));
    }

    /** The joint (x, z) discriminator, x read by its own layer and by the concatenation, with the given outputs. */
    private static Case joint(String... outputs) {
        return new Case("joint (x, z) D, outputs " + String.join(", ", outputs), type -> init(builder(type)
                .addInputs("x", "z")
                .addLayer("hx", dense(4, 5, new ActivationReLU()), "x")
                .addLayer("hz", dense(2, 3, new ActivationTanH()), "z")
                .addVertex("joined", new MergeVertex(), "hx", "hz", "x")
                .addLayer("h", dense(12, 6, new ActivationLReLU(0.1)), "joined")
                .addLayer("score", dense(6, 1, new ActivationIdentity()), "h")
                .setOutputs(outputs).build()), new long[] {4, 2}, 3);
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

    /** One-hot rows of {@code classes} values, the label of a conditional GAN. */
    private static INDArray oneHot(long seed, int batch, long classes, DataType type) {
        Random r = new Random(seed);
        INDArray a = Nd4j.zeros(type, batch, classes);
        for (int i = 0; i < batch; i++) {
            a.putScalar(i, r.nextInt((int) classes), 1);
        }
        return a;
    }

    private static double maxRelative(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE).reshape(a.length());
        INDArray y = b.castTo(DataType.DOUBLE).reshape(b.length());
        double scale = Math.max(1e-12, y.amaxNumber().doubleValue());
        return x.sub(y).amaxNumber().doubleValue() / scale;
    }

    /** The network with random parameters around its initial ones. */
    private static ComputationGraph randomised(Case c, DataType type) {
        ComputationGraph net = c.net().apply(type);
        net.params().addi(data(31, net.params().shape(), type, 0.3));
        return net;
    }

    private static INDArray[] inputs(Case c, DataType type, long seed) {
        INDArray[] x = new INDArray[c.inputSizes().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.name().startsWith("conditional") && i == 1 ? oneHot(seed + i, c.batch(), c.inputSizes()[i], type)
                    : data(seed + i, new long[] {c.batch(), c.inputSizes()[i]}, type, 1);
        }
        return x;
    }

    /** DL4J's gradients to the inputs: what its backward pass leaves as each input vertex's epsilon. */
    private static final class Oracle extends ComputationGraph {
        Oracle(ComputationGraphConfiguration conf) {
            super(conf);
            init();
        }

        INDArray[] inputGradients(INDArray... epsilons) {
            calcBackpropGradients(false, false, epsilons);
            List<String> names = getConfiguration().getNetworkInputs();
            INDArray[] g = new INDArray[names.size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = getVertex(names.get(i)).getEpsilon();
                assertNotNull(g[i], "no gradient reached input " + names.get(i));
                g[i] = g[i].dup();
            }
            return g;
        }
    }

    private static void sideBySide(Case c, DataType type, double tolerance) {
        ComputationGraph net = randomised(c, type);
        Oracle oracle = new Oracle(net.getConfiguration().clone());
        oracle.setParams(net.params().dup());
        Graph graph = Graph.of(net, c.inputSizes()).orElseThrow(() -> new AssertionError(c.name() + " not read"));
        assertEquals(net.numParams(), graph.parameters(), c.name());
        INDArray params = net.params().dup();
        INDArray gradient = Nd4j.create(type, 1, graph.parameters());
        try (GraphPlan plan = new GraphPlan(graph, c.batch(), params, gradient)) {
            for (int round = 0; round < 2; round++) {
                String at = c.name() + " " + type + " round " + round;
                INDArray[] x = inputs(c, type, 100 + 10L * round);
                List<INDArray> out = plan.forward(x).stream().map(INDArray::dup).toList();
                Map<String, INDArray> acts = oracle.feedForward(x, true, false); // the layers keep their inputs for the backward pass
                List<String> names = net.getConfiguration().getNetworkOutputs();
                INDArray[] dOut = new INDArray[names.size()];
                for (int o = 0; o < names.size(); o++) {
                    INDArray expected = acts.get(names.get(o));
                    assertArrayEquals(expected.shape(), out.get(o).shape(), at);
                    double err = maxRelative(out.get(o), expected);
                    assertTrue(err < tolerance, at + ": output " + names.get(o) + " " + err);
                    dOut[o] = data(200 + 10L * round + o, expected.shape(), type, 1);
                }
                List<INDArray> dx = plan.backward(dOut).stream().map(INDArray::dup).toList();
                INDArray[] expectedDx = oracle.inputGradients(dOut);
                for (int i = 0; i < dx.size(); i++) {
                    double err = maxRelative(dx.get(i), expectedDx[i]);
                    assertTrue(err < tolerance, at + ": gradient to input " + i + " " + err);
                }
                double err = maxRelative(gradient, oracle.getGradientsViewArray());
                assertTrue(err < tolerance, at + ": parameter gradient " + err);
                // the input gradient alone is the full backward pass's
                List<INDArray> alone = plan.inputGradient(dOut);
                for (int i = 0; i < dx.size(); i++) {
                    assertEquals(0.0, maxRelative(alone.get(i), dx.get(i)), 0.0, at);
                }
            }
        }
    }

    @Test
    void forwardAndGradientsMatchDl4jsComputationGraphInFloatAndDouble() {
        for (Case c : cases()) {
            sideBySide(c, DataType.DOUBLE, 1e-12);
            sideBySide(c, DataType.FLOAT, 2e-6);
        }
    }

    @Test
    void theBackpropGradientOfDl4jEqualsThePlansParameterGradient() {
        // the same check through DL4J's public entry point (feedForward, then backpropGradient)
        Case c = cases().get(1);
        ComputationGraph net = randomised(c, DataType.DOUBLE);
        Graph graph = Graph.of(net, c.inputSizes()).orElseThrow();
        INDArray gradient = Nd4j.create(DataType.DOUBLE, 1, graph.parameters());
        try (GraphPlan plan = new GraphPlan(graph, c.batch(), net.params().dup(), gradient)) {
            INDArray[] x = inputs(c, DataType.DOUBLE, 9);
            plan.forward(x);
            net.feedForward(x, true, false);
            INDArray[] dOut = {data(1, new long[] {c.batch(), 1}, DataType.DOUBLE, 1),
                    data(2, new long[] {c.batch(), 3}, DataType.DOUBLE, 1)};
            plan.backward(dOut);
            net.backpropGradient(dOut);
            assertTrue(maxRelative(gradient, net.getGradientsViewArray()) < 1e-12);
        }
    }

    /**
     * In double, against central finite differences of L = Σ_o Σ r_o ⊙ output_o; the last case has an output that
     * another node reads too, whose gradient is the sum of both (DL4J's {@code ComputationGraph} gives another one
     * there, so finite differences alone are its oracle).
     */
    @Test
    void gradientsEqualCentralFiniteDifferencesInDouble() {
        List<Case> all = new ArrayList<>(cases());
        all.add(joint("score", "hz"));
        for (Case c : all) {
            ComputationGraph net = randomised(c, DataType.DOUBLE);
            Graph graph = Graph.of(net, c.inputSizes()).orElseThrow();
            INDArray params = net.params().dup();
            INDArray gradient = Nd4j.create(DataType.DOUBLE, 1, graph.parameters());
            try (GraphPlan plan = new GraphPlan(graph, c.batch(), params, gradient)) {
                INDArray[] x = inputs(c, DataType.DOUBLE, 4);
                List<INDArray> out = plan.forward(x);
                INDArray[] r = new INDArray[out.size()];
                for (int o = 0; o < r.length; o++) {
                    r[o] = data(5 + o, out.get(o).shape(), DataType.DOUBLE, 1);
                }
                List<INDArray> dx = plan.backward(r).stream().map(INDArray::dup).toList();
                INDArray dTheta = gradient.dup();
                Function<INDArray[], Double> loss = in -> {
                    List<INDArray> y = plan.forward(in);
                    double s = 0;
                    for (int o = 0; o < r.length; o++) {
                        s += y.get(o).mul(r[o]).sumNumber().doubleValue();
                    }
                    return s;
                };
                INDArray theta = params.reshape(params.length()); // a view
                double h = 1e-6;
                double worst = 0;
                for (long i = 0; i < graph.parameters(); i++) {
                    double keep = theta.getDouble(i);
                    theta.putScalar(i, keep + h);
                    double up = loss.apply(x);
                    theta.putScalar(i, keep - h);
                    double down = loss.apply(x);
                    theta.putScalar(i, keep);
                    double fd = (up - down) / (2 * h);
                    worst = Math.max(worst, Math.abs(fd - dTheta.getDouble(0, i)) / Math.max(1, Math.abs(fd)));
                }
                for (int k = 0; k < x.length; k++) {
                    for (long i = 0; i < x[k].length(); i++) {
                        INDArray[] xp = x.clone();
                        xp[k] = x[k].dup();
                        INDArray flat = xp[k].reshape(xp[k].length());
                        double keep = flat.getDouble(i);
                        flat.putScalar(i, keep + h);
                        double up = loss.apply(xp);
                        flat.putScalar(i, keep - h);
                        double down = loss.apply(xp);
                        double fd = (up - down) / (2 * h);
                        worst = Math.max(worst, Math.abs(fd - dx.get(k).reshape(dx.get(k).length()).getDouble(i))
                                / Math.max(1, Math.abs(fd)));
                    }
                }
                assertTrue(worst < 1e-7, c.name() + ": finite differences " + worst);
            }
        }
    }

    /**
     * Pearlmutter's R-operator along a parameter direction v and input directions u together, at L = Σ_o Σ r_o ⊙
     * output_o: R{∂L/∂θ} and R{dL/dx} against central differences of the gradients along v alone (the
     * Hessian-vector product H·v), along (v, u) and along u alone (a gradient penalty's mixed term), in double.
     */
    @Test
    void theROperatorEqualsFiniteDifferencesOfTheGradientsInDouble() {
        List<Case> all = new ArrayList<>(cases());
        all.add(joint("score", "hz"));
        for (Case c : all) {
            ComputationGraph net = randomised(c, DataType.DOUBLE);
            Graph graph = Graph.of(net, c.inputSizes()).orElseThrow();
            INDArray params = net.params().dup();
            INDArray gradient = Nd4j.create(DataType.DOUBLE, 1, graph.parameters());
            try (GraphPlan plan = new GraphPlan(graph, c.batch(), params, gradient)) {
                INDArray[] x = inputs(c, DataType.DOUBLE, 4);
                List<INDArray> out = plan.forward(x);
                INDArray[] r = new INDArray[out.size()];
                for (int o = 0; o < r.length; o++) {
                    r[o] = data(5 + o, out.get(o).shape(), DataType.DOUBLE, 1);
                }
                INDArray v = data(6, gradient.shape(), DataType.DOUBLE, 1);
                INDArray[] u = new INDArray[x.length];
                for (int k = 0; k < x.length; k++) {
                    u[k] = data(7 + k, x[k].shape(), DataType.DOUBLE, 1);
                }
                for (int mode = 0; mode < 3; mode++) {
                    boolean alongParameters = mode < 2;
                    boolean alongInputs = mode > 0;
                    String at = c.name() + (mode == 0 ? " along v" : mode == 1 ? " along (v, u)" : " along u");
                    plan.forward(x);
                    plan.backward(r);
                    GraphCurvature curvature = plan.curvature();
                    INDArray hv;
                    if (alongParameters) {
                        curvature.direction().assign(v);
                        for (int k = 0; k < x.length; k++) {
                            curvature.rInputs().get(k).assign(alongInputs ? u[k] : Nd4j.zerosLike(u[k]));
                        }
                        curvature.rOutputGradients().forEach(g -> g.assign(0)); // L is linear in the outputs
                        curvature.rForward(true);
                        hv = curvature.rBackward(true).dup();
                    } else {
                        hv = curvature.inputDirectionalGradient(u).dup();
                    }
                    List<INDArray> rdx = curvature.rInputGradients().stream().map(INDArray::dup).toList();
                    double h = 1e-5;
                    INDArray theta = params.reshape(params.length());
                    INDArray keep = theta.dup();
                    INDArray[] gradients = new INDArray[2];
                    List<List<INDArray>> inputGradients = new ArrayList<>();
                    for (int side = 0; side < 2; side++) {
                        double t = side == 0 ? h : -h;
                        theta.assign(alongParameters ? keep.add(v.reshape(theta.shape()).mul(t)) : keep);
                        INDArray[] xt = new INDArray[x.length];
                        for (int k = 0; k < x.length; k++) {
                            xt[k] = alongInputs ? x[k].add(u[k].mul(t)) : x[k];
                        }
                        plan.forward(xt);
                        inputGradients.add(plan.backward(r).stream().map(INDArray::dup).toList());
                        gradients[side] = gradient.dup();
                    }
                    theta.assign(keep);
                    INDArray fd = gradients[0].sub(gradients[1]).div(2 * h);
                    assertTrue(maxRelative(hv, fd) < 1e-6, at + ": R{dL/dθ} " + maxRelative(hv, fd));
                    for (int k = 0; k < x.length; k++) {
                        INDArray fdx = inputGradients.get(0).get(k).sub(inputGradients.get(1).get(k)).div(2 * h);
                        double err = maxRelative(rdx.get(k), fdx);
                        assertTrue(err < 1e-6, at + ": R{dL/dx} of input " + k + " " + err);
                    }
                }
            }
        }
    }

    @Test
    void inputsComeFirstThenDl4jsTopologicalOrder() {
        Case c = cases().get(2);
        ComputationGraph net = c.net().apply(DataType.FLOAT);
        Graph graph = Graph.of(net, c.inputSizes()).orElseThrow();
        List<String> names = new ArrayList<>(List.of("x", "z"));
        for (int i : net.topologicalSortOrder()) {
            if (!net.getVertices()[i].isInputVertex()) {
                names.add(net.getVertices()[i].getVertexName());
            }
        }
        assertEquals(names, graph.nodes().stream().map(Graph.Node::name).toList());
        assertEquals(List.of("x", "z"), graph.inputNodes().stream().map(Graph.Node::name).toList());
        Graph.Layers h = (Graph.Layers) graph.nodes().stream().filter(n -> n.name().equals("h")).findFirst()
                .orElseThrow();
        assertEquals(Activation.LEAKYRELU, ((ChainActivation) h.layers().get(1)).activation());
    }

    @Test
    void aGraphThatReadsALaterNodeOrOtherLayersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Graph(List.of(
                new Graph.Layers("h", "x", List.of(new ChainDense("h", 2, 2))), new Graph.Input("x", 2)),
                List.of("h")));
        ComputationGraph dropout = init(builder(DataType.FLOAT).addInputs("x")
                .addLayer("h", new DenseLayer.Builder().nIn(2).nOut(2).dropOut(0.5).build(), "x")
                .setOutputs("h").build());
        assertTrue(Graph.of(dropout, 2).isEmpty());
    }
}
