package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact unrolled gradient (Metz et al. 2017, eq. 7-12) against its definition, in double precision: the
 * objective f(θ_G) = G's loss after the k look-ahead D updates with the same draws (the trainer re-seeds each update
 * from the update count, so until an update is made every evaluation draws the same batches; D is put back after
 * each), differentiated by central differences along random directions and, on a tiny G, along every coordinate.
 * The first-order gradient fails the same oracle, which shows it can fail.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class UnrolledGradientTest {

    private static final int LATENT = 2;
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;

    private static MultiLayerNetwork net(String name, int in, Activation hidden, OptimizerSpec optimizer, long seed,
                                         int... units) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            boolean last = i == units.length - 1;
            layers.add(new LayerSpec.Dense(name + (last ? "_out" : Integer.toString(i + 1)), units[i],
                    last ? Activation.IDENTITY : hidden, 0.25));
        }
        return NetworkCompiler.compile(new NetworkSpec(name, Shape.vector(in), layers), optimizer, seed,
                DataType.DOUBLE);
    }

    private static OptimizerSpec optimizer(String kind) {
        return switch (kind) {
            case "adam" -> OptimizerSpec.adam(0.05, 0.5);
            case "sgd" -> new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.2, 0, 0);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** G 2-4-2 tanh, D (2m)-6-5-1 tanh (smooth, so central differences see no kinks), on the ring, warmed up. */
    private static GanTrainer gan(GanSettings settings, String dOptimizer) {
        MultiLayerNetwork g = net("G", LATENT, Activation.TANH, OptimizerSpec.adam(0.01, 0.5), 11, 4, 2);
        MultiLayerNetwork d = net("D", 2 * settings.packing(), Activation.TANH, optimizer(dOptimizer), 12, 6, 5, 1);
        GanTrainer trainer = new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, LATENT, 5);
        for (int i = 0; i < 3; i++) {
            trainer.iterate(); // Adam's moments and bias correction away from their first step
        }
        return trainer;
    }

    private static GanSettings settings(GanLoss loss, int k, int packing, double averaging) {
        OptimizerSpec adam = OptimizerSpec.adam(0.05, 0.5);
        return new GanSettings(loss, 1, 8, adam, adam, false, 0, 0, 0, packing, averaging, "", 0, k, false,
                UnrollGradient.EXACT);
    }

    /** f(θ_G): G's loss after the look-ahead, D put back. */
    private static double objective(GanTrainer t) {
        t.generatorStepGradient();
        return t.lastStats().generatorLoss;
    }

    /** Central difference of f along u (G's parameters moved and put back). */
    private static double directional(GanTrainer t, double[] u) {
        INDArray theta = t.generator().params();
        double[] at = theta.toDoubleVector();
        double[] plus = at.clone();
        double[] minus = at.clone();
        for (int i = 0; i < at.length; i++) {
            plus[i] += H * u[i];
            minus[i] -= H * u[i];
        }
        theta.assign(org.nd4j.linalg.factory.Nd4j.create(plus, theta.shape(), DataType.DOUBLE));
        double fPlus = objective(t);
        theta.assign(org.nd4j.linalg.factory.Nd4j.create(minus, theta.shape(), DataType.DOUBLE));
        double fMinus = objective(t);
        theta.assign(org.nd4j.linalg.factory.Nd4j.create(at, theta.shape(), DataType.DOUBLE));
        return (fPlus - fMinus) / (2 * H);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The largest relative error of the gradient's directional derivatives against central differences. */
    private static double worstError(GanTrainer t, double[] gradient, int directions, long seed) {
        Random r = new Random(seed);
        double worst = 0;
        for (int k = 0; k < directions; k++) {
            double[] u = new double[gradient.length];
            for (int i = 0; i < u.length; i++) {
                u[i] = r.nextGaussian();
            }
            double analytic = dot(gradient, u);
            double numeric = directional(t, u);
            worst = Math.max(worst, Math.abs(analytic - numeric) / Math.max(Math.abs(numeric), 1e-3));
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}, k={1}, D {2}, pack {3}, hist. avg λ {4}")
    @CsvSource({
            "NON_SATURATING, 1, adam, 1, 0",
            "NON_SATURATING, 3, adam, 1, 0",
            "NON_SATURATING, 3, sgd, 1, 0",
            "NON_SATURATING, 1, sgd, 1, 0",
            "LSGAN, 3, adam, 1, 0",
            "LSGAN, 1, sgd, 1, 0",
            "HINGE, 3, adam, 1, 0",
            "MINIMAX, 3, adam, 1, 0",
            "NON_SATURATING, 3, adam, 2, 0",
            "NON_SATURATING, 3, adam, 1, 0.5",
            "LSGAN, 3, sgd, 2, 0.5"})
    void exactGradientMatchesCentralDifferencesOfTheUnrolledObjective(GanLoss loss, int k, String dOptimizer,
                                                                       int packing, double averaging) {
        GanTrainer t = gan(settings(loss, k, packing, averaging), dOptimizer);
        double[] exact = t.generatorStepGradient().toDoubleVector();
        double error = worstError(t, exact, 4, 7);
        assertTrue(error < TOLERANCE, "relative error " + error);
    }

    @Test
    void exactGradientMatchesEveryCoordinateOnATinyGenerator() {
        GanSettings s = settings(GanLoss.NON_SATURATING, 2, 1, 0);
        MultiLayerNetwork g = net("G", LATENT, Activation.TANH, OptimizerSpec.adam(0.01, 0.5), 21, 2);
        MultiLayerNetwork d = net("D", 2, Activation.TANH, optimizer("adam"), 22, 4, 1);
        GanTrainer t = new GanTrainer(g, d, ToyDistribution.named("ring8"), s, LATENT, 9);
        t.iterate();
        double[] exact = t.generatorStepGradient().toDoubleVector();
        double[] numeric = new double[exact.length];
        for (int i = 0; i < exact.length; i++) {
            double[] e = new double[exact.length];
            e[i] = 1;
            numeric[i] = directional(t, e);
        }
        assertArrayEquals(numeric, exact, TOLERANCE * Math.max(1, maxAbs(numeric)));
    }

    @Test
    void firstOrderGradientFailsTheSameOracle() {
        GanSettings s = settings(GanLoss.NON_SATURATING, 3, 1, 0);
        GanTrainer t = gan(s, "adam");
        t.updateSettings(s.withUnrollGradient(UnrollGradient.FIRST_ORDER));
        double[] firstOrder = t.generatorStepGradient().toDoubleVector();
        double error = worstError(t, firstOrder, 4, 7);
        assertTrue(error > 1e-3, "the first-order gradient should miss the look-ahead's dependence on G: " + error);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
