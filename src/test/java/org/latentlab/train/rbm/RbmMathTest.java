package org.latentlab.train.rbm;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RBM's maths against oracles on a tiny machine in DOUBLE precision: free energy by enumerating the hidden
 * states, the positive phase as the gradient of the free energy (finite differences), the CD gradient's formula on
 * hand-made arrays, and the negative phase of a long Gibbs chain against the model expectation computed by
 * enumerating all visible states.
 */
class RbmMathTest {

    private static final int V = 4;
    private static final int H = 3;

    /** A 4-3 RBM with parameters of order 1 (so that the terms are not all near zero). */
    private static Rbm tinyRbm(long seed, double scale) {
        Rbm rbm = new Rbm(V, H, seed, DataType.DOUBLE);
        rbm.setParameters(gaussian(V, H, seed + 1, scale), gaussian(1, V, seed + 2, scale),
                gaussian(1, H, seed + 3, scale));
        return rbm;
    }

    private static INDArray gaussian(int rows, int cols, long seed, double scale) {
        Random r = new Random(seed);
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = scale * r.nextGaussian();
        }
        return Nd4j.create(x, new long[] {rows, cols}, DataType.DOUBLE);
    }

    private static INDArray uniform(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        return Nd4j.create(x, new long[] {rows, cols}, DataType.DOUBLE);
    }

    /** Bit i of s as 0/1. */
    private static double bit(int s, int i) {
        return (s >> i) & 1;
    }

    /** -E(v, h) = v·b + h·c + v W h, from the live parameters, in plain Java. */
    private static double negativeEnergy(Rbm rbm, double[] v, double[] h) {
        double e = 0;
        for (int i = 0; i < V; i++) {
            e += v[i] * rbm.visibleBias().getDouble(0, i);
        }
        for (int j = 0; j < H; j++) {
            e += h[j] * rbm.hiddenBias().getDouble(0, j);
            for (int i = 0; i < V; i++) {
                e += v[i] * rbm.weights().getDouble(i, j) * h[j];
            }
        }
        return e;
    }

    /** F(v) = -log Σ_h exp(-E(v, h)) by enumerating the 2^H hidden states. */
    private static double bruteForceFreeEnergy(Rbm rbm, double[] v) {
        double z = 0;
        for (int s = 0; s < (1 << H); s++) {
            double[] h = new double[H];
            for (int j = 0; j < H; j++) {
                h[j] = bit(s, j);
            }
            z += Math.exp(negativeEnergy(rbm, v, h));
        }
        return -Math.log(z);
    }

    @Test
    void freeEnergyEqualsMinusLogSumOverHiddenStates() {
        Rbm rbm = tinyRbm(11, 1.5);
        INDArray v = uniform(5, V, 12);
        v.putRow(0, Nd4j.create(new double[] {1, 0, 1, 1}, new long[] {1, V}, DataType.DOUBLE));
        v.putRow(1, Nd4j.zeros(DataType.DOUBLE, 1, V));
        INDArray f = rbm.freeEnergy(v);
        assertArrayEquals(new long[] {5, 1}, f.shape());
        for (int n = 0; n < 5; n++) {
            double expected = bruteForceFreeEnergy(rbm, v.getRow(n).toDoubleVector());
            assertEquals(expected, f.getDouble(n, 0), 1e-12, "example " + n);
        }
    }

    @Test
    void freeEnergyStaysFiniteAndExactForLargeInputs() {
        Rbm rbm = new Rbm(2, 2, 1, DataType.FLOAT);
        INDArray w = Nd4j.create(new float[] {200, -200, 300, -300}, new long[] {2, 2}, 'c');
        rbm.setParameters(w, Nd4j.zeros(DataType.FLOAT, 1, 2), Nd4j.zeros(DataType.FLOAT, 1, 2));
        INDArray v = Nd4j.create(new float[] {1, 1}, new long[] {1, 2}, 'c');
        // hidden inputs 500 and -500: softplus gives 500 and ~0, so F = -500
        assertEquals(-500.0, rbm.freeEnergy(v).getDouble(0, 0), 1e-3);
        double[] tiny = Rbm.softplus(Nd4j.create(new double[] {-40, 0, 40}, new long[] {1, 3}, DataType.DOUBLE))
                .toDoubleVector();
        assertEquals(Math.exp(-40), tiny[0], 1e-16, "softplus of a very negative input is ~0, not negative");
        assertEquals(Math.log(2), tiny[1], 1e-15);
        assertEquals(40 + Math.exp(-40), tiny[2], 1e-12);
    }

    @Test
    void reconstructionErrorIsMeanOverBatchOfSummedSquares() {
        Rbm rbm = tinyRbm(5, 1.0);
        INDArray v = uniform(6, V, 6);
        INDArray recon = rbm.visibleProbabilities(rbm.hiddenProbabilities(v));
        double sum = 0;
        for (int n = 0; n < 6; n++) {
            for (int i = 0; i < V; i++) {
                double d = v.getDouble(n, i) - recon.getDouble(n, i);
                sum += d * d;
            }
        }
        assertEquals(sum / 6, rbm.reconstructionError(v), 1e-12);
    }

    @Test
    void conditionalsAreSigmoidsOfTheAffineInputs() {
        Rbm rbm = tinyRbm(3, 1.0);
        INDArray v = uniform(2, V, 4);
        INDArray ph = rbm.hiddenProbabilities(v);
        for (int j = 0; j < H; j++) {
            double a = rbm.hiddenBias().getDouble(0, j);
            for (int i = 0; i < V; i++) {
                a += v.getDouble(1, i) * rbm.weights().getDouble(i, j);
            }
            assertEquals(1 / (1 + Math.exp(-a)), ph.getDouble(1, j), 1e-14);
        }
        INDArray pv = rbm.visibleProbabilities(ph);
        for (int i = 0; i < V; i++) {
            double a = rbm.visibleBias().getDouble(0, i);
            for (int j = 0; j < H; j++) {
                a += ph.getDouble(0, j) * rbm.weights().getDouble(i, j);
            }
            assertEquals(1 / (1 + Math.exp(-a)), pv.getDouble(0, i), 1e-14);
        }
    }

    @Test
    void gradientMatchesItsFormulaOnHandMadeArrays() {
        INDArray v0 = Nd4j.create(new double[] {1, 0, 1, 0, 1, 1}, new long[] {2, 3}, DataType.DOUBLE);
        INDArray h0 = Nd4j.create(new double[] {0.9, 0.2, 0.4, 0.7}, new long[] {2, 2}, DataType.DOUBLE);
        INDArray vk = Nd4j.create(new double[] {0, 0, 1, 1, 1, 0}, new long[] {2, 3}, DataType.DOUBLE);
        INDArray hk = Nd4j.create(new double[] {0.1, 0.5, 0.3, 0.8}, new long[] {2, 2}, DataType.DOUBLE);
        Rbm.Gradient g = Rbm.gradient(v0, h0, vk, hk);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = 0;
                for (int n = 0; n < 2; n++) {
                    expected += v0.getDouble(n, i) * h0.getDouble(n, j) - vk.getDouble(n, i) * hk.getDouble(n, j);
                }
                assertEquals(expected / 2, g.weights().getDouble(i, j), 1e-15, "dW " + i + "," + j);
            }
        }
        assertArrayEquals(new double[] {0, 0, 0.5}, g.visibleBias().toDoubleVector(), 1e-15);
        assertArrayEquals(new double[] {0.45, -0.2}, g.hiddenBias().toDoubleVector(), 1e-15);
        assertArrayEquals(new long[] {1, 3}, g.visibleBias().shape());
        assertArrayEquals(new long[] {1, 2}, g.hiddenBias().shape());
    }

    /**
     * The positive phase is minus the gradient of the mean free energy of the data: ∂F̄/∂W = -v0ᵀ p(h|v0) / n,
     * ∂F̄/∂b = -mean(v0), ∂F̄/∂c = -mean(p(h|v0)), checked by central differences.
     */
    @Test
    void positivePhaseIsMinusTheFreeEnergyGradient() {
        Rbm rbm = tinyRbm(21, 1.0);
        INDArray v0 = uniform(7, V, 22);
        INDArray h0 = rbm.hiddenProbabilities(v0);
        INDArray positiveW = v0.transpose().mmul(h0).divi(7);
        INDArray positiveB = v0.mean(true, 0);
        INDArray positiveC = h0.mean(true, 0);
        double eps = 1e-6;
        for (int i = 0; i < V; i++) {
            for (int j = 0; j < H; j++) {
                double fd = centralDifference(rbm, v0, rbm.weights(), i, j, eps);
                assertEquals(-positiveW.getDouble(i, j), fd, 1e-8, "W " + i + "," + j);
            }
            assertEquals(-positiveB.getDouble(0, i), centralDifference(rbm, v0, rbm.visibleBias(), 0, i, eps), 1e-8);
        }
        for (int j = 0; j < H; j++) {
            assertEquals(-positiveC.getDouble(0, j), centralDifference(rbm, v0, rbm.hiddenBias(), 0, j, eps), 1e-8);
        }
    }

    private static double centralDifference(Rbm rbm, INDArray v, INDArray param, int r, int c, double eps) {
        double x = param.getDouble(r, c);
        param.putScalar(r, c, x + eps);
        double up = rbm.freeEnergy(v).meanNumber().doubleValue();
        param.putScalar(r, c, x - eps);
        double down = rbm.freeEnergy(v).meanNumber().doubleValue();
        param.putScalar(r, c, x);
        return (up - down) / (2 * eps);
    }

    /**
     * With a long chain, the negative phase estimates the model expectation E_model[v p(h|v)ᵀ], computed exactly by
     * enumerating the 16 visible states with p(v) = exp(-F(v)) / Z; so CD-k with large k estimates the exact
     * log-likelihood gradient v0ᵀ p(h|v0)/n - E_model[v p(h|v)ᵀ].
     */
    @Test
    void longGibbsChainEstimatesTheExactLikelihoodGradient() {
        Rbm rbm = tinyRbm(31, 0.8);
        int states = 1 << V;
        double[] all = new double[states * V];
        for (int s = 0; s < states; s++) {
            for (int i = 0; i < V; i++) {
                all[s * V + i] = bit(s, i);
            }
        }
        INDArray every = Nd4j.create(all, new long[] {states, V}, DataType.DOUBLE);
        double[] f = rbm.freeEnergy(every).toDoubleVector();
        double[] p = new double[states];
        double z = 0;
        for (int s = 0; s < states; s++) {
            p[s] = Math.exp(-f[s]);
            z += p[s];
        }
        INDArray weightsOfStates = Nd4j.create(p, new long[] {states, 1}, DataType.DOUBLE).divi(z);
        // E_model[v p(h|v)ᵀ] = Σ_v p(v) v p(h|v)ᵀ
        INDArray modelTerm = every.mulColumnVector(weightsOfStates).transpose().mmul(rbm.hiddenProbabilities(every));

        int chains = 4000;
        INDArray v0 = uniform(32, V, 32);
        INDArray exact = v0.transpose().mmul(rbm.hiddenProbabilities(v0)).divi(32).subi(modelTerm);

        Random r = new Random(33);
        INDArray start = rbm.bernoulli(Nd4j.valueArrayOf(new long[] {chains, H}, 0.5, DataType.DOUBLE), r);
        Rbm.NegativePhase negative = rbm.negativePhase(start, 50, r);
        INDArray estimatedModelTerm = negative.visible().transpose().mmul(negative.hiddenProbabilities()).divi(chains);
        // Monte Carlo error per entry is at most 0.5 / sqrt(4000) ≈ 0.008
        for (int i = 0; i < V; i++) {
            for (int j = 0; j < H; j++) {
                assertEquals(modelTerm.getDouble(i, j), estimatedModelTerm.getDouble(i, j), 0.035, "model term");
            }
        }
        INDArray cdEstimate = v0.transpose().mmul(rbm.hiddenProbabilities(v0)).divi(32).subi(estimatedModelTerm);
        double cosine = exact.mul(cdEstimate).sumNumber().doubleValue()
                / (exact.norm2Number().doubleValue() * cdEstimate.norm2Number().doubleValue());
        assertTrue(cosine > 0.98, "CD-50 direction vs the exact gradient: cosine " + cosine);
    }

    @Test
    void gibbsSamplesAreReproducibleProbabilities() {
        Rbm rbm = tinyRbm(41, 1.0);
        INDArray start = uniform(10, V, 42);
        INDArray a = rbm.gibbsSample(start, 5, 7);
        INDArray b = rbm.gibbsSample(start, 5, 7);
        INDArray c = rbm.gibbsSample(start, 5, 8);
        assertEquals(a, b);
        assertTrue(!a.equals(c), "another seed gives other samples");
        assertTrue(a.minNumber().doubleValue() > 0 && a.maxNumber().doubleValue() < 1);
        assertEquals(start, rbm.gibbsSample(start, 0, 7));
    }

    @Test
    void filtersAreWeightColumnsAsRows() {
        Rbm rbm = tinyRbm(51, 1.0);
        INDArray filters = rbm.filters();
        assertArrayEquals(new long[] {H, V}, filters.shape());
        assertEquals(rbm.weights().getDouble(2, 1), filters.getDouble(1, 2), 0);
    }
}
