package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.Activation;
import org.latentlab.model.OptimizerSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GAN trainer's gradients against central finite differences of the losses written out here as functions of
 * the parameters, in double precision: every loss, with and without label smoothing, two discriminator
 * activations. The trainer has no instance noise and no dropout, so both gradients are deterministic.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class GanGradientTest {

    private static final int BATCH = 4;
    private static final int LATENT = 2;
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation act : new Activation[] {Activation.TANH, Activation.LEAKYRELU}) {
            for (GanLoss loss : GanLoss.values()) {
                out.add(Arguments.of(loss, false, act));
                if (loss.supportsLabelSmoothing()) {
                    out.add(Arguments.of(loss, true, act));
                }
            }
        }
        return out.stream();
    }

    private record Gan(MultiLayerNetwork g, MultiLayerNetwork d, GanTrainer trainer, GanSettings settings) {
    }

    private static Gan gan(GanLoss loss, boolean smoothing, Activation dActivation) {
        MultiLayerNetwork g = GradientChecks.denseNet("G", LATENT, Activation.TANH, 11, 5, 2);
        MultiLayerNetwork d = GradientChecks.denseNet("D", 2, dActivation, 12, 6, 1);
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        GanSettings settings = new GanSettings(loss, 1, BATCH, adam, adam, smoothing, 0, 0, 0);
        GanTrainer trainer = new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, LATENT, 5);
        return new Gan(g, d, trainer, settings);
    }

    /** Real points from the ring with a fixed seed (the trainer's own generator is seeded only by its updates). */
    private static INDArray real(long seed) {
        float[] buf = new float[BATCH * 2];
        ToyDistribution.named("ring8").sample(BATCH, new Random(seed), buf);
        return Nd4j.create(buf, new long[] {BATCH, 2}).castTo(DataType.DOUBLE);
    }

    private static INDArray latent(long seed) {
        return Latent.gaussian(BATCH, LATENT, new Random(seed), DataType.DOUBLE);
    }

    private static double[] scores(MultiLayerNetwork d, INDArray x) {
        return d.output(x, false).toDoubleVector();
    }

    @ParameterizedTest(name = "{0} smoothing={1} D {2}")
    @MethodSource("cases")
    void discriminatorGradientMatchesFiniteDifferences(GanLoss loss, boolean smoothing, Activation dActivation)
            throws Exception {
        Gan gan = gan(loss, smoothing, dActivation);
        INDArray real = real(101);
        INDArray fake = gan.trainer().generate(latent(202));
        double target = gan.settings().realTarget();
        assertEquals(smoothing ? 0.9 : 1.0, target);
        assertAwayFromHingeKinks(loss, scores(gan.d(), real), scores(gan.d(), fake));

        // WGAN-GP interpolates with weights from the trainer's generator: fix its seed and draw the same weights.
        double[] t = new double[BATCH];
        if (loss == GanLoss.WGAN_GP) {
            trainerRandom(gan.trainer()).setSeed(77);
            Random copy = new Random(77);
            for (int i = 0; i < BATCH; i++) {
                t[i] = copy.nextDouble();
            }
        }
        double[] analytic = gan.trainer().discriminatorGradient(real, fake).dup().toDoubleVector();
        double reportedLoss = gan.trainer().lastStats().discriminatorLoss;
        double reportedPenalty = gan.trainer().lastStats().penalty;

        INDArray xHat = interpolate(real, fake, t);
        MultiLayerNetwork d = gan.d();
        double lambda = gan.settings().gpLambda();
        DoubleSupplier dLoss = () -> {
            double[] sr = scores(d, real);
            double[] sf = scores(d, fake);
            double value = 0;
            for (double s : sr) {
                value += loss.realLoss(s, target) / sr.length;
            }
            for (double s : sf) {
                value += loss.fakeLoss(s) / sf.length;
            }
            if (loss == GanLoss.WGAN_GP) {
                value += GradientChecks.penalty(d, xHat, lambda);
            }
            return value;
        };
        assertEquals(dLoss.getAsDouble(), reportedLoss, 1e-12 * Math.max(1, Math.abs(reportedLoss)), "D loss value");
        if (loss == GanLoss.WGAN_GP) {
            assertEquals(10, lambda);
            assertEquals(GradientChecks.penalty(d, xHat, lambda), reportedPenalty, 1e-12, "penalty value");
            assertTrue(reportedPenalty > 0);
        }

        double[] numeric = GradientChecks.centralDifferences(d, dLoss);

        assertEquals(d.numParams(), analytic.length);
        assertTrue(GradientChecks.maxAbs(numeric) > 1e-3, "the D loss should depend on D's parameters");
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reportedLoss));
        assertTrue(err < TOLERANCE, "max relative error " + err + GradientChecks.describe(analytic, numeric));
    }

    @ParameterizedTest(name = "{0} smoothing={1} D {2}")
    @MethodSource("cases")
    void generatorGradientMatchesFiniteDifferences(GanLoss loss, boolean smoothing, Activation dActivation) {
        Gan gan = gan(loss, smoothing, dActivation);
        INDArray z = latent(303);
        MultiLayerNetwork g = gan.g();
        MultiLayerNetwork d = gan.d();
        INDArray dBefore = d.params().dup();

        double[] analytic = gan.trainer().generatorGradient(z).dup().toDoubleVector();
        double reportedLoss = gan.trainer().lastStats().generatorLoss;

        DoubleSupplier gLoss = () -> {
            double[] s = scores(d, g.output(z, false));
            double value = 0;
            for (double si : s) {
                value += loss.generatorLoss(si) / s.length;
            }
            return value;
        };
        assertEquals(gLoss.getAsDouble(), reportedLoss, 1e-12 * Math.max(1, Math.abs(reportedLoss)), "G loss value");
        double[] numeric = GradientChecks.centralDifferences(g, gLoss);

        assertEquals(g.numParams(), analytic.length);
        assertTrue(GradientChecks.maxAbs(numeric) > 1e-4, "the G loss should depend on G's parameters");
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reportedLoss));
        assertTrue(err < TOLERANCE, "max relative error " + err + GradientChecks.describe(analytic, numeric));
        assertEquals(dBefore, d.params(), "G's gradient must leave D's parameters alone");
    }

    private static INDArray interpolate(INDArray real, INDArray fake, double[] t) {
        double[] out = new double[(int) real.length()];
        for (int i = 0; i < BATCH; i++) {
            for (int c = 0; c < 2; c++) {
                out[2 * i + c] = t[i] * real.getDouble(i, c) + (1 - t[i]) * fake.getDouble(i, c);
            }
        }
        return Nd4j.create(out, new long[] {BATCH, 2}, DataType.DOUBLE);
    }

    private static void assertAwayFromHingeKinks(GanLoss loss, double[] realScores, double[] fakeScores) {
        if (loss != GanLoss.HINGE) {
            return;
        }
        for (double s : realScores) {
            assertTrue(Math.abs(s - 1) > 1e-3, "real score " + s + " sits on the hinge");
        }
        for (double s : fakeScores) {
            assertTrue(Math.abs(s + 1) > 1e-3, "fake score " + s + " sits on the hinge");
        }
    }

    /** The trainer's private generator (white-box: the test fixes its seed to know WGAN-GP's interpolation weights). */
    private static Random trainerRandom(GanTrainer trainer) throws ReflectiveOperationException {
        Field f = GanTrainer.class.getDeclaredField("rng");
        f.setAccessible(true);
        return (Random) f.get(trainer);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(GanLoss.class)
    void theGeneratorLossFieldIsTheInputGradientOfGsLossThroughDInInferenceMode(GanLoss loss) {
        Gan gan = gan(loss, false, Activation.TANH);
        INDArray x = GradientChecks.uniform(21, 5, 2, 2.0);
        double[] field = gan.trainer().generatorLossInputGradient(x).reshape(10).toDoubleVector();
        double h = 1e-6;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 2; j++) {
                INDArray up = x.dup();
                up.putScalar(i, j, x.getDouble(i, j) + h);
                INDArray down = x.dup();
                down.putScalar(i, j, x.getDouble(i, j) - h);
                double numeric = (loss.generatorLoss(scores(gan.d(), up)[i])
                        - loss.generatorLoss(scores(gan.d(), down)[i])) / (2 * h);
                assertEquals(numeric, field[i * 2 + j], 1e-7 * Math.max(1, Math.abs(numeric)), loss + " at " + i);
            }
        }
    }
}
