package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.experiment.Presets;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chains with convolutions, batch normalisation, activation layers, upsampling, pooling and reshapes on the engine against
 * the same networks on DL4J's layer objects (same flat parameters, random ones, the running statistics included):
 * the training-mode output (float and double), the gradients to the parameters (the running statistics' steps
 * included) and to the input, and several optimiser steps, per layer kind and for the DCGAN preset's G and D and
 * the convolutional autoencoder's encoder and decoder; in double, against central finite differences.
 */
class ChainPlanTest {

    private record Case(String name, NetworkSpec spec, int batch) {
    }

    private static LayerSpec.Dense dense(String name, int units, Activation a) {
        return new LayerSpec.Dense(name, units, a, 0.2);
    }

    private static List<Case> layerCases() {
        Shape image = Shape.image(2, 6, 6);
        return List.of(
                new Case("dense tanh, sigmoid", new NetworkSpec("d", Shape.vector(5), List.of(
                        dense("h", 4, Activation.TANH), dense("o", 3, Activation.SIGMOID))), 3),
                new Case("conv leaky relu, flatten, dense", new NetworkSpec("c", image, List.of(
                        new LayerSpec.Conv2D("c", 3, 3, 2, Padding.SAME, Activation.LEAKYRELU, 0.2),
                        new LayerSpec.Flatten("f"), dense("o", 2, Activation.IDENTITY))), 3),
                new Case("dense, reshape, deconv relu, deconv tanh", new NetworkSpec("g", Shape.vector(4), List.of(
                        dense("fc", 2 * 3 * 3, Activation.IDENTITY),
                        new LayerSpec.Reshape("r", 2, 3, 3),
                        new LayerSpec.Deconv2D("u1", 3, 4, 2, Padding.SAME, Activation.RELU, 0.2),
                        new LayerSpec.Deconv2D("u2", 1, 3, 1, Padding.SAME, Activation.TANH, 0.2))), 2),
                new Case("batch norm on features, activation layers", new NetworkSpec("bn", Shape.vector(4), List.of(
                        dense("h", 5, Activation.IDENTITY), new LayerSpec.BatchNorm("bn"),
                        new LayerSpec.Act("a", Activation.LEAKYRELU, 0.25), dense("o", 2, Activation.IDENTITY),
                        new LayerSpec.Act("s", Activation.SIGMOID, 0.2))), 6),
                new Case("batch norm on channels", new NetworkSpec("bnc", image, List.of(
                        new LayerSpec.Conv2D("c", 3, 3, 1, Padding.SAME, Activation.IDENTITY, 0.2),
                        new LayerSpec.BatchNorm("bn"), new LayerSpec.Act("r", Activation.RELU, 0.2),
                        new LayerSpec.Conv2D("c2", 2, 3, 2, Padding.VALID, Activation.TANH, 0.2))), 3),
                new Case("upsampling", new NetworkSpec("up", Shape.image(2, 3, 4), List.of(
                        new LayerSpec.Upsample2D("u", 2),
                        new LayerSpec.Conv2D("c", 2, 3, 1, Padding.SAME, Activation.IDENTITY, 0.2))), 2),
                new Case("max and average pooling", new NetworkSpec("pool", Shape.image(2, 7, 7), List.of(
                        new LayerSpec.Conv2D("c", 3, 3, 1, Padding.SAME, Activation.RELU, 0.2),
                        new LayerSpec.Pool2D("max", LayerSpec.Pool2D.Pooling.MAX, 2, 2),
                        new LayerSpec.Pool2D("avg", LayerSpec.Pool2D.Pooling.AVG, 2, 1),
                        new LayerSpec.Flatten("f"), dense("o", 2, Activation.IDENTITY))), 3));
    }

    private static List<Case> presetCases() {
        var dcgan = Presets.loadGan("fashion-dcgan");
        var ae = Presets.loadReconstruction("mnist-conv-ae");
        return List.of(new Case("DCGAN G", dcgan.generator(), 4), new Case("DCGAN D", dcgan.discriminator(), 5),
                new Case("conv AE encoder", ae.encoder(), 3), new Case("conv AE decoder", ae.decoder(), 3));
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

    /** Two copies of the network with the same random parameters (γ near 1, running σ² near 1). */
    private static MultiLayerNetwork[] twins(NetworkSpec spec, DataType type, OptimizerSpec optimizer) {
        MultiLayerNetwork a = NetworkCompiler.compile(spec, optimizer, 7, type);
        MultiLayerNetwork b = NetworkCompiler.compile(spec, optimizer, 7, type);
        INDArray noise = data(31, new long[] {1, a.numParams()}, type, 0.3);
        a.params().addi(noise.reshape(a.params().shape()));
        b.setParams(a.params().dup());
        return new MultiLayerNetwork[] {a, b};
    }

    private static long[] inputShape(Case c) {
        return new long[] {c.batch(), c.spec().input().size()};
    }

    @Test
    void everyCaseCompilesOntoTheChainWithDl4jsParameterCount() {
        List<Case> all = new ArrayList<>(layerCases());
        all.addAll(presetCases());
        for (Case c : all) {
            MultiLayerNetwork net = NetworkCompiler.compile(c.spec(), OptimizerSpec.adam(1e-3, 0.5), 1,
                    DataType.FLOAT);
            Chain chain = Chain.of(net).orElseThrow(() -> new AssertionError(c.name() + " does not compile"));
            assertEquals(net.numParams(), chain.parameters(), c.name());
            assertEquals(c.spec().input().size(), chain.inputSize(), c.name());
            try (TrainingNetwork t = TrainingNetwork.of(net)) {
                assertTrue(t.onEngine(), c.name());
            }
        }
    }

    private static List<Case> dropoutCases() {
        return List.of(
                new Case("dropout on the input and between dense layers", new NetworkSpec("drop",
                        Shape.vector(6), List.of(new LayerSpec.Dropout("in", 0.2), dense("h", 8, Activation.RELU),
                        new LayerSpec.Dropout("d", 0.3), dense("o", 2, Activation.IDENTITY))), 5),
                // (not first on an image: DL4J's own network then fails its workspace check in inference)
                new Case("dropout on channels", new NetworkSpec("dropc", Shape.image(2, 6, 6), List.of(
                        new LayerSpec.Conv2D("c", 3, 3, 2, Padding.SAME, Activation.TANH, 0.2),
                        new LayerSpec.Dropout("d", 0.5), new LayerSpec.Flatten("f"),
                        dense("o", 2, Activation.IDENTITY))), 3));
    }

    @Test
    void dropoutRunsOnTheEngineWithDl4jsMasks() {
        for (Case c : dropoutCases()) {
            MultiLayerNetwork net = NetworkCompiler.compile(c.spec(), OptimizerSpec.adam(1e-3, 0.5), 1,
                    DataType.FLOAT);
            try (TrainingNetwork t = TrainingNetwork.of(net)) {
                assertTrue(t.onEngine(), c.name());
            }
            // the same random state draws the same masks, so every step equals DL4J's
            sideBySide(c, DataType.DOUBLE, 1e-10, 3);
            sideBySide(c, DataType.FLOAT, 2e-5, 3);
        }
    }

    @Test
    void dropoutDropsItsRateOfUnitsAndScalesTheRestByTheKeepProbability() {
        NetworkSpec spec = new NetworkSpec("drop", Shape.vector(400), List.of(new LayerSpec.Dropout("d", 0.3),
                dense("o", 1, Activation.IDENTITY)));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 1, DataType.DOUBLE);
        Chain chain = Chain.of(net).orElseThrow();
        INDArray gradient = Nd4j.create(DataType.DOUBLE, 1, chain.parameters());
        try (ChainPlan plan = new ChainPlan(chain, 50, net.params(), gradient)) {
            plan.forward(Nd4j.ones(DataType.DOUBLE, 50, 400));
            INDArray dx = plan.backward(Nd4j.ones(DataType.DOUBLE, 50, 1));
            // dL/dx = w ⊙ mask: 0 where dropped, w / 0.7 where kept
            INDArray w = net.getLayer(1).getParam("W").reshape(1, 400);
            INDArray ratio = dx.div(w.broadcast(50, 400));
            long kept = ratio.gt(0.5).castTo(DataType.DOUBLE).sumNumber().longValue();
            long dropped = ratio.lt(1e-12).castTo(DataType.DOUBLE).sumNumber().longValue();
            assertEquals(20_000, kept + dropped, "every value is kept or dropped");
            assertEquals(0.3, dropped / 20_000.0, 0.015, "the share dropped");
            assertEquals(1 / 0.7, ratio.maxNumber().doubleValue(), 1e-12, "kept values scaled by 1/p");
        }
    }

    /**
     * The engine and DL4J's layer objects side by side over {@code steps} training steps: output, input gradient,
     * parameter gradient, parameters and optimiser state after each step.
     */
    private static void sideBySide(Case c, DataType type, double tolerance, int steps) {
        // Adam turns float rounding in a gradient that is zero in exact arithmetic (a bias under batch
        // normalisation) into a full step; plain gradient descent keeps the comparison meaningful in float
        OptimizerSpec optimizer = type == DataType.DOUBLE ? OptimizerSpec.adam(1e-2, 0.5)
                : new OptimizerSpec(OptimizerSpec.Kind.SGD, 1e-2, 0, 0);
        MultiLayerNetwork[] nets = twins(c.spec(), type, optimizer);
        // the chain plan even where a dense plan would run the network
        try (TrainingNetwork engine = new PlannedNetwork(nets[0], Chain.of(nets[0]).orElseThrow());
             TrainingNetwork layers = new LayerObjectNetwork(nets[1])) {
            assertTrue(engine.onEngine(), c.name());
            for (int step = 0; step < steps; step++) {
                String at = c.name() + " " + type + " step " + step;
                INDArray x = data(100 + step, inputShape(c), type, 1);
                Nd4j.getRandom().setSeed(1000 + step); // dropout's masks: the same draws on both sides
                INDArray outA = engine.forward(x).dup();
                Nd4j.getRandom().setSeed(1000 + step);
                INDArray outB = layers.forward(x).dup();
                assertArrayEquals(outB.shape(), outA.shape(), at);
                double err = maxRelative(outA, outB);
                assertTrue(err < tolerance, at + ": output " + err);
                INDArray dOut = data(200 + step, outA.shape(), type, 1);
                INDArray dxA = engine.backward(dOut).dup();
                INDArray dxB = layers.backward(dOut).dup();
                err = maxRelative(dxA, dxB);
                assertTrue(err < tolerance, at + ": input gradient " + err);
                err = maxRelative(engine.gradient(), layers.gradient());
                assertTrue(err < tolerance, at + ": parameter gradient " + err);
                engine.update(step);
                layers.update(step);
                err = maxRelative(nets[0].params(), nets[1].params());
                assertTrue(err < tolerance, at + ": parameters after the step " + err);
                if (nets[0].getUpdater().getStateViewArray() != null) {
                    err = maxRelative(nets[0].getUpdater().getStateViewArray(),
                            nets[1].getUpdater().getStateViewArray());
                    assertTrue(err < tolerance, at + ": optimiser state after the step " + err);
                }
            }
            // DL4J's own inference (running statistics included) reads what the engine trained
            INDArray x = data(7, inputShape(c), type, 1);
            assertTrue(maxRelative(nets[0].output(x, false), nets[1].output(x, false)) < tolerance, c.name());
        }
    }

    @Test
    void eachLayerKindMatchesDl4jInFloatAndDouble() {
        for (Case c : layerCases()) {
            sideBySide(c, DataType.DOUBLE, 1e-10, 3);
            sideBySide(c, DataType.FLOAT, 2e-5, 3);
        }
    }

    @Test
    void dcganAndConvAutoencoderNetworksMatchDl4jInFloatAndDouble() {
        for (Case c : presetCases()) {
            sideBySide(c, DataType.FLOAT, 1e-4, 3);
            sideBySide(c, DataType.DOUBLE, 1e-9, 2);
        }
    }

    @Test
    void theInputGradientAloneEqualsTheFullBackwardPass() {
        Case c = presetCases().get(1);
        MultiLayerNetwork net = twins(c.spec(), DataType.DOUBLE, OptimizerSpec.adam(1e-3, 0.5))[0];
        try (TrainingNetwork engine = TrainingNetwork.of(net)) {
            INDArray x = data(1, inputShape(c), DataType.DOUBLE, 1);
            INDArray dOut = data(2, new long[] {c.batch(), 1}, DataType.DOUBLE, 1);
            engine.forward(x);
            INDArray full = engine.backward(dOut).dup();
            engine.forward(x);
            assertEquals(0.0, maxRelative(engine.inputGradient(dOut), full), 1e-15);
        }
    }

    @Test
    void aStepMovesTheRunningStatisticsAsDl4jsMovingAverage() {
        NetworkSpec spec = new NetworkSpec("bn", Shape.vector(3), List.of(new LayerSpec.BatchNorm("bn")));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-2, 0.5), 1, DataType.DOUBLE);
        Chain chain = Chain.of(net).orElseThrow();
        ChainBatchNorm bn = (ChainBatchNorm) chain.layers().get(0);
        try (TrainingNetwork engine = TrainingNetwork.of(net)) {
            INDArray x = data(3, new long[] {8, 3}, DataType.DOUBLE, 2);
            engine.forward(x);
            engine.backward(Nd4j.zeros(DataType.DOUBLE, 8, 3));
            engine.update(0);
            INDArray mean = x.mean(0);
            INDArray variance = x.var(false, 0);
            double d = bn.decay();
            INDArray p = net.params().reshape(net.numParams());
            for (int j = 0; j < 3; j++) {
                assertEquals((1 - d) * mean.getDouble(j), p.getDouble(6 + j), 1e-12, "running mean");
                double var = d * 1 + (1 - d) * variance.getDouble(j); // starts at σ² = 1
                double stat = bn.logStd() ? Math.log10(Math.sqrt(var)) : var;
                assertEquals(stat, p.getDouble(9 + j), 1e-12, "running statistic");
            }
        }
    }

    /** Indices of the running statistics, which the training-mode output does not depend on. */
    private static boolean runningStatistic(Chain chain, long index) {
        long offset = 0;
        for (ChainLayer l : chain.layers()) {
            if (l instanceof ChainBatchNorm bn && index >= offset + l.parameters() / 2
                    && index < offset + l.parameters()) {
                return true;
            }
            offset += l.parameters();
        }
        return false;
    }

    /**
     * Minibatch discrimination, whose DL4J form (a SameDiff layer) is the export format: its forward pass is the
     * oracle for outputs; its input gradient, as DL4J 1.0.0-M2.1 computes it, is twice the central differences of
     * its own output, so gradients are checked against finite differences instead.
     */
    private static List<Case> minibatchCases() {
        return List.of(new Case("minibatch discrimination between dense layers", new NetworkSpec("mbd",
                Shape.vector(4), List.of(dense("h", 5, Activation.LEAKYRELU),
                        new LayerSpec.MinibatchDiscrimination("mbd", 3, 2), dense("o", 1, Activation.IDENTITY))), 6),
                new Case("minibatch discrimination first", new NetworkSpec("mbd0", Shape.vector(3), List.of(
                        new LayerSpec.MinibatchDiscrimination("mbd", 4, 3), dense("o", 2, Activation.TANH))), 5));
    }

    @Test
    void minibatchDiscriminationComputesDl4jsOutputInFloatAndDouble() {
        for (Case c : minibatchCases()) {
            for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
                MultiLayerNetwork net = twins(c.spec(), type, OptimizerSpec.adam(1e-3, 0.5))[0];
                try (TrainingNetwork engine = TrainingNetwork.of(net)) {
                    assertTrue(engine.onEngine(), c.name());
                    INDArray x = data(9, inputShape(c), type, 1);
                    INDArray expected = net.output(x, true);
                    double err = maxRelative(engine.forward(x), expected);
                    assertTrue(err < (type == DataType.DOUBLE ? 1e-12 : 1e-5), c.name() + " " + type + ": " + err);
                }
            }
        }
    }

    @Test
    void gradientsEqualCentralFiniteDifferencesInDouble() {
        List<Case> all = new ArrayList<>(layerCases());
        all.addAll(minibatchCases());
        for (Case c : all) {
            MultiLayerNetwork net = twins(c.spec(), DataType.DOUBLE, OptimizerSpec.adam(1e-3, 0.5))[0];
            Chain chain = Chain.of(net).orElseThrow();
            INDArray params = net.params().dup();
            INDArray gradient = Nd4j.create(DataType.DOUBLE, 1, chain.parameters());
            try (ChainPlan plan = new ChainPlan(chain, c.batch(), params, gradient)) {
                INDArray x = data(4, inputShape(c), DataType.DOUBLE, 1);
                INDArray r = data(5, new long[] {c.batch(), chain.outputSize()}, DataType.DOUBLE, 1);
                plan.forward(x);
                INDArray dx = plan.backward(r).dup();
                INDArray dTheta = gradient.dup();
                INDArray theta = params.reshape(params.length()); // a view
                double h = 1e-6;
                double worst = 0;
                for (long i = 0; i < chain.parameters(); i++) {
                    if (runningStatistic(chain, i)) {
                        continue;
                    }
                    double keep = theta.getDouble(i);
                    theta.putScalar(i, keep + h);
                    double up = plan.forward(x).mul(r).sumNumber().doubleValue();
                    theta.putScalar(i, keep - h);
                    double down = plan.forward(x).mul(r).sumNumber().doubleValue();
                    theta.putScalar(i, keep);
                    double fd = (up - down) / (2 * h);
                    worst = Math.max(worst, Math.abs(fd - dTheta.getDouble(0, i)) / Math.max(1, Math.abs(fd)));
                }
                for (long i = 0; i < x.length(); i++) {
                    INDArray xp = x.dup();
                    INDArray flat = xp.reshape(xp.length());
                    double keep = flat.getDouble(i);
                    flat.putScalar(i, keep + h);
                    double up = plan.forward(xp).mul(r).sumNumber().doubleValue();
                    flat.putScalar(i, keep - h);
                    double down = plan.forward(xp).mul(r).sumNumber().doubleValue();
                    double fd = (up - down) / (2 * h);
                    worst = Math.max(worst, Math.abs(fd - dx.reshape(dx.length()).getDouble(i))
                            / Math.max(1, Math.abs(fd)));
                }
                assertTrue(worst < 1e-7, c.name() + ": finite differences " + worst);
            }
        }
    }
}
