package org.latentlab.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GanLossTest {

    /** Scores away from the hinge kinks at s = 1 (real) and s = -1 (fake). */
    private static final double[] SCORES = {-4.2, -2.5, -1.3, -0.6, -0.05, 0.3, 0.8, 1.7, 3.9};
    private static final double H = 1e-5;

    private static double centralDifference(DoubleUnaryOperator f, double s) {
        return (f.applyAsDouble(s + H) - f.applyAsDouble(s - H)) / (2 * H);
    }

    private static void assertDerivative(String what, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        for (double s : SCORES) {
            double numeric = centralDifference(f, s);
            double analytic = df.applyAsDouble(s);
            assertEquals(numeric, analytic, 1e-7 * Math.max(1, Math.abs(numeric)), what + " at s=" + s);
        }
    }

    @ParameterizedTest
    @EnumSource(GanLoss.class)
    void derivativesMatchFiniteDifferences(GanLoss loss) {
        assertDerivative(loss + " real", s -> loss.realLoss(s, 1), s -> loss.realLossDerivative(s, 1));
        assertDerivative(loss + " fake", loss::fakeLoss, loss::fakeLossDerivative);
        assertDerivative(loss + " generator", loss::generatorLoss, loss::generatorLossDerivative);
    }

    @ParameterizedTest
    @EnumSource(GanLoss.class)
    void smoothedRealDerivativeMatchesFiniteDifferences(GanLoss loss) {
        if (!loss.supportsLabelSmoothing()) {
            return;
        }
        double t = GanSettings.SMOOTHED_REAL_TARGET;
        assertDerivative(loss + " real, target " + t, s -> loss.realLoss(s, t), s -> loss.realLossDerivative(s, t));
    }

    @Test
    void labelSmoothingIsOfferedExactlyForTheLossesWithATarget() {
        for (GanLoss loss : GanLoss.values()) {
            boolean expected = loss == GanLoss.MINIMAX || loss == GanLoss.NON_SATURATING || loss == GanLoss.LSGAN;
            assertEquals(expected, loss.supportsLabelSmoothing(), loss.toString());
        }
    }

    @Test
    void closedFormValues() {
        double log2 = Math.log(2);
        assertEquals(log2, GanLoss.NON_SATURATING.realLoss(0, 1), 1e-15);
        assertEquals(log2, GanLoss.NON_SATURATING.fakeLoss(0), 1e-15);
        assertEquals(log2, GanLoss.NON_SATURATING.generatorLoss(0), 1e-15);
        assertEquals(-log2, GanLoss.MINIMAX.generatorLoss(0), 1e-15);
        // -log sigma(s) at s = log 3 (sigma = 3/4) is log(4/3); log(1 - sigma) there is log(1/4).
        assertEquals(Math.log(4.0 / 3), GanLoss.MINIMAX.realLoss(Math.log(3), 1), 1e-14);
        assertEquals(Math.log(0.25), GanLoss.MINIMAX.generatorLoss(Math.log(3)), 1e-14);
        assertEquals(-0.25, GanLoss.NON_SATURATING.generatorLossDerivative(Math.log(3)), 1e-14);
        // Smoothed target 0.9: the real loss is smallest where sigma(s) = 0.9, i.e. s = log 9.
        assertEquals(0, GanLoss.NON_SATURATING.realLossDerivative(Math.log(9), 0.9), 1e-14);
        assertTrue(GanLoss.NON_SATURATING.realLoss(Math.log(9), 0.9) < GanLoss.NON_SATURATING.realLoss(3, 0.9));

        assertEquals(0, GanLoss.LSGAN.generatorLoss(1), 0);
        assertEquals(0, GanLoss.LSGAN.realLoss(1, 1), 0);
        assertEquals(2, GanLoss.LSGAN.fakeLoss(2), 0);
        assertEquals(0.5 * 0.1 * 0.1, GanLoss.LSGAN.realLoss(1, 0.9), 1e-15);

        assertEquals(-3, GanLoss.WGAN.realLoss(3, 1), 0);
        assertEquals(3, GanLoss.WGAN_GP.fakeLoss(3), 0);
        assertEquals(-3, GanLoss.WGAN.generatorLoss(3), 0);

        assertEquals(0.5, GanLoss.HINGE.realLoss(0.5, 1), 0);
        assertEquals(0, GanLoss.HINGE.realLoss(2, 1), 0);
        assertEquals(1.5, GanLoss.HINGE.fakeLoss(0.5), 0);
        assertEquals(0, GanLoss.HINGE.fakeLoss(-2), 0);
        assertEquals(0, GanLoss.HINGE.realLossDerivative(2, 1), 0);
        assertEquals(0, GanLoss.HINGE.fakeLossDerivative(-2), 0);
    }

    @Test
    void softplusLossesStayFiniteAndExactForHugeScores() {
        for (GanLoss loss : new GanLoss[] {GanLoss.MINIMAX, GanLoss.NON_SATURATING}) {
            assertEquals(0, loss.realLoss(1000, 1), 1e-300, loss + " real at +1000");
            assertEquals(1000, loss.realLoss(-1000, 1), 1e-9, loss + " real at -1000");
            assertEquals(1000, loss.fakeLoss(1000), 1e-9, loss + " fake at +1000");
            assertEquals(0, loss.fakeLoss(-1000), 1e-300, loss + " fake at -1000");
            assertEquals(900, loss.realLoss(-1000, 0.9), 1e-9, loss + " smoothed real at -1000");
            assertEquals(100, loss.realLoss(1000, 0.9), 1e-9, loss + " smoothed real at +1000");
            assertEquals(-1, loss.realLossDerivative(-1000, 1), 0);
            assertEquals(0, loss.realLossDerivative(1000, 1), 0);
            assertEquals(1, loss.fakeLossDerivative(1000), 0);
            assertEquals(0, loss.fakeLossDerivative(-1000), 0);
        }
        assertEquals(1000, GanLoss.NON_SATURATING.generatorLoss(-1000), 1e-9);
        assertEquals(-1000, GanLoss.MINIMAX.generatorLoss(1000), 1e-9);
        assertEquals(-1, GanLoss.NON_SATURATING.generatorLossDerivative(-1000), 0);
        assertEquals(-1, GanLoss.MINIMAX.generatorLossDerivative(1000), 0);
        assertEquals(1000, GanLoss.softplus(1000), 1e-9);
        assertEquals(0, GanLoss.softplus(-1000), 1e-300);
        assertEquals(1, GanLoss.sigmoid(1000), 0);
        assertEquals(0, GanLoss.sigmoid(-1000), 0);
    }

    @Test
    void displayScoreIsAProbabilityOnlyForProbabilisticLosses() {
        assertEquals(0.5, GanLoss.NON_SATURATING.displayScore(0), 0);
        assertEquals(0.5, GanLoss.MINIMAX.displayScore(0), 0);
        assertEquals(-2.5, GanLoss.WGAN.displayScore(-2.5), 0);
        assertEquals(-2.5, GanLoss.LSGAN.displayScore(-2.5), 0);
    }

    @Test
    void parsesIdsAndNamesAndListsTheKnownOnes() {
        assertEquals(GanLoss.WGAN_GP, GanLoss.parse("wgan-gp"));
        assertEquals(GanLoss.WGAN_GP, GanLoss.parse("WGAN_GP"));
        assertEquals(GanLoss.NON_SATURATING, GanLoss.parse("nonsaturating"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanLoss.parse("wasserstein"));
        assertTrue(e.getMessage().contains("'wasserstein'") && e.getMessage().contains("hinge"), e.getMessage());
    }

    private static final GanLoss[] FGAN = {GanLoss.FGAN_KL, GanLoss.FGAN_REVERSE_KL, GanLoss.FGAN_PEARSON,
        GanLoss.FGAN_HELLINGER, GanLoss.FGAN_JS, GanLoss.FGAN_GAN};

    @Test
    void fGanLossesAreTheBoundsTermsWithTheNonSaturatingGenerator() {
        for (GanLoss loss : FGAN) {
            FDivergence f = loss.fDivergence().orElseThrow();
            assertTrue(loss.id().startsWith("fgan-") && !loss.supportsLabelSmoothing() && !loss.probabilistic()
                    && loss.displaysProbability(), loss.toString());
            assertTrue(loss.formula().contains("non-saturating") && loss.formula().contains(f.label()),
                    loss.formula());
            for (double s : SCORES) {
                double t = f.activation(s);
                assertEquals(-t, loss.realLoss(s, 1), 1e-15 * Math.max(1, Math.abs(t)), loss + " real at " + s);
                double conj = f.conjugate(t);
                assertEquals(conj, loss.fakeLoss(s), 1e-10 * Math.max(1, Math.abs(conj)), loss + " fake at " + s);
                assertEquals(-t, loss.generatorLoss(s), 1e-15 * Math.max(1, Math.abs(t)), loss + " G at " + s);
            }
        }
        for (GanLoss loss : GanLoss.values()) {
            assertEquals(java.util.Arrays.asList(FGAN).contains(loss), loss.fDivergence().isPresent(), loss.id());
        }
    }

    /** Goodfellow's GAN is the f-GAN of the GAN divergence; Jensen-Shannon shifts each term by log 2. */
    @Test
    void theGanAndJensenShannonFGansAreTheNonSaturatingGan() {
        double log2 = Math.log(2);
        for (double s : new double[] {-50, -4.2, -0.6, 0, 0.8, 3.9, 50}) {
            GanLoss ns = GanLoss.NON_SATURATING;
            assertEquals(ns.realLoss(s, 1), GanLoss.FGAN_GAN.realLoss(s, 1), 1e-14, "real at " + s);
            assertEquals(ns.fakeLoss(s), GanLoss.FGAN_GAN.fakeLoss(s), 1e-14, "fake at " + s);
            assertEquals(ns.generatorLoss(s), GanLoss.FGAN_GAN.generatorLoss(s), 1e-14, "G at " + s);
            assertEquals(ns.realLoss(s, 1) - log2, GanLoss.FGAN_JS.realLoss(s, 1), 1e-14, "JS real at " + s);
            assertEquals(ns.fakeLoss(s) - log2, GanLoss.FGAN_JS.fakeLoss(s), 1e-14, "JS fake at " + s);
            assertEquals(ns.displayScore(s), GanLoss.FGAN_GAN.displayScore(s), 1e-16, "D(x) at " + s);
            assertEquals(ns.displayScore(s), GanLoss.FGAN_JS.displayScore(s), 1e-16, "JS D(x) at " + s);
        }
    }

    /**
     * With P = Q the optimal critic is T = f'(1) everywhere and D's loss there is −(T − f*(T)) = −f(1): 0 for every
     * f of the table but the GAN one, whose f(1) = −log 4. The score is found by maximising T − f*(T) over s.
     */
    @Test
    void dsLossAtTheOptimumForEqualDistributionsIsMinusFOfOne() {
        for (GanLoss loss : FGAN) {
            double best = FDivergenceTest.goldenMax(s -> -loss.realLoss(s, 1) - loss.fakeLoss(s), -30, 30);
            double expected = loss == GanLoss.FGAN_GAN ? Math.log(4) : 0;
            assertEquals(expected, loss.realLoss(best, 1) + loss.fakeLoss(best), 1e-12, loss.toString());
            assertEquals(0.5, loss.displayScore(best), 1e-7, loss + ": equal densities read as even odds");
        }
    }

    @Test
    void fGanTermsStayFiniteAndExactAtScoresOfFifty() {
        double e50 = Math.exp(-50);
        double log2 = Math.log(2);
        for (GanLoss loss : FGAN) {
            for (double s : new double[] {-50, 50}) {
                double[] all = {loss.realLoss(s, 1), loss.realLossDerivative(s, 1), loss.fakeLoss(s),
                    loss.fakeLossDerivative(s), loss.generatorLoss(s), loss.generatorLossDerivative(s),
                    loss.displayScore(s)};
                for (double v : all) {
                    assertTrue(Double.isFinite(v), loss + " at " + s + ": " + java.util.Arrays.toString(all));
                }
            }
        }
        assertEquals(Math.exp(49), GanLoss.FGAN_KL.fakeLoss(50), 1e-12 * Math.exp(49));
        assertEquals(Math.exp(-51), GanLoss.FGAN_KL.fakeLoss(-50), 1e-12 * Math.exp(-51));
        assertEquals(Math.exp(50), GanLoss.FGAN_REVERSE_KL.realLoss(-50, 1), 1e-12 * Math.exp(50));
        assertEquals(-Math.exp(50), GanLoss.FGAN_REVERSE_KL.generatorLossDerivative(-50), 1e-12 * Math.exp(50));
        assertEquals(49, GanLoss.FGAN_REVERSE_KL.fakeLoss(50), 0);
        assertEquals(-51, GanLoss.FGAN_REVERSE_KL.fakeLoss(-50), 0);
        assertEquals(575, GanLoss.FGAN_PEARSON.fakeLoss(-50), 0);
        assertEquals(Math.exp(50) - 1, GanLoss.FGAN_HELLINGER.fakeLoss(50), 1e-12 * Math.exp(50));
        assertEquals(e50, GanLoss.FGAN_HELLINGER.fakeLossDerivative(-50), 1e-12 * e50);
        assertEquals(-e50, GanLoss.FGAN_HELLINGER.realLossDerivative(50, 1), 1e-12 * e50);
        assertEquals(e50, GanLoss.FGAN_GAN.realLoss(50, 1), 1e-12 * e50);
        assertEquals(50, GanLoss.FGAN_GAN.fakeLoss(50), 1e-12);
        assertEquals(e50, GanLoss.FGAN_GAN.fakeLoss(-50), 1e-12 * e50);
        assertEquals(50 - log2, GanLoss.FGAN_JS.fakeLoss(50), 1e-12);
        assertEquals(e50, GanLoss.FGAN_JS.fakeLossDerivative(-50), 1e-12 * e50);
        assertEquals(-e50, GanLoss.FGAN_JS.generatorLossDerivative(50), 1e-12 * e50);
    }

    @Test
    void fGanLossesRefuseLabelSmoothingAndParseByTheirIds() {
        org.latentlab.model.OptimizerSpec adam = org.latentlab.model.OptimizerSpec.adam(1e-3, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GanSettings(GanLoss.FGAN_KL, 1, 8, adam, adam, true, 0, 0, 0));
        assertTrue(e.getMessage().contains("fgan-kl"), e.getMessage());
        assertEquals(GanLoss.FGAN_REVERSE_KL, GanLoss.parse("fgan-reverse-kl"));
        assertEquals(GanLoss.FGAN_JS, GanLoss.parse("FGAN_JS"));
        for (String id : new String[] {"fgan-kl", "fgan-reverse-kl", "fgan-pearson", "fgan-hellinger", "fgan-js",
            "fgan-gan"}) {
            assertEquals(id, GanLoss.parse(id).id());
        }
    }
}
