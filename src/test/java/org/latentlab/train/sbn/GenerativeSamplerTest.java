package org.latentlab.train.sbn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Random;

/** Dreams of a tiny net against the exact distribution listed state by state. */
class GenerativeSamplerTest {

    @Test
    void dreamsFollowTheExactDistributionOfTheVisibleUnits() {
        Random r = new Random(11);
        SigmoidBeliefNet net = new SigmoidBeliefNet(3, 2, 2);
        net.randomiseWeights(1.5, r);
        for (int l = 0; l <= 2; l++) {
            for (int i = 0; i < net.size(l); i++) {
                net.generativeBiases(l)[i] = r.nextGaussian();
            }
        }
        double[] exact = ExactEnumeration.visibleDistribution(net);
        double total = 0;
        for (double p : exact) {
            total += p;
        }
        assertEquals(1, total, 1e-12, "the exact distribution sums to 1");
        int n = 200_000;
        int[] counts = new int[exact.length];
        double[] topOn = new double[2];
        for (int k = 0; k < n; k++) {
            double[][] s = net.dream(r);
            counts[(int) (s[0][0] + 2 * s[0][1] + 4 * s[0][2])]++;
            topOn[0] += s[2][0];
            topOn[1] += s[2][1];
        }
        for (int x = 0; x < exact.length; x++) {
            double se = Math.sqrt(exact[x] * (1 - exact[x]) / n);
            // within 4.5 standard errors: a false alarm about once in 150,000 runs per state
            assertEquals(exact[x], counts[x] / (double) n, 4.5 * se, "p(x0 = " + x + ")");
        }
        for (int i = 0; i < 2; i++) {
            double p = Bernoulli.sigmoid(net.generativeBiases(2)[i]);
            assertEquals(p, topOn[i] / n, 4.5 * Math.sqrt(p * (1 - p) / n), "top unit " + i);
        }
    }

    @Test
    void posteriorOfANetWithOneHiddenUnitIsBayesRule() {
        SigmoidBeliefNet net = new SigmoidBeliefNet(2, 1);
        net.generativeBiases(1)[0] = 0.3;
        net.generativeWeights(1)[0] = 1.2;
        net.generativeWeights(1)[1] = -0.7;
        net.generativeBiases(0)[0] = -0.4;
        net.generativeBiases(0)[1] = 0.9;
        double[] x = {1, 0};
        double on = Bernoulli.sigmoid(0.3) * Bernoulli.sigmoid(1.2 - 0.4) * (1 - Bernoulli.sigmoid(-0.7 + 0.9));
        double off = (1 - Bernoulli.sigmoid(0.3)) * Bernoulli.sigmoid(-0.4) * (1 - Bernoulli.sigmoid(0.9));
        double[] post = ExactEnumeration.posterior(net, x);
        assertEquals(off / (on + off), post[0], 1e-14);
        assertEquals(on / (on + off), post[1], 1e-14);
    }

    @Test
    void logProbabilityStaysExactWhereTheSigmoidRoundsToOne() {
        // σ(40) is 1 in double; log(1 - σ(40)) must still be -40 - log(1 + e^-40)
        assertEquals(-40 - Math.log1p(Math.exp(-40)), Bernoulli.logProbability(new double[] {0}, new double[] {40}),
                1e-12);
    }

    @Test
    void refusesNetsTooLargeToList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactEnumeration.posterior(new SigmoidBeliefNet(2, 21), new double[] {0, 1}));
        assertTrue(e.getMessage().contains("too many units"), e.getMessage());
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class, () -> new SigmoidBeliefNet(5));
        assertTrue(tiny.getMessage().contains("at least one hidden layer"), tiny.getMessage());
    }
}
