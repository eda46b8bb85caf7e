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
}
