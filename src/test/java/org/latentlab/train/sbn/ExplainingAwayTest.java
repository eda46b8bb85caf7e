package org.latentlab.train.sbn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The two-cause net's posterior against the closed form, and what a factorised q makes of it. */
class ExplainingAwayTest {

    private static double sigma(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    /** p(h1, h2 | v) by Bayes' rule written out for the two-cause net. */
    private static double[] closedForm(double b, double w, double c, int v) {
        double[] joint = new double[4];
        double z = 0;
        for (int s = 0; s < 4; s++) {
            int h1 = s & 1;
            int h2 = (s >> 1) & 1;
            // 1 - σ(a) written as σ(-a), which keeps its digits where σ(a) is close to 1
            double prior = sigma(h1 == 1 ? b : -b) * sigma(h2 == 1 ? b : -b);
            double a = c + w * h1 + w * h2;
            joint[s] = prior * sigma(v == 1 ? a : -a);
            z += joint[s];
        }
        for (int s = 0; s < 4; s++) {
            joint[s] /= z;
        }
        return joint;
    }

    @Test
    void posteriorEqualsBayesRuleWrittenOut() {
        for (ExplainingAway net : new ExplainingAway[] {ExplainingAway.hinton(), new ExplainingAway(-1, 2, -2),
                new ExplainingAway(0.5, -3, 1)}) {
            for (int v = 0; v < 2; v++) {
                double[] expected = closedForm(net.causeBias(), net.weight(), net.visibleBias(), v);
                double[] exact = net.posterior(v == 1).exact();
                for (int s = 0; s < 4; s++) {
                    assertEquals(expected[s], exact[s], 1e-12 * Math.max(1, expected[s]) + 1e-15,
                            net + " v=" + v + " state " + s);
                    assertEquals(expected[s], exact[s], expected[s] * 1e-9, "relative, state " + s);
                }
            }
        }
    }

    @Test
    void seeingTheHouseJumpMakesOneCauseLikelyAndBothUnlikely() {
        ExplainingAway.Posterior p = ExplainingAway.hinton().posterior(true);
        // either cause alone: prior σ(-10) times σ(0) = 1/2; both: σ(-10)² times σ(20); neither: σ(-20)
        assertEquals(0.5, p.exact()[1], 1e-3);
        assertEquals(0.5, p.exact()[2], 1e-3);
        assertTrue(p.exact()[3] < 1e-4 && p.exact()[0] < 1e-4, "both and neither are unlikely");
        // each cause is likely (about 1/2) but given the other it is not: explaining away
        double trueGivenEarthquake = p.exact()[3] / (p.exact()[1] + p.exact()[3]);
        assertTrue(p.marginal(1) > 0.49 && trueGivenEarthquake < 1e-3, "the earthquake explains the jump away");
        assertTrue(p.correlation() < -0.99, "anti-correlated given the effect: " + p.correlation());
        ExplainingAway.Posterior off = ExplainingAway.hinton().posterior(false);
        assertTrue(Math.abs(off.correlation()) < 1e-3, "the causes stay nearly independent when the house is still");
    }

    @Test
    void factorisedQIsTheProductOfTheExactMarginalsAndMissesTheAntiCorrelation() {
        for (boolean on : new boolean[] {false, true}) {
            ExplainingAway.Posterior p = ExplainingAway.hinton().posterior(on);
            double m1 = p.marginal(0);
            double m2 = p.marginal(1);
            double sum = 0;
            for (int s = 0; s < 4; s++) {
                double expected = ((s & 1) == 1 ? m1 : 1 - m1) * ((s & 2) == 2 ? m2 : 1 - m2);
                assertEquals(expected, p.factorised()[s], 1e-9, "q of state " + s);
                sum += p.factorised()[s];
            }
            assertEquals(1, sum, 1e-12);
        }
        ExplainingAway.Posterior on = ExplainingAway.hinton().posterior(true);
        assertEquals(0.25, on.factorised()[3], 1e-3, "q gives both causes a quarter");
        assertEquals(0.25, on.factorised()[0], 1e-3, "and neither a quarter");
    }

    @Test
    void sleepPhaseOnDreamsLearnsThePosteriorMarginals() {
        // a milder net, so that dreams with the effect on are common: prior σ(-1), weights 2, effect bias -2
        ExplainingAway mild = new ExplainingAway(-1, 2, -2);
        SigmoidBeliefNet net = mild.net();
        java.util.Random r = new java.util.Random(7);
        for (int it = 0; it < 4000; it++) {
            java.util.List<double[][]> dreams = new java.util.ArrayList<>();
            for (int k = 0; k < 50; k++) {
                dreams.add(net.dream(r));
            }
            WakeSleep.applyRecognition(net, WakeSleep.sleep(net, dreams), it < 2000 ? 0.5 : 0.1);
        }
        for (int v = 0; v < 2; v++) {
            ExplainingAway.Posterior p = mild.posterior(v == 1);
            double[] q = net.recognitionProbabilities(1, new double[] {v});
            assertEquals(p.marginal(0), q[0], 0.03, "q(earthquake | v=" + v + ")");
            assertEquals(p.marginal(1), q[1], 0.03, "q(truck | v=" + v + ")");
        }
    }

    @Test
    void refusesAbsurdNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExplainingAway(Double.NaN, 20, -20));
        assertTrue(e.getMessage().contains("between -100 and 100"), e.getMessage());
    }
}
