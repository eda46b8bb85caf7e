package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.Activation;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.testing.FiniteDifferences;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The energy-based GAN's losses against central finite differences in double precision on tiny nets: D's loss (the
 * reals' energy and the hinge at the margin, with every, none or some samples inside it) through D's parameters,
 * and G's loss (the energy, whose example is both D's input and its target, and the pull-away term through D's
 * encoder) through G's parameters; the oracle losses are written from D's outputs alone.
 */
@org.junit.jupiter.api.extension.ExtendWith(DoublePrecision.class)
class EnergyGameTest {

    private static final int LATENT = 2;
    private static final int BATCH = 5;
    private static final double TOLERANCE = 1e-5;

    private record Gan(MultiLayerNetwork g, MultiLayerNetwork d, GanTrainer trainer) {
    }

    /** G 2-5-2 and D 2-6-3-6-2 (code layer D2), tanh, in double. */
    private static Gan gan(EnergySettings energy) {
        MultiLayerNetwork g = GradientChecks.denseNet("G", LATENT, Activation.TANH, 11, 5, 2);
        MultiLayerNetwork d = GradientChecks.denseNet("D", 2, Activation.TANH, 12, 6, 3, 6, 2);
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.5);
        GanSettings settings = new GanSettings(GanLoss.HINGE, 1, BATCH, adam, adam, false, 0, 0, 0);
        return new Gan(g, d, new GanTrainer(g, d, ToyDistribution.named("ring8"), settings, LATENT, 5,
                new EnergyGame(energy)));
    }

    /** (1/d) Σ (D(x) − x)² per row, from DL4J's own inference pass. */
    private static double[] energies(MultiLayerNetwork d, INDArray x) {
        INDArray r = d.output(x, false).sub(x);
        return r.mul(r).mean(1).toDoubleVector();
    }

    private static INDArray fakes(GanTrainer t) {
        return t.generate(Latent.gaussian(BATCH, LATENT, new Random(202), DataType.DOUBLE)).dup();
    }

    /** margin: 100 (every sample inside it), 1e-6 (none), or between the samples' 2nd and 3rd energies (some). */
    @ParameterizedTest(name = "margin {0}")
    @ValueSource(strings = {"all", "none", "some"})
    void discriminatorGradientMatchesFiniteDifferences(String which) {
        double[] before = energies(gan(new EnergySettings(1, false, 0, "")).d(), fakes(gan(
                new EnergySettings(1, false, 0, "")).trainer()));
        double[] sorted = before.clone();
        Arrays.sort(sorted);
        double margin = switch (which) {
            case "all" -> 100;
            case "none" -> 1e-6;
            default -> (sorted[1] + sorted[2]) / 2;
        };
        assertTrue(sorted[0] > 1e-4, "the samples' energies stay clear of the tiny margin");
        Gan gan = gan(new EnergySettings(margin, false, 0, ""));
        INDArray real = GradientChecks.uniform(101, BATCH, 2, 2);
        INDArray fake = fakes(gan.trainer());
        double[] analytic = gan.trainer().discriminatorGradient(real, fake).dup().toDoubleVector();
        double reported = gan.trainer().lastStats().discriminatorLoss;
        DoubleSupplier dLoss = () -> {
            double value = 0;
            for (double e : energies(gan.d(), real)) {
                value += e / BATCH;
            }
            for (double e : energies(gan.d(), fake)) {
                value += Math.max(0, margin - e) / BATCH;
            }
            return value;
        };
        assertEquals(dLoss.getAsDouble(), reported, 1e-12, "D loss value");
        double[] numeric = GradientChecks.centralDifferences(gan.d(), dLoss);
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reported));
        assertTrue(err < TOLERANCE, "max relative error " + err + GradientChecks.describe(analytic, numeric));
        double realMean = Arrays.stream(energies(gan.d(), real)).average().orElseThrow();
        assertEquals(realMean, gan.trainer().lastStats().realScore, 1e-12, "the reals' mean energy");
        if (which.equals("none")) {
            // no sample inside the margin: the loss is the reals' energy alone
            assertEquals(realMean, reported, 1e-12);
        }
    }

    @ParameterizedTest(name = "pull-away {0}")
    @ValueSource(booleans = {false, true})
    void generatorGradientMatchesFiniteDifferences(boolean pullAway) {
        double lambda = 0.5;
        Gan gan = gan(new EnergySettings(0.3, pullAway, lambda, "D2"));
        INDArray z = Latent.gaussian(BATCH, LATENT, new Random(303), DataType.DOUBLE);
        double[] analytic = gan.trainer().generatorGradient(z).dup().toDoubleVector();
        double reported = gan.trainer().lastStats().generatorLoss;
        DoubleSupplier gLoss = () -> {
            INDArray x = gan.g().output(z, false);
            double value = Arrays.stream(energies(gan.d(), x)).average().orElseThrow();
            if (pullAway) {
                List<INDArray> acts = gan.d().feedForwardToLayer(1, x, false);
                INDArray codes = acts.get(2);
                value += lambda * PullAway.value(codes.dup('c').reshape(codes.length()).toDoubleVector(), BATCH, 3);
            }
            return value;
        };
        assertEquals(gLoss.getAsDouble(), reported, 1e-12, "G loss value");
        double[] numeric = GradientChecks.centralDifferences(gan.g(), gLoss);
        assertTrue(GradientChecks.maxAbs(numeric) > 1e-4, "the G loss should depend on G's parameters");
        double err = GradientChecks.maxRelativeError(analytic, numeric, GradientChecks.absFloor(reported));
        assertTrue(err < TOLERANCE, "max relative error " + err + GradientChecks.describe(analytic, numeric));
    }

    @Test
    void thePullAwayTermAloneReachesGThroughTheEncoder() {
        // L_G with the pull-away term minus L_G without it: the term's own gradient, through D's first two layers
        INDArray z = Latent.gaussian(BATCH, LATENT, new Random(404), DataType.DOUBLE);
        double[] with = gan(new EnergySettings(0.3, true, 1, "D2")).trainer().generatorGradient(z).dup()
                .toDoubleVector();
        Gan plain = gan(new EnergySettings(0.3, false, 0, ""));
        double[] without = plain.trainer().generatorGradient(z).dup().toDoubleVector();
        double[] term = new double[with.length];
        for (int i = 0; i < term.length; i++) {
            term[i] = with[i] - without[i];
        }
        DoubleSupplier pt = () -> {
            INDArray codes = plain.d().feedForwardToLayer(1, plain.g().output(z, false), false).get(2);
            return PullAway.value(codes.dup('c').reshape(codes.length()).toDoubleVector(), BATCH, 3);
        };
        double[] numeric = FiniteDifferences.centralDifferences(plain.g().params(), pt);
        assertTrue(GradientChecks.maxAbs(numeric) > 1e-5, "f_PT should depend on G's parameters");
        double err = GradientChecks.maxRelativeError(term, numeric, GradientChecks.absFloor(pt.getAsDouble()));
        assertTrue(err < TOLERANCE, "max relative error " + err + GradientChecks.describe(term, numeric));
    }

    @Test
    void theScoreIsTheEnergyAndTheArrowsItsInputGradient() {
        Gan gan = gan(new EnergySettings(0.3, false, 0, ""));
        INDArray x = GradientChecks.uniform(7, 4, 2, 2);
        double[] e = energies(gan.d(), x);
        double[] score = gan.trainer().score(x).dup().reshape(4).toDoubleVector();
        for (int i = 0; i < 4; i++) {
            assertEquals(e[i], score[i], 1e-12);
        }
        double[] analytic = gan.trainer().generatorLossInputGradient(x).dup('c').reshape(8).toDoubleVector();
        double[] numeric = FiniteDifferences.centralDifferences(x, () -> Arrays.stream(energies(gan.d(), x)).sum());
        double err = GradientChecks.maxRelativeError(analytic, numeric, 1e-8);
        assertTrue(err < TOLERANCE, "max relative error " + err + GradientChecks.describe(analytic, numeric));
    }
}
