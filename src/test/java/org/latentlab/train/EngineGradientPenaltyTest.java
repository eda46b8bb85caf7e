package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.data.DataSource;
import org.latentlab.engine.TrainingNetwork;
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

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WGAN-GP's penalty on the engine (Pearlmutter's R-operator along an input direction) against the hand-written
 * one for dense critics, and against central finite differences of the penalty computed through DL4J's own backward
 * pass, for dense and convolutional critics, in double precision; and a GAN with a convolutional critic trained with
 * it.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class EngineGradientPenaltyTest {

    private static final double LAMBDA = 10;

    private static INDArray uniform(long seed, long[] shape, double range) {
        Random r = new Random(seed);
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = range * (2 * r.nextDouble() - 1);
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    private static double relative(INDArray a, INDArray b) {
        double scale = Math.max(1e-300, b.amaxNumber().doubleValue());
        return a.sub(b).amaxNumber().doubleValue() / scale;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SIGMOID", "LEAKYRELU", "RELU"})
    void aDenseCriticsPenaltyEqualsTheHandWrittenOne(Activation hidden) {
        MultiLayerNetwork critic = GradientChecks.denseNet("C", 2, hidden, 21, 8, 8, 1);
        INDArray xHat = GradientChecks.uniform(3, 6, 2, 2.0);
        INDArray handWritten = Nd4j.zeros(DataType.DOUBLE, 1, critic.numParams());
        GradientPenalty.Result expected = new GradientPenalty(critic).apply(xHat, LAMBDA, handWritten);

        try (TrainingNetwork d = TrainingNetwork.of(critic)) {
            assertTrue(d.onEngine());
            INDArray exact = Nd4j.zeros(DataType.DOUBLE, 1, critic.numParams());
            GradientPenalty.Result result = new EngineGradientPenalty(d).apply(xHat, LAMBDA, exact);

            assertEquals(expected.penalty(), result.penalty(), 1e-10 * expected.penalty());
            assertEquals(expected.meanGradientNorm(), result.meanGradientNorm(), 1e-10 * expected.meanGradientNorm());
            assertTrue(handWritten.amaxNumber().doubleValue() > 1e-3);
            double err = relative(exact, handWritten);
            assertTrue(err < 1e-10, hidden + ": relative difference " + err);

            double[] numeric = GradientChecks.centralDifferences(critic, () -> GradientChecks.penalty(critic, xHat,
                    LAMBDA));
            double fd = GradientChecks.maxRelativeError(exact.toDoubleVector(), numeric,
                    GradientChecks.absFloor(result.penalty()));
            assertTrue(fd < 1e-6, hidden + ": finite differences " + fd);
        }
    }

    /** conv 4x4 stride 2 leaky ReLU → conv 3x3 tanh → flatten → dense 1, on 1x8x8 images. */
    private static NetworkSpec convCritic() {
        return new NetworkSpec("C", Shape.image(1, 8, 8), List.of(
                new LayerSpec.Conv2D("c1", 3, 4, 2, Padding.SAME, Activation.LEAKYRELU, GradientChecks.LEAKY_ALPHA),
                new LayerSpec.Conv2D("c2", 2, 3, 1, Padding.VALID, Activation.TANH, 0.2),
                new LayerSpec.Flatten("flat"),
                new LayerSpec.Dense("c_out", 1, Activation.IDENTITY, 0.2)));
    }

    @Test
    void aConvolutionalCriticsPenaltyGradientEqualsCentralDifferences() {
        penaltyGradientEqualsCentralDifferences(convCritic());
    }

    /** conv 3x3 leaky ReLU → max pooling 2 stride 2 → flatten → dense 1, on 1x8x8 images. */
    @Test
    void aCriticWithMaxPoolingHasTheExactPenaltyGradient() {
        penaltyGradientEqualsCentralDifferences(new NetworkSpec("C", Shape.image(1, 8, 8), List.of(
                new LayerSpec.Conv2D("c1", 3, 3, 1, Padding.SAME, Activation.LEAKYRELU, GradientChecks.LEAKY_ALPHA),
                new LayerSpec.Pool2D("pool", LayerSpec.Pool2D.Pooling.MAX, 2, 2),
                new LayerSpec.Flatten("flat"),
                new LayerSpec.Dense("c_out", 1, Activation.IDENTITY, 0.2))));
    }

    private static void penaltyGradientEqualsCentralDifferences(NetworkSpec spec) {
        MultiLayerNetwork critic = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 4,
                DataType.DOUBLE);
        critic.params().muli(2); // a steeper critic: input gradients of norm near 1, a penalty far from flat
        INDArray xHat = uniform(8, new long[] {3, 64}, 1.0);
        try (TrainingNetwork d = TrainingNetwork.of(critic)) {
            assertTrue(d.onEngine());
            INDArray exact = Nd4j.zeros(DataType.DOUBLE, 1, critic.numParams());
            GradientPenalty.Result result = new EngineGradientPenalty(d).apply(xHat, LAMBDA, exact);

            double penalty = GradientChecks.penalty(critic, xHat, LAMBDA);
            assertEquals(penalty, result.penalty(), 1e-10 * penalty);
            double[] numeric = GradientChecks.centralDifferences(critic, () -> GradientChecks.penalty(critic, xHat,
                    LAMBDA));
            assertTrue(GradientChecks.maxAbs(numeric) > 1e-3, "the penalty should depend on the parameters");
            double err = GradientChecks.maxRelativeError(exact.toDoubleVector(), numeric,
                    GradientChecks.absFloor(result.penalty()));
            assertTrue(err < 1e-6, "max relative error " + err
                    + GradientChecks.describe(exact.toDoubleVector(), numeric));
        }
    }

    @Test
    void thePenaltyIsAddedToTheLossGradientAndLeavesItOtherwiseAlone() {
        MultiLayerNetwork critic = NetworkCompiler.compile(convCritic(), OptimizerSpec.adam(1e-3, 0.5), 4,
                DataType.DOUBLE);
        INDArray x = uniform(9, new long[] {5, 64}, 1.0);
        INDArray xHat = uniform(10, new long[] {3, 64}, 1.0);
        try (TrainingNetwork d = TrainingNetwork.of(critic)) {
            EngineGradientPenalty penalty = new EngineGradientPenalty(d);
            INDArray alone = Nd4j.zeros(DataType.DOUBLE, 1, critic.numParams());
            penalty.apply(xHat, LAMBDA, alone);

            d.forward(x);
            d.backward(uniform(11, new long[] {5, 1}, 1.0));
            INDArray lossOnly = d.gradient().dup();
            penalty.apply(xHat, LAMBDA, d.gradient());
            double err = relative(d.gradient(), lossOnly.add(alone));
            assertTrue(err < 1e-12, "loss + penalty gradient off by " + err);
        }
    }

    /**
     * Batch normalisation in training mode has an R-operator: the penalty of a critic with it is exact (each gᵢ
     * being the gradient of the whole batch's scores, as DL4J's backward pass gives it).
     */
    @Test
    void aCriticWithBatchNormHasAnExactPenaltyGradient() {
        NetworkSpec spec = new NetworkSpec("C", Shape.image(1, 8, 8), List.of(
                new LayerSpec.Conv2D("c1", 2, 4, 2, Padding.SAME, Activation.IDENTITY, 0.2),
                new LayerSpec.BatchNorm("bn"),
                new LayerSpec.Act("a", Activation.TANH, 0.2),
                new LayerSpec.Flatten("flat"),
                new LayerSpec.Dense("c_out", 1, Activation.IDENTITY, 0.2)));
        MultiLayerNetwork critic = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 1, DataType.DOUBLE);
        critic.params().muli(2);
        INDArray xHat = uniform(12, new long[] {3, 64}, 1.0);
        try (TrainingNetwork d = TrainingNetwork.of(critic)) {
            assertTrue(d.onEngine());
            INDArray exact = Nd4j.zeros(DataType.DOUBLE, 1, critic.numParams());
            GradientPenalty.Result result = new EngineGradientPenalty(d).apply(xHat, LAMBDA, exact);

            double penalty = GradientChecks.penalty(critic, xHat, LAMBDA);
            assertEquals(penalty, result.penalty(), 1e-10 * penalty);
            double[] numeric = GradientChecks.centralDifferences(critic, () -> GradientChecks.penalty(critic, xHat,
                    LAMBDA));
            assertTrue(GradientChecks.maxAbs(numeric) > 1e-3, "the penalty should depend on the parameters");
            double err = GradientChecks.maxRelativeError(exact.toDoubleVector(), numeric,
                    GradientChecks.absFloor(result.penalty()));
            assertTrue(err < 1e-6, "max relative error " + err
                    + GradientChecks.describe(exact.toDoubleVector(), numeric));
        }
    }

    /** 1x8x8 images: a bright square at a random place on a dark background. */
    private static DataSource squares() {
        return new DataSource() {
            @Override
            public String name() {
                return "squares";
            }

            @Override
            public int[] shape() {
                return new int[] {1, 8, 8};
            }

            @Override
            public void sample(int n, Random rng, float[] out) {
                java.util.Arrays.fill(out, 0, n * 64, -1f);
                for (int i = 0; i < n; i++) {
                    int r = rng.nextInt(6);
                    int c = rng.nextInt(6);
                    for (int y = r; y < r + 3; y++) {
                        for (int x = c; x < c + 3; x++) {
                            out[i * 64 + y * 8 + x] = 1f;
                        }
                    }
                }
            }

            @Override
            public String contentHash() {
                return "squares";
            }
        };
    }

    @Test
    void aGanWithAConvolutionalCriticTrainsWithTheGradientPenalty() {
        NetworkSpec generator = new NetworkSpec("G", Shape.vector(4), List.of(
                new LayerSpec.Dense("g_fc", 2 * 4 * 4, Activation.RELU, 0.2),
                new LayerSpec.Reshape("g_r", 2, 4, 4),
                new LayerSpec.Deconv2D("g_up", 1, 4, 2, Padding.SAME, Activation.TANH, 0.2)));
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        MultiLayerNetwork g = NetworkCompiler.compile(generator, adam, 1, DataType.FLOAT);
        MultiLayerNetwork d = NetworkCompiler.compile(convCritic(), adam, 2, DataType.FLOAT);
        GanSettings settings = new GanSettings(GanLoss.WGAN_GP, 2, 8, adam, adam, false, 0, 0, 10);
        GanTrainer trainer = new GanTrainer(g, d, squares(), settings, 4, 3);
        INDArray before = d.params().dup();
        trainer.setDiagnostics(true);
        for (int i = 0; i < 5; i++) {
            trainer.iterate();
            GanTrainer.StepStats s = trainer.lastStats();
            assertTrue(Double.isFinite(s.discriminatorLoss) && Double.isFinite(s.generatorLoss), "losses finite");
            assertTrue(s.penalty >= 0 && Double.isFinite(s.penalty), "penalty " + s.penalty);
            assertTrue(s.criticGradientNorm > 0 && Double.isFinite(s.criticGradientNorm),
                    "mean gradient norm " + s.criticGradientNorm);
        }
        assertEquals(5, trainer.iteration());
        assertTrue(d.params().sub(before).amaxNumber().doubleValue() > 0, "the critic should have moved");
    }
}
