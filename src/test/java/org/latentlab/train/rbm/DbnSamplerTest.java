package org.latentlab.train.rbm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.core.Seeds;
import org.latentlab.train.DoublePrecision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sampling from a deep belief net, in double precision against the formulas written out by hand: a 3-2-2-2 stack
 * with set weights, its top-down pass p(x_{l-1} | x_l) = sigmoid(x_l W_lᵀ + b_l) mean-field and stochastic, the
 * Gibbs steps in the top RBM, and a 1-layer DBN against the RBM's own sampler.
 */
@ExtendWith(DoublePrecision.class)
class DbnSamplerTest {

    private static final double TOL = 1e-12;

    // RBM 1: 3 pixels - 2 units
    private static final double[][] W1 = {{0.5, -1.0}, {2.0, 0.25}, {-0.75, 1.5}};
    private static final double[] B1 = {0.1, -0.2, 0.3};
    private static final double[] C1 = {-0.4, 0.6};
    // RBM 2: 2 - 2
    private static final double[][] W2 = {{1.2, -0.8}, {-0.3, 0.9}};
    private static final double[] B2 = {0.05, -0.15};
    private static final double[] C2 = {0.2, -0.1};
    // RBM 3: 2 - 2
    private static final double[][] W3 = {{-1.1, 0.7}, {0.4, 1.3}};
    private static final double[] B3 = {0.35, -0.25};
    private static final double[] C3 = {-0.05, 0.45};

    private static DeepBeliefNet stack() {
        DeepBeliefNet dbn = new DeepBeliefNet(3, List.of(2, 2, 2), 1, DataType.DOUBLE);
        set(dbn.rbm(0), W1, B1, C1);
        set(dbn.rbm(1), W2, B2, C2);
        set(dbn.rbm(2), W3, B3, C3);
        return dbn;
    }

    private static void set(Rbm rbm, double[][] w, double[] b, double[] c) {
        rbm.setParameters(Nd4j.create(w).castTo(DataType.DOUBLE),
                Nd4j.create(new double[][] {b}).castTo(DataType.DOUBLE),
                Nd4j.create(new double[][] {c}).castTo(DataType.DOUBLE));
    }

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    /** p(lower = 1 | upper) = sigmoid(upper Wᵀ + b) for one row, by hand. */
    private static double[] down(double[] upper, double[][] w, double[] b) {
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double a = b[i];
            for (int j = 0; j < upper.length; j++) {
                a += upper[j] * w[i][j];
            }
            out[i] = sigmoid(a);
        }
        return out;
    }

    /** p(upper = 1 | lower) = sigmoid(lower W + c) for one row, by hand. */
    private static double[] up(double[] lower, double[][] w, double[] c) {
        double[] out = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            double a = c[j];
            for (int i = 0; i < lower.length; i++) {
                a += lower[i] * w[i][j];
            }
            out[j] = sigmoid(a);
        }
        return out;
    }

    /** Binary states drawn as the lab draws them: 1 where p > u, the uniforms taken from r in row-major order. */
    private static double[][] bernoulli(double[][] p, Random r) {
        double[][] out = new double[p.length][];
        for (int n = 0; n < p.length; n++) {
            out[n] = new double[p[n].length];
            for (int i = 0; i < p[n].length; i++) {
                out[n][i] = p[n][i] > r.nextDouble() ? 1 : 0;
            }
        }
        return out;
    }

    private static void assertRows(double[][] expected, INDArray actual) {
        assertEquals(expected.length, actual.rows());
        for (int n = 0; n < expected.length; n++) {
            assertArrayEquals(expected[n], actual.getRow(n).toDoubleVector(), TOL, "row " + n);
        }
    }

    private static final double[][] TOP = {{0.9, 0.2}, {0.1, 0.7}};

    @Test
    void meanFieldPassDownEqualsTheProbabilitiesWrittenOut() {
        DeepBeliefNet dbn = stack();
        // 3-layer DBN: x2 (the top RBM's visible layer) -> x1 through RBM 2 -> pixels through RBM 1
        INDArray pixels = DbnSampler.topDown(dbn, Nd4j.create(TOP), 3, DbnSampler.DownPass.MEAN_FIELD,
                new Random(0));
        // row 0 by hand: x1 = sigmoid(x2 W2ᵀ + b2), v = sigmoid(x1 W1ᵀ + b1)
        double x10 = sigmoid(0.05 + 0.9 * 1.2 + 0.2 * -0.8);
        double x11 = sigmoid(-0.15 + 0.9 * -0.3 + 0.2 * 0.9);
        double[] row0 = {
            sigmoid(0.1 + x10 * 0.5 + x11 * -1.0),
            sigmoid(-0.2 + x10 * 2.0 + x11 * 0.25),
            sigmoid(0.3 + x10 * -0.75 + x11 * 1.5)};
        assertArrayEquals(row0, pixels.getRow(0).toDoubleVector(), TOL);
        assertRows(new double[][] {row0, down(down(TOP[1], W2, B2), W1, B1)}, pixels);

        // the 2-layer DBN's pass goes through RBM 1 only
        INDArray two = DbnSampler.topDown(dbn, Nd4j.create(TOP), 2, DbnSampler.DownPass.MEAN_FIELD, new Random(0));
        assertRows(new double[][] {down(TOP[0], W1, B1), down(TOP[1], W1, B1)}, two);
    }

    @Test
    void stochasticPassDownSamplesEveryHiddenLayerAndShowsThePixelProbabilities() {
        DeepBeliefNet dbn = stack();
        INDArray pixels = DbnSampler.topDown(dbn, Nd4j.create(TOP), 3, DbnSampler.DownPass.STOCHASTIC,
                new Random(42));
        Random r = new Random(42);
        double[][] x2 = bernoulli(TOP, r);
        double[][] x1 = bernoulli(new double[][] {down(x2[0], W2, B2), down(x2[1], W2, B2)}, r);
        assertRows(new double[][] {down(x1[0], W1, B1), down(x1[1], W1, B1)}, pixels);
        for (double p : pixels.ravel().toDoubleVector()) {
            assertTrue(p > 0 && p < 1, "the pixels are probabilities, not states: " + p);
        }
    }

    @Test
    void gibbsStepsInTheTopRbmThenOnePassDownFollowTheirFormulas() {
        DeepBeliefNet dbn = stack();
        double[][] start = {{1, 0}, {0.3, 0.8}};
        long seed = 11;
        INDArray got = DbnSampler.sample(dbn, 3, Nd4j.create(start), 2, DbnSampler.DownPass.MEAN_FIELD, seed);

        // two steps in RBM 3 by hand: h ~ p(h|x) = sigmoid(x W3 + c3); p(x|h) = sigmoid(h W3ᵀ + b3); x ~ p(x|h)
        Random r = new Random(Seeds.mix(seed));
        double[][] x = start;
        double[][] p = null;
        for (int step = 0; step < 2; step++) {
            double[][] h = bernoulli(new double[][] {up(x[0], W3, C3), up(x[1], W3, C3)}, r);
            p = new double[][] {down(h[0], W3, B3), down(h[1], W3, B3)};
            x = bernoulli(p, r);
        }
        assertRows(p, dbn.rbm(2).gibbsSample(Nd4j.create(start), 2, seed));
        // the chain's last probabilities, then the mean-field pass through RBMs 2 and 1
        assertRows(new double[][] {down(down(p[0], W2, B2), W1, B1), down(down(p[1], W2, B2), W1, B1)}, got);
    }

    @Test
    void aOneLayerDbnSamplesAsItsRbmDoesWithTheSameSeed() {
        DeepBeliefNet dbn = new DeepBeliefNet(12, List.of(5, 3), 3, DataType.DOUBLE);
        set(dbn.rbm(0), gaussian(12, 5, 1), gaussian(1, 12, 2)[0], gaussian(1, 5, 3)[0]);
        INDArray start = Nd4j.create(uniform(4, 12, 4)).castTo(DataType.DOUBLE);
        for (DbnSampler.DownPass pass : DbnSampler.DownPass.values()) {
            INDArray dbnSamples = DbnSampler.sample(dbn, 1, start, 7, pass, 99);
            assertEquals(dbn.rbm(0).gibbsSample(start, 7, 99), dbnSamples, pass.name());
        }
        assertNotEquals(dbn.rbm(0).gibbsSample(start, 7, 98), DbnSampler.sample(dbn, 1, start, 7,
                DbnSampler.DownPass.STOCHASTIC, 99), "another seed gives other samples");
    }

    @Test
    void aDataStartIsTheMeanFieldRepresentationAndANoiseStartIsBinary() {
        DeepBeliefNet dbn = stack();
        INDArray v = Nd4j.create(new double[][] {{1, 0, 1}});
        assertRows(new double[][] {up(up(new double[] {1, 0, 1}, W1, C1), W2, C2)}, DbnSampler.dataStart(dbn, 3, v));
        INDArray noise = DbnSampler.noiseStart(dbn, 3, 50, 5);
        assertArrayEquals(new long[] {50, 2}, noise.shape());
        double ones = 0;
        for (double u : noise.ravel().toDoubleVector()) {
            assertTrue(u == 0 || u == 1, "binary: " + u);
            ones += u;
        }
        assertTrue(ones > 25 && ones < 75, "about half the units on: " + ones + " of 100");
        assertThrows(IllegalArgumentException.class, () -> DbnSampler.sample(dbn, 4, v, 1,
                DbnSampler.DownPass.STOCHASTIC, 1));
    }

    private static double[][] uniform(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble();
            }
        }
        return m;
    }

    /** N(0, 0.5²) entries: inputs near 0, so the units are far from saturated and the chains random. */
    private static double[][] gaussian(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = 0.5 * r.nextGaussian();
            }
        }
        return m;
    }
}
