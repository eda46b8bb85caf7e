package org.latentlab.train.sbn;

import org.junit.jupiter.api.Test;
import org.latentlab.testing.FlatImages;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wake-sleep family's trainer: it starts as the wake-sleep study's trainer does and measures the same held-out
 * bound; its one-sample bound averages to the exact variational bound listed by enumeration on a tiny net, which
 * lies below the exact log-likelihood; training raises it; and its settings refuse bad values naming the field.
 */
class SbnTrainerTest {

    /** Grey images: the left half bright in even examples, the right half in odd ones, with noise. */
    private static FlatImages grey(int n, long seed) {
        Random r = new Random(seed);
        float[] px = new float[n * 16];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < 16; j++) {
                boolean left = j % 4 < 2;
                px[k * 16 + j] = (left == (k % 2 == 0) ? 0.8f : 0.1f) + 0.1f * r.nextFloat();
            }
        }
        return new FlatImages("grey", px, 1, 4, 4);
    }

    @Test
    void measuresTheStudysBoundAtTheStart() {
        FlatImages train = grey(60, 1);
        FlatImages heldOut = grey(12, 2);
        long seed = 7;
        WakeSleepTrainer study = new WakeSleepTrainer(new WakeSleepSettings(List.of(5, 3), 0.1, 10, 1, 1, seed),
                train, heldOut, 12);
        SbnTrainer family = new SbnTrainer(new SbnSettings(List.of(5, 3), 0.1, 0.1, 10), train, seed);
        WakeSleepStatus.Point expected = study.measureHeldOut(0);
        WakeSleepStatus.Point actual = family.measureHeldOut(SbnTrainer.binarise(heldOut, 12, seed));
        assertEquals(expected.bound(), actual.bound(), 0.0);
        assertEquals(expected.reconstruction(), actual.reconstruction(), 0.0);
    }

    /** Four pixels: the first two bright in even examples, the last two in odd ones. */
    private static FlatImages pairs(int n) {
        float[] px = new float[n * 4];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < 4; j++) {
                px[k * 4 + j] = (j < 2) == (k % 2 == 0) ? 0.9f : 0.1f;
            }
        }
        return new FlatImages("pairs", px, 1, 2, 2);
    }

    @Test
    void oneSampleBoundAveragesToTheExactBoundBelowTheLogLikelihood() {
        SbnTrainer t = new SbnTrainer(new SbnSettings(List.of(2, 1), 0.3, 0.3, 10), pairs(40), 11);
        for (int i = 0; i < 400; i++) {
            t.iterate();
        }
        SigmoidBeliefNet net = t.net();
        double[] x = {1, 1, 0, 0};
        double elbo = 0;
        double second = 0;
        for (int c = 0; c < 1 << 3; c++) {
            double[][] s = ExactEnumeration.states(net, x, c);
            double q = Math.exp(net.logRecognition(s));
            double f = net.logJoint(s) - net.logRecognition(s);
            elbo += q * f;
            second += q * f * f;
        }
        double sd = Math.sqrt(Math.max(0, second - elbo * elbo));
        double logp = Math.log(ExactEnumeration.visibleDistribution(net)[0b0011]);
        assertTrue(elbo <= logp + 1e-12, "the bound " + elbo + " lies below log p(x) = " + logp);
        assertTrue(logp > Math.log(1.0 / 16), "training made the pattern likelier than uniform: " + logp);

        int n = 20000;
        double[][] copies = new double[n][];
        Arrays.fill(copies, x);
        double estimate = t.measureHeldOut(copies).bound();
        assertEquals(elbo, estimate, 5 * sd / Math.sqrt(n) + 1e-9, "exact bound " + elbo + ", sd " + sd);
    }

    @Test
    void trainingRaisesTheHeldOutBound() {
        FlatImages heldOut = grey(20, 9);
        SbnTrainer t = new SbnTrainer(new SbnSettings(List.of(4), 0.2, 0.2, 10), grey(60, 8), 3);
        double[][] held = SbnTrainer.binarise(heldOut, 20, 3);
        double before = t.measureHeldOut(held).bound();
        for (int i = 0; i < 1500; i++) {
            t.iterate();
        }
        double after = t.measureHeldOut(held).bound();
        assertEquals(1500, t.iteration());
        assertTrue(after > before + 1, "bound " + before + " -> " + after);
        assertTrue(Double.isFinite(t.lastLosses().get(SbnTrainer.NEGATIVE_BOUND)));
    }

    @Test
    void settingsNameTheFieldThatIsWrong() {
        assertMessage("sbn.hidden", () -> new SbnSettings(List.of(), 0.1, 0.1, 20));
        assertMessage("sbn.hidden: layer 2 has 0 units", () -> new SbnSettings(List.of(100, 0), 0.1, 0.1, 20));
        assertMessage("sbn.generativeRate", () -> new SbnSettings(List.of(100), -0.1, 0.1, 20));
        assertMessage("sbn.recognitionRate", () -> new SbnSettings(List.of(100), 0.1, Double.NaN, 20));
        assertMessage("sbn.batch", () -> new SbnSettings(List.of(100), 0.1, 0.1, 0));
    }

    private static void assertMessage(String start, Runnable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
