package org.latentlab.analysis.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.analysis.Objective;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.Monitor;

import java.util.Random;

/**
 * Hutchinson's trace and stochastic Lanczos quadrature on a quadratic L(θ) = ½ θᵀHθ whose Hessian H = Q D Qᵀ has a
 * spectrum chosen here (Q a product of three Householder reflections, so H is dense but D is known exactly): both
 * estimators must find the exact trace within their stated standard errors, the stated ± must be a standard error
 * (the spread of repeated estimates) and not the spread of single probes, and the negative fraction must lie within
 * the quadrature's bracket widened by its standard error.
 */
class StochasticEstimatorsTest {

    private static final int N = 300;
    private static final double[] D = spectrum();
    private static final double EXACT_TRACE = sum(D);
    private static final double TOLERANCE = 1e-3;
    /** The eigenvalues below −TOLERANCE·max|λ| = −0.04: the 95 negative ones. */
    private static final double EXACT_NEGATIVE = 95.0 / N;

    private final HessianVectorProduct hvp = new HessianVectorProduct(new RotatedQuadratic(D, 3), new double[N]);

    /** 5 outliers, 95 eigenvalues spread over [−2, −0.1] and 200 over [0.1, 3]: like a network's, but known. */
    private static double[] spectrum() {
        double[] d = new double[N];
        double[] top = {40, 30, 20, 15, 10};
        System.arraycopy(top, 0, d, 0, 5);
        for (int i = 0; i < 95; i++) {
            d[5 + i] = -2 + 1.9 * i / 94.0;
        }
        for (int i = 0; i < 200; i++) {
            d[100 + i] = 0.1 + 2.9 * i / 199.0;
        }
        return d;
    }

    @Test
    void theQuadraticHasTheChosenSpectrum() {
        HessianSpectrum s = ExactHessian.compute(hvp, Monitor.NONE).spectrum(false);
        assertEquals(EXACT_TRACE, s.trace(), 1e-8 * Math.abs(EXACT_TRACE));
        assertEquals(40, s.max(), 1e-8);
        assertEquals(-2, s.min(), 1e-8);
        assertEquals(EXACT_NEGATIVE, s.negativeFraction(TOLERANCE), 1e-12);
    }

    @Test
    void hutchinsonFindsTheTraceWithinItsStandardError() {
        Hutchinson.TraceEstimate t = new Hutchinson(hvp, 1).trace(30, Monitor.NONE);
        System.out.println("exact trace " + EXACT_TRACE + ", " + t);
        assertEquals(30, t.samples());
        assertTrue(t.standardError() > 0, "H is not diagonal, so single probes differ");
        assertTrue(Math.abs(t.trace() - EXACT_TRACE) < 3 * t.standardError(), t.toString());
    }

    @Test
    void hutchinsonsPlusMinusIsTheStandardErrorOfTheMean() {
        // 20 independent estimates of 30 probes each: their spread is what the ± claims; the spread of single
        // probes is √30 ≈ 5.5 times larger
        int repeats = 20;
        double[] estimates = new double[repeats];
        double claimed = 0;
        for (int r = 0; r < repeats; r++) {
            Hutchinson.TraceEstimate t = new Hutchinson(hvp, 1000 + r).trace(30, Monitor.NONE);
            estimates[r] = t.trace();
            claimed += t.standardError() / repeats;
        }
        double spread = sampleStd(estimates);
        System.out.println("spread of 20 estimates " + spread + ", mean claimed standard error " + claimed);
        assertTrue(spread > claimed / 1.6 && spread < claimed * 1.6, spread + " vs " + claimed);
    }

    @Test
    void slqTraceIsHutchinsonsOnTheSameProbesAndFindsTheTrace() {
        SpectralDensity d = SpectralDensity.estimate(hvp, 10, 30, 7, Monitor.NONE);
        Hutchinson.TraceEstimate h = new Hutchinson(hvp, 7).trace(10, Monitor.NONE);
        // Σ τᵢ θᵢ = α₁ = qᵀHq: the same number as Hutchinson's, probe for probe, whatever the number of steps
        assertEquals(h.trace(), d.trace(N), 1e-9 * Math.abs(EXACT_TRACE));
        assertEquals(h.standardError(), d.traceStandardError(N), 1e-9 * Math.abs(EXACT_TRACE));
        SpectralDensity shorter = SpectralDensity.estimate(hvp, 10, 5, 7, Monitor.NONE);
        assertEquals(d.trace(N), shorter.trace(N), 1e-9 * Math.abs(EXACT_TRACE), "steps do not change the trace");
        System.out.printf("exact trace %.3f, SLQ (10 probes) %.3f ± %.3f%n", EXACT_TRACE, d.trace(N),
                d.traceStandardError(N));
        assertTrue(Math.abs(d.trace(N) - EXACT_TRACE) < 3 * d.traceStandardError(N));
    }

    @Test
    void slqNegativeFractionLiesWithinItsBracketAndStandardError() {
        SpectralDensity d = SpectralDensity.estimate(hvp, 10, 40, 3, Monitor.NONE);
        double f = d.negativeFraction(TOLERANCE);
        double se = d.negativeFractionStandardError(TOLERANCE);
        double[] bracket = d.negativeFractionBounds(TOLERANCE);
        System.out.printf("negative fraction exact %.4f, SLQ %.4f ± %.4f, bracket [%.4f, %.4f]%n", EXACT_NEGATIVE, f,
                se, bracket[0], bracket[1]);
        assertTrue(bracket[0] <= f && f <= bracket[1]);
        assertTrue(EXACT_NEGATIVE >= bracket[0] - 3 * se && EXACT_NEGATIVE <= bracket[1] + 3 * se);
        assertEquals(EXACT_NEGATIVE, f, 0.05);
        assertEquals(-0.04, d.negativeCut(TOLERANCE), 1e-6);
    }

    @Test
    void aNegativeHalfThatFewNodesResolveGivesAWideBracket() {
        // a bulk of 280 eigenvalues in [−0.5, 0.5] around zero (half below the cut −0.00975) and a few large ones:
        // the negative fraction is half the bulk, about 47 %, made of tiny eigenvalues, and with 8 steps the nodes
        // that represent the bulk cannot say where its mass sits; the bracket says so
        double[] bulk = new double[N];
        for (int i = 0; i < N; i++) {
            bulk[i] = i < 20 ? 5 + i / 4.0 : -0.5 + (i - 20) / 279.0;
        }
        HessianVectorProduct h = new HessianVectorProduct(new RotatedQuadratic(bulk, 3), new double[N]);
        SpectralDensity coarse = SpectralDensity.estimate(h, 10, 8, 5, Monitor.NONE);
        SpectralDensity fine = SpectralDensity.estimate(h, 10, 60, 5, Monitor.NONE);
        double cut = -TOLERANCE * 9.75;
        double truth = java.util.Arrays.stream(bulk).filter(v -> v < cut).count() / (double) N;
        double[] wide = coarse.negativeFractionBounds(TOLERANCE);
        double[] narrow = fine.negativeFractionBounds(TOLERANCE);
        System.out.printf("bulk: exact %.4f; 8 steps %.4f in [%.4f, %.4f]; 60 steps %.4f in [%.4f, %.4f]%n", truth,
                coarse.negativeFraction(TOLERANCE), wide[0], wide[1], fine.negativeFraction(TOLERANCE), narrow[0],
                narrow[1]);
        double seCoarse = coarse.negativeFractionStandardError(TOLERANCE);
        double seFine = fine.negativeFractionStandardError(TOLERANCE);
        assertTrue(truth >= wide[0] - 3 * seCoarse && truth <= wide[1] + 3 * seCoarse);
        assertTrue(truth >= narrow[0] - 3 * seFine && truth <= narrow[1] + 3 * seFine);
        assertTrue(narrow[1] - narrow[0] < wide[1] - wide[0], "more steps, a narrower bracket");
    }

    @Test
    void anExhaustedKrylovSpaceGivesTheExactNodes() {
        double[] small = {9, 4, 1, 0.5, -0.25, -3};
        HessianVectorProduct h = new HessianVectorProduct(new RotatedQuadratic(small, 2), new double[small.length]);
        SpectralDensity d = SpectralDensity.estimate(h, 4, small.length, 2, Monitor.NONE);
        for (SpectralDensity.Quadrature q : d.runs()) {
            assertEquals(-3, q.nodes()[0], 1e-9);
            assertEquals(9, q.nodes()[small.length - 1], 1e-9);
        }
        double[] b = d.negativeFractionBounds(TOLERANCE);
        assertTrue(b[0] <= d.negativeFraction(TOLERANCE) && d.negativeFraction(TOLERANCE) <= b[1]);
    }

    @Test
    void aFewProbesOfASkewedQuadraticFormFallLowAndUnderstateTheirSpread() {
        // one eigenvalue of 400 beside 299 of 1.5 (trace 848.5, about half in one direction, as in a trained ring
        // autoencoder: λ_max 389, trace about 830), its eigenvector spread over every parameter: vᵀHv ≈ 400 (w·v)² +
        // 448.5 is skewed like χ²₁, so the mean of 3 probes (the density's default) mostly falls below the trace
        // and its own standard error often misses by more than 2; 100 probes (Hutchinson's default) do not
        double[] d = new double[N];
        java.util.Arrays.fill(d, 1.5);
        d[0] = 400;
        double exact = sum(d);
        double[][] u = RotatedQuadratic.randomUnits(N, 3);
        double[] w = Vectors.normalize(Vectors.gaussian(N, new Random(9)));
        double[] e1 = new double[N];
        e1[0] = 1;
        u[0] = Vectors.normalize(Vectors.subtract(e1, w)); // the outermost reflection maps e₁ to w
        HessianVectorProduct h = new HessianVectorProduct(new RotatedQuadratic(d, u), new double[N]);
        assertEquals(400, ExactHessian.compute(h, Monitor.NONE).spectrum(false).max(), 1e-8);
        int trials = 200;
        for (int probes : new int[] {3, 100}) {
            double[] means = new double[trials];
            int missed = 0;
            for (int t = 0; t < trials; t++) {
                Hutchinson.TraceEstimate e = new Hutchinson(h, 5000 + t).trace(probes, Monitor.NONE);
                means[t] = e.trace();
                if (Math.abs(e.trace() - exact) > 2 * e.standardError()) {
                    missed++;
                }
            }
            java.util.Arrays.sort(means);
            double median = (means[trials / 2 - 1] + means[trials / 2]) / 2;
            System.out.printf("%d probes: median estimate %.3f of the trace, %d of %d miss it by more than 2"
                    + " standard errors%n", probes, median / exact, missed, trials);
            if (probes == 3) {
                assertTrue(median < 0.96 * exact, "3 probes fall low: median " + median / exact);
                assertTrue(missed > 0.15 * trials, "3 probes understate their spread: " + missed);
            } else {
                assertEquals(1, median / exact, 0.04);
                assertTrue(missed < 0.12 * trials, "100 probes: about 5 % beyond 2 standard errors, " + missed);
            }
        }
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static double sampleStd(double[] x) {
        double m = sum(x) / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** L(θ) = ½ θᵀ Q D Qᵀ θ with Q = P₁…Pₖ, Pⱼ = I − 2uⱼuⱼᵀ for random unit uⱼ: the eigenvalues are D exactly. */
    private static final class RotatedQuadratic implements Objective {
        private final double[] d;
        private final double[][] u;

        RotatedQuadratic(double[] d, int reflections) {
            this(d, randomUnits(d.length, reflections));
        }

        /** With the given reflection vectors (unit length), applied to θ in this order. */
        RotatedQuadratic(double[] d, double[][] u) {
            this.d = d.clone();
            this.u = u;
        }

        static double[][] randomUnits(int n, int count) {
            Random rng = new Random(42);
            double[][] u = new double[count][];
            for (int j = 0; j < count; j++) {
                u[j] = Vectors.normalize(Vectors.gaussian(n, rng));
            }
            return u;
        }

        private static void reflect(double[] x, double[] u) {
            Vectors.addScaledInPlace(x, -2 * Vectors.dot(u, x), u);
        }

        /** Hθ = P₁…Pₖ D Pₖ…P₁ θ. */
        private double[] times(double[] theta) {
            double[] x = theta.clone();
            for (int j = 0; j < u.length; j++) {
                reflect(x, u[j]);
            }
            for (int i = 0; i < x.length; i++) {
                x[i] *= d[i];
            }
            for (int j = u.length - 1; j >= 0; j--) {
                reflect(x, u[j]);
            }
            return x;
        }

        @Override
        public int dimension() {
            return d.length;
        }

        @Override
        public double loss(double[] theta) {
            return 0.5 * Vectors.dot(theta, times(theta));
        }

        @Override
        public double[] gradient(double[] theta) {
            return times(theta);
        }
    }
}
