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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    private static final double H = 1e-6;
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
        return gan(settings, dOptimizer, Activation.TANH);
    }

    private static GanTrainer gan(GanSettings settings, String dOptimizer, Activation dHidden) {
        MultiLayerNetwork g = net("G", LATENT, Activation.TANH, OptimizerSpec.adam(0.01, 0.5), 11, 4, 2);
        MultiLayerNetwork d = net("D", 2 * settings.packing(), dHidden, optimizer(dOptimizer), 12, 6, 5, 1);
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

    /**
     * D with ReLUs, whose dead units' weights get gradients of exactly 0 (Adam's v = 0 there: the reverse step must
     * stay finite); the examples keep clear of the kinks at these draws. (The difference step is 1e-6 because Adam's
     * m/(√v + ε) curves sharply where a unit is nearly dead: at 1e-4 the differences miss by far.)
     */
    @Test
    void exactGradientThroughAdamWithDeadUnits() {
        GanTrainer t = gan(settings(GanLoss.NON_SATURATING, 3, 1, 0), "adam", Activation.RELU);
        double[] exact = t.generatorStepGradient().toDoubleVector();
        double error = worstError(t, exact, 4, 7);
        assertTrue(error < TOLERANCE, "relative error " + error);
    }

    /** Instance noise (drawn again identically at each evaluation) and label smoothing, with Adam, k = 2. */
    @Test
    void exactGradientWithInstanceNoiseAndLabelSmoothing() {
        OptimizerSpec adam = OptimizerSpec.adam(0.05, 0.5);
        GanSettings s = new GanSettings(GanLoss.NON_SATURATING, 1, 8, adam, adam, true, 0.1, 0, 0, 1, 0, "", 0, 2,
                false, UnrollGradient.EXACT);
        GanTrainer t = gan(s, "adam");
        double[] exact = t.generatorStepGradient().toDoubleVector();
        double error = worstError(t, exact, 4, 7);
        assertTrue(error < TOLERANCE, "relative error " + error);
    }

    /** Virtual batch norm in G: G's backward passes go through its reference batch. */
    @Test
    void exactGradientThroughAGeneratorWithVirtualBatchNorm() {
        GanSettings s = settings(GanLoss.LSGAN, 2, 1, 0);
        NetworkSpec gSpec = new NetworkSpec("G", Shape.vector(LATENT), List.of(
                new LayerSpec.Dense("g1", 4, Activation.IDENTITY, 0.2), new LayerSpec.VirtualBatchNorm("vbn", 6),
                new LayerSpec.Act("g1_act", Activation.TANH, 0.2),
                new LayerSpec.Dense("g_out", 2, Activation.IDENTITY, 0.2)));
        MultiLayerNetwork g = NetworkCompiler.compile(gSpec, OptimizerSpec.adam(0.01, 0.5), 11, DataType.DOUBLE);
        MultiLayerNetwork d = net("D", 2, Activation.TANH, optimizer("adam"), 12, 6, 5, 1);
        GanTrainer t = new GanTrainer(g, d, ToyDistribution.named("ring8"), s, LATENT, 5);
        assertTrue(t.referenceCodes() != null, "G has virtual batch norm");
        for (int i = 0; i < 3; i++) {
            t.iterate();
        }
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

    /**
     * The joint Hessian-vector product of D's loss at one step, with packing 2 and historical averaging on D: H_DD·w
     * against the central difference of D's gradient (the trainer's own) along w, and H_GD·w against the central
     * difference of ⟨∇_{θ_D} L_D, w⟩ along random directions of G's parameters.
     */
    @Test
    void jointHessianVectorProductMatchesCentralDifferencesOfGradients() {
        GanSettings s = settings(GanLoss.NON_SATURATING, 2, 2, 0.5);
        GanTrainer t = gan(s, "adam");
        INDArray real = t.sampleReal(8);
        INDArray z = t.sampleLatent(8);
        INDArray fake = t.generate(z).dup();
        INDArray x = org.nd4j.linalg.factory.Nd4j.vstack(real, fake).reshape('c', 8, 4);
        INDArray mean = t.discriminatorAverage().orElseThrow().mean();
        Random r = new Random(3);
        INDArray dTheta = t.discriminator().params();
        INDArray w = gaussianLike(dTheta, r);
        UnrolledGradient.JointProduct product = t.exactUnrolledGradient().jointProduct(x, 4, z, w, s, mean);
        INDArray hdd = product.discriminator().dup();
        INDArray hgd = product.generator().dup();

        INDArray d0 = dTheta.dup();
        dTheta.assign(d0.add(w.mul(H).reshape(d0.shape())));
        INDArray plus = t.discriminatorGradient(real, fake).dup();
        dTheta.assign(d0.sub(w.mul(H).reshape(d0.shape())));
        INDArray minus = t.discriminatorGradient(real, fake).dup();
        dTheta.assign(d0);
        INDArray numeric = plus.sub(minus).divi(2 * H).reshape(hdd.shape());
        double ddError = hdd.sub(numeric).amaxNumber().doubleValue() / numeric.amaxNumber().doubleValue();
        assertTrue(ddError < TOLERANCE, "H_DD·w relative error " + ddError);

        INDArray gTheta = t.generator().params();
        INDArray g0 = gTheta.dup();
        double[] wv = w.toDoubleVector();
        for (int k = 0; k < 3; k++) {
            INDArray u = gaussianLike(gTheta, r);
            gTheta.assign(g0.add(u.mul(H).reshape(g0.shape())));
            double up = dot(t.discriminatorGradient(real, t.generate(z).dup()).toDoubleVector(), wv);
            gTheta.assign(g0.sub(u.mul(H).reshape(g0.shape())));
            double down = dot(t.discriminatorGradient(real, t.generate(z).dup()).toDoubleVector(), wv);
            gTheta.assign(g0);
            double expected = (up - down) / (2 * H);
            double analytic = dot(hgd.toDoubleVector(), u.toDoubleVector());
            assertEquals(expected, analytic, TOLERANCE * Math.max(Math.abs(expected), 1e-6), "H_GD·w along u" + k);
        }
    }

    private static INDArray gaussianLike(INDArray like, Random r) {
        double[] v = new double[(int) like.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return org.nd4j.linalg.factory.Nd4j.create(v, new long[] {1, v.length}, DataType.DOUBLE);
    }

    /** The losses' second derivatives against central differences of their first derivatives. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"MINIMAX", "NON_SATURATING", "LSGAN", "HINGE", "WGAN"})
    void lossSecondDerivativesMatchCentralDifferences(GanLoss loss) {
        double h = 1e-6;
        for (double s : new double[] {-2.3, -0.4, 0.3, 1.7}) {
            for (double target : new double[] {1, 0.9}) {
                double real = (loss.realLossDerivative(s + h, target) - loss.realLossDerivative(s - h, target))
                        / (2 * h);
                assertEquals(real, loss.realLossSecondDerivative(s, target), 1e-8, loss + " real at " + s);
            }
            double fake = (loss.fakeLossDerivative(s + h) - loss.fakeLossDerivative(s - h)) / (2 * h);
            assertEquals(fake, loss.fakeLossSecondDerivative(s), 1e-8, loss + " fake at " + s);
        }
    }

    /** Each remedy the exact gradient cannot differentiate is refused in the settings, naming it and the way out. */
    @Test
    void settingsRefuseWhatTheExactGradientCannotDifferentiate() {
        GanSettings exact = settings(GanLoss.NON_SATURATING, 3, 1, 0);
        OptimizerSpec adam = OptimizerSpec.adam(0.05, 0.5);
        java.util.Map<String, org.junit.jupiter.api.function.Executable> cases = new java.util.LinkedHashMap<>();
        cases.put("spectral normalisation", () -> exact.withSpectralNorm(true));
        cases.put("R1", () -> exact.withR1(1));
        cases.put("feature matching", () -> exact.withFeatureMatching("D1"));
        cases.put("wgan-gp", () -> new GanSettings(GanLoss.WGAN_GP, 1, 8, adam, adam, false, 0, 0, 0)
                .withUnrolling(3).withUnrollGradient(UnrollGradient.EXACT));
        cases.put("weight clipping", () -> new GanSettings(GanLoss.WGAN, 1, 8, adam, adam, false, 0, 0, 0)
                .withUnrolling(3).withUnrollGradient(UnrollGradient.EXACT));
        cases.put("f-GAN", () -> new GanSettings(GanLoss.FGAN_KL, 1, 8, adam, adam, false, 0, 0, 0)
                .withUnrolling(3).withUnrollGradient(UnrollGradient.EXACT));
        cases.forEach((what, build) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build, what);
            assertTrue(e.getMessage().contains(what) && e.getMessage().contains("\"first-order\""), e.getMessage());
        });
        // the first-order form takes them all
        exact.withUnrollGradient(UnrollGradient.FIRST_ORDER).withSpectralNorm(true).withR1(1);
    }

    /** What D or G cannot take is refused when the trainer is built (or the form switched), saying what to change. */
    @Test
    void trainerRefusesNetworksWithoutAnExactLookAhead() {
        GanSettings s = settings(GanLoss.NON_SATURATING, 2, 1, 0);
        MultiLayerNetwork g = net("G", LATENT, Activation.TANH, OptimizerSpec.adam(0.01, 0.5), 11, 4, 2);
        NetworkSpec dropout = new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", 6, Activation.TANH, 0.2), new LayerSpec.Dropout("drop", 0.3),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY, 0.2)));
        NetworkSpec batchNorm = new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", 6, Activation.TANH, 0.2), new LayerSpec.BatchNorm("bn"),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY, 0.2)));
        NetworkSpec plain = new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", 6, Activation.TANH, 0.2),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY, 0.2)));
        OptimizerSpec adam = OptimizerSpec.adam(0.05, 0.5);
        OptimizerSpec rmsProp = new OptimizerSpec(OptimizerSpec.Kind.RMSPROP, 0.01, 0, 0);
        String[][] cases = {{"dropout", "remove dropout"}, {"batch", "remove batch normalisation"},
                {"rmsprop", "set training.discriminatorOptimizer to adam or sgd"}};
        for (String[] c : cases) {
            NetworkSpec spec = switch (c[0]) {
                case "dropout" -> dropout;
                case "batch" -> batchNorm;
                default -> plain;
            };
            MultiLayerNetwork d = NetworkCompiler.compile(spec, c[0].equals("rmsprop") ? rmsProp : adam, 12,
                    DataType.DOUBLE);
            org.latentlab.core.LabException e = assertThrows(org.latentlab.core.LabException.class,
                    () -> new GanTrainer(g, d, ToyDistribution.named("ring8"), s, LATENT, 5), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains("\"first-order\""),
                    e.getMessage());
            // the first-order form trains them; switching to the exact form during the run is refused, unchanged
            GanTrainer t = new GanTrainer(g, d, ToyDistribution.named("ring8"),
                    s.withUnrollGradient(UnrollGradient.FIRST_ORDER), LATENT, 5);
            assertThrows(IllegalArgumentException.class, () -> t.updateSettings(s));
            assertEquals(UnrollGradient.FIRST_ORDER, t.settings().unrollGradient());
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
