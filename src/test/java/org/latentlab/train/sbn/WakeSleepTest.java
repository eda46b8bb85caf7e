package org.latentlab.train.sbn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

/** The wake and sleep updates against their formulas written out, and against finite differences of the log-likelihoods. */
class WakeSleepTest {

    /** A 3-2 net (visible 3, hidden 2) with every parameter drawn at random. */
    private static SigmoidBeliefNet randomNet(long seed, int... sizes) {
        Random r = new Random(seed);
        SigmoidBeliefNet net = new SigmoidBeliefNet(sizes);
        net.randomiseWeights(1.0, r);
        for (int l = 0; l <= net.top(); l++) {
            fill(net.generativeBiases(l), r);
        }
        for (int l = 1; l <= net.top(); l++) {
            fill(net.recognitionBiases(l), r);
        }
        return net;
    }

    private static void fill(double[] a, Random r) {
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
    }

    private static double sigma(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    private static final double[][] STATES_A = {{1, 0, 1}, {1, 1}};
    private static final double[][] STATES_B = {{0, 1, 1}, {0, 1}};

    @Test
    void wakeUpdateIsTheDeltaRuleForEachLayerFromTheOneAbove() {
        SigmoidBeliefNet net = randomNet(3, 3, 2);
        double[] g = net.generativeWeights(1);
        double[] b0 = net.generativeBiases(0);
        double[] b1 = net.generativeBiases(1);
        WakeSleep.Deltas d = WakeSleep.wake(net, List.of(STATES_A, STATES_B));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = 0;
                double expectedBias = 0;
                for (double[][] s : new double[][][] {STATES_A, STATES_B}) {
                    double p = sigma(s[1][0] * g[j] + s[1][1] * g[3 + j] + b0[j]);
                    expected += s[1][i] * (s[0][j] - p) / 2;
                    expectedBias += (s[0][j] - p) / 2;
                }
                assertEquals(expected, d.weights()[0][i * 3 + j], 1e-14, "dG[" + i + "][" + j + "]");
                assertEquals(expectedBias, d.biases()[0][j], 1e-14, "db0[" + j + "]");
            }
            double top = ((STATES_A[1][i] - sigma(b1[i])) + (STATES_B[1][i] - sigma(b1[i]))) / 2;
            assertEquals(top, d.biases()[1][i], 1e-14, "top bias " + i);
        }
    }

    @Test
    void sleepUpdateIsTheDeltaRuleForEachLayerFromTheOneBelow() {
        SigmoidBeliefNet net = randomNet(4, 3, 2);
        double[] r = net.recognitionWeights(1);
        double[] r1 = net.recognitionBiases(1);
        WakeSleep.Deltas d = WakeSleep.sleep(net, List.of(STATES_A, STATES_B));
        for (int i = 0; i < 2; i++) {
            double expectedBias = 0;
            for (int j = 0; j < 3; j++) {
                double expected = 0;
                for (double[][] s : new double[][][] {STATES_A, STATES_B}) {
                    double q = sigma(s[0][0] * r[i] + s[0][1] * r[2 + i] + s[0][2] * r[4 + i] + r1[i]);
                    expected += s[0][j] * (s[1][i] - q) / 2;
                }
                assertEquals(expected, d.weights()[0][j * 2 + i], 1e-14, "dR[" + j + "][" + i + "]");
            }
            for (double[][] s : new double[][][] {STATES_A, STATES_B}) {
                double q = sigma(s[0][0] * r[i] + s[0][1] * r[2 + i] + s[0][2] * r[4 + i] + r1[i]);
                expectedBias += (s[1][i] - q) / 2;
            }
            assertEquals(expectedBias, d.biases()[0][i], 1e-14, "dr[" + i + "]");
        }
    }

    @Test
    void wakeAndSleepAreTheGradientsOfTheLogLikelihoodsOfTheStates() {
        SigmoidBeliefNet net = randomNet(5, 3, 2, 2);
        double[][] s = {{1, 0, 1}, {0, 1}, {1, 1}};
        WakeSleep.Deltas wake = WakeSleep.wake(net, List.<double[][]>of(s));
        WakeSleep.Deltas sleep = WakeSleep.sleep(net, List.<double[][]>of(s));
        double h = 1e-6;
        for (int l = 1; l <= 2; l++) {
            double[] g = net.generativeWeights(l);
            double[] r = net.recognitionWeights(l);
            for (int k = 0; k < g.length; k++) {
                double fd = centred(g, k, h, () -> net.logJoint(s));
                assertEquals(fd, wake.weights()[l - 1][k], 1e-8, "dlogp/dG" + l + "[" + k + "]");
            }
            for (int k = 0; k < r.length; k++) {
                double fd = centred(r, k, h, () -> net.logRecognition(s));
                assertEquals(fd, sleep.weights()[l - 1][k], 1e-8, "dlogq/dR" + l + "[" + k + "]");
            }
        }
        for (int l = 0; l <= 2; l++) {
            double[] b = net.generativeBiases(l);
            for (int k = 0; k < b.length; k++) {
                assertEquals(centred(b, k, h, () -> net.logJoint(s)), wake.biases()[l][k], 1e-8, "b" + l);
            }
        }
    }

    @Test
    void applyingAddsTheRateTimesTheChange() {
        SigmoidBeliefNet net = randomNet(6, 3, 2);
        double before = net.generativeWeights(1)[4];
        double beforeR = net.recognitionBiases(1)[1];
        WakeSleep.Deltas wake = WakeSleep.wake(net, List.<double[][]>of(STATES_A));
        WakeSleep.Deltas sleep = WakeSleep.sleep(net, List.<double[][]>of(STATES_A));
        WakeSleep.applyGenerative(net, wake, 0.5);
        WakeSleep.applyRecognition(net, sleep, 0.5);
        assertEquals(before + 0.5 * wake.weights()[0][4], net.generativeWeights(1)[4], 1e-15);
        assertEquals(beforeR + 0.5 * sleep.biases()[0][1], net.recognitionBiases(1)[1], 1e-15);
    }

    private static double centred(double[] p, int k, double h, java.util.function.DoubleSupplier f) {
        double keep = p[k];
        p[k] = keep + h;
        double up = f.getAsDouble();
        p[k] = keep - h;
        double down = f.getAsDouble();
        p[k] = keep;
        return (up - down) / (2 * h);
    }
}
