package org.latentlab.analysis.relu;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearPiecesTest {

    /** A 1-3-2-1 net written by hand: first-layer kinks at -0.5, 0.2, 0.6; the second layer adds more. */
    static ReluNet handBuilt() {
        double[] p = {
                1, -1, 2,            // W1 (3 x 1)
                0.5, 0.2, -1.2,      // b1: relu(x + 0.5), relu(0.2 - x), relu(2x - 1.2)
                1, 1, -1, 1, -2, 1,  // W2 (2 x 3)
                -0.6, 0.1,           // b2
                1.5, -1,             // W3
                0.3};
        return new ReluNet(new int[] {1, 3, 2, 1}, p);
    }

    /** Slope changes of the sampled function, clusters of neighbouring detections counted once. */
    static int kinksBySampling(ReluNet net, double lo, double hi, int n) {
        double h = (hi - lo) / n;
        double[] y = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            y[i] = net.output(lo + i * h);
        }
        int kinks = 0;
        boolean inKink = false;
        for (int i = 1; i < n; i++) {
            double s0 = (y[i] - y[i - 1]) / h;
            double s1 = (y[i + 1] - y[i]) / h;
            boolean change = Math.abs(s1 - s0) > 1e-6 * Math.max(1, Math.abs(s0));
            if (change && !inKink) {
                kinks++;
            }
            inKink = change;
        }
        return kinks;
    }

    @Test
    void theExactPiecesOfAHandBuiltNetAreTheKinksFoundByDenseSampling() {
        ReluNet net = handBuilt();
        LinearPieces pieces = LinearPieces.of(net, -2, 2);
        int sampled = kinksBySampling(net, -2, 2, 400_000);
        assertTrue(sampled >= 3, "the hand-built net bends at least at its first layer's kinks: " + sampled);
        assertEquals(sampled, pieces.kinks().length);
        assertEquals(sampled + 1, pieces.pieces());
        for (int i = 0; i <= 200; i++) {
            double x = -2 + 4 * i / 200.0;
            assertEquals(net.output(x), pieces.valueAt(x), 1e-12, "at " + x);
        }
    }

    @Test
    void randomNetsAgreeWithSamplingToo() {
        for (long seed = 1; seed <= 3; seed++) {
            ReluNet net = ReluNet.random(ReluNet.sizes(1, 3, 4), 0.3, new Random(seed));
            LinearPieces pieces = LinearPieces.of(net, -1, 1);
            double[] k = pieces.kinks();
            double gap = 1;
            for (int i = 1; i < k.length; i++) {
                gap = Math.min(gap, k[i] - k[i - 1]);
            }
            // sampling resolves kinks further apart than a few samples
            if (gap > 1e-4) {
                assertEquals(kinksBySampling(net, -1, 1, 400_000), k.length, "seed " + seed);
            }
            for (Double x : new double[] {-0.9, -0.31, 0.07, 0.55}) {
                assertEquals(net.output(x), pieces.valueAt(x), 1e-12);
            }
        }
    }

    @Test
    void theSawtoothOfLLayersHasExactlyTwoToTheLPieces() {
        for (int layers = 1; layers <= 12; layers++) {
            ReluNet net = Constructions.sawtooth(layers);
            LinearPieces pieces = LinearPieces.of(net, 0, 1);
            assertEquals(1 << layers, pieces.pieces(), "L = " + layers);
            assertEquals(2 * layers, net.hiddenUnits());
            for (double x : new double[] {0.1, 0.37, 0.5, 0.9}) {
                assertEquals(FitTarget.tent(x, layers), net.output(x), 1e-12);
            }
        }
        assertEquals(1 << 6, kinksBySampling(Constructions.sawtooth(6), 0, 1, 100_000) + 1);
    }

    @Test
    void yarotskysDeepSquareAndTheShallowInterpolantMeetTheirClosedFormErrors() {
        for (int m = 1; m <= 8; m++) {
            ReluNet deep = Constructions.deepSquare(m);
            assertEquals(Constructions.deepSquareError(m), Constructions.supErrorToSquare(deep, 0, 1),
                    1e-12 + 1e-9 * Constructions.deepSquareError(m), "m = " + m);
            assertEquals(1 << m, LinearPieces.of(deep, 0, 1).pieces());
        }
        for (int n : new int[] {1, 2, 5, 16}) {
            assertEquals(Constructions.shallowSquareError(n),
                    Constructions.supErrorToSquare(Constructions.shallowSquare(n), 0, 1), 1e-12, "n = " + n);
        }
        // the error found by dense sampling agrees with the piecewise-exact one
        ReluNet deep = Constructions.deepSquare(3);
        double worst = 0;
        for (int i = 0; i <= 64_000; i++) {
            double x = i / 64_000.0;
            worst = Math.max(worst, Math.abs(deep.output(x) - x * x));
        }
        assertEquals(Constructions.deepSquareError(3), worst, 1e-9);
    }
}
