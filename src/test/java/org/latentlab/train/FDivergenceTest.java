package org.latentlab.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The f-GAN divergences (Nowozin, Cseke and Tomioka 2016) against their definitions, in double: each conjugate
 * against sup_u {u t − f(u)} found by golden-section search, the activations' ranges against dom f*, the composite
 * f*(g_f(v)) against f* at g_f(v), every derivative against central differences, and the optimal critic against
 * f' by central differences of f.
 */
class FDivergenceTest {

    private static final double[] SCORES = {-6.1, -4.2, -2.5, -1.3, -0.6, -0.05, 0.3, 0.8, 1.7, 3.9, 6.4};

    /** Points t inside dom f* whose maximiser u* = (f')⁻¹(t) lies between e^−6 and e^6. */
    private static double[] insideDomain(FDivergence f) {
        return switch (f) {
            case KL -> new double[] {-3, -1, 0, 0.5, 2, 4};
            case REVERSE_KL -> new double[] {-20, -3, -1, -0.3, -0.01};
            case PEARSON -> new double[] {-1.9, -1, 0, 1, 5};
            case HELLINGER -> new double[] {-5, -1, 0, 0.5, 0.9};
            case JENSEN_SHANNON -> new double[] {-5, -1, 0, 0.5, 0.69};
            case GAN -> new double[] {-5, -1, -0.3, -0.01};
        };
    }

    /** max of a unimodal function on [lo, hi] by golden-section search. */
    static double goldenMax(DoubleUnaryOperator g, double lo, double hi) {
        double r = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - r * (b - a);
        double d = a + r * (b - a);
        double gc = g.applyAsDouble(c);
        double gd = g.applyAsDouble(d);
        for (int i = 0; i < 200 && b - a > 1e-13; i++) {
            if (gc > gd) {
                b = d;
                d = c;
                gd = gc;
                c = b - r * (b - a);
                gc = g.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                gc = gd;
                d = a + r * (b - a);
                gd = g.applyAsDouble(d);
            }
        }
        return (a + b) / 2;
    }

    /** sup over u = e^x > 0 of u t − f(u): concave in u, so unimodal in x. */
    private static double numericConjugate(FDivergence f, double t, double logUMax) {
        DoubleUnaryOperator g = x -> Math.exp(x) * t - f.f(Math.exp(x));
        return g.applyAsDouble(goldenMax(g, -40, logUMax));
    }

    @ParameterizedTest
    @EnumSource(FDivergence.class)
    void conjugateIsTheSupremumOfUTMinusF(FDivergence f) {
        for (double t : insideDomain(f)) {
            double numeric = numericConjugate(f, t, 40);
            assertEquals(numeric, f.conjugate(t), 1e-10 * Math.max(1, Math.abs(numeric)), f + " at t=" + t);
        }
        double edge = f.conjugateDomainBound();
        if (Double.isFinite(edge)) {
            // beyond dom f* the supremum is unbounded: it keeps growing with the range of u searched
            double t = edge + 0.1;
            assertEquals(Double.POSITIVE_INFINITY, f.conjugate(t));
            assertTrue(numericConjugate(f, t, 20) > 1e7, f + " sup at t=" + t);
            assertTrue(numericConjugate(f, t, 30) > 100 * numericConjugate(f, t, 20), f + " grows");
        }
    }

    @ParameterizedTest
    @EnumSource(FDivergence.class)
    void generatorIsConvexAndItsValueAtOneIsTheTables(FDivergence f) {
        double expected = f == FDivergence.GAN ? -Math.log(4) : 0;
        assertEquals(expected, f.f(1), 1e-15, f.toString());
        for (double u : new double[] {0.01, 0.3, 1, 2.5, 40}) {
            double h = 1e-3 * u;
            double second = (f.f(u + h) - 2 * f.f(u) + f.f(u - h)) / (h * h);
            assertTrue(second > 0, f + " f'' at " + u + " = " + second);
        }
    }

    @ParameterizedTest
    @EnumSource(FDivergence.class)
    void activationMapsEveryScoreIntoTheConjugatesDomain(FDivergence f) {
        double edge = f.conjugateDomainBound();
        for (double v = -30; v <= 30; v += 0.25) {
            double t = f.activation(v);
            assertTrue(t < edge, f + ": g(" + v + ") = " + t + " is outside dom f* (below " + edge + ")");
            assertTrue(Double.isFinite(f.conjugate(t)), f + " at v=" + v);
        }
        // ±50: the activation may round onto the domain's edge in double; the composite never does
        for (double v : new double[] {-50, 50}) {
            assertTrue(f.activation(v) <= edge && Double.isFinite(f.activation(v)), f + " at " + v);
            assertTrue(Double.isFinite(f.conjugateOfActivation(v)), f + " f*(g) at " + v);
        }
    }

    @ParameterizedTest
    @EnumSource(FDivergence.class)
    void theCompositeIsTheConjugateAtTheActivation(FDivergence f) {
        for (double v = -10; v <= 10; v += 0.5) {
            double expected = f.conjugate(f.activation(v));
            assertEquals(expected, f.conjugateOfActivation(v), 1e-9 * Math.max(1, Math.abs(expected)),
                    f + " at v=" + v);
        }
    }

    @ParameterizedTest
    @EnumSource(FDivergence.class)
    void derivativesMatchCentralDifferences(FDivergence f) {
        assertDerivative(f + " g'", f::activation, f::activationDerivative);
        assertDerivative(f + " g''", f::activationDerivative, f::activationSecondDerivative);
        assertDerivative(f + " (f*∘g)'", f::conjugateOfActivation, f::conjugateOfActivationDerivative);
        assertDerivative(f + " (f*∘g)''", f::conjugateOfActivationDerivative, f::conjugateOfActivationSecondDerivative);
    }

    private static void assertDerivative(String what, DoubleUnaryOperator fn, DoubleUnaryOperator df) {
        double h = 1e-5;
        for (double s : SCORES) {
            double numeric = (fn.applyAsDouble(s + h) - fn.applyAsDouble(s - h)) / (2 * h);
            assertEquals(numeric, df.applyAsDouble(s), 1e-7 * Math.max(1, Math.abs(numeric)), what + " at " + s);
        }
    }

    @ParameterizedTest
    @EnumSource(FDivergence.class)
    void optimalCriticIsFPrimeOfTheDensityRatio(FDivergence f) {
        for (double logRatio : new double[] {-4, -1.5, -0.2, 0, 0.7, 2, 3.5}) {
            double u = Math.exp(logRatio);
            double h = 1e-5 * u;
            double fPrime = (f.f(u + h) - f.f(u - h)) / (2 * h);
            assertEquals(fPrime, f.optimalCritic(logRatio), 1e-7 * Math.max(1, Math.abs(fPrime)),
                    f + " at log u = " + logRatio);
        }
    }

    @ParameterizedTest
    @EnumSource(FDivergence.class)
    void optimalScoreGivesTheOptimalCriticAndImpliesItsRatio(FDivergence f) {
        for (double logRatio : new double[] {-9, -4, -1.5, -0.2, 0, 0.7, 2, 3.5}) {
            double v = f.optimalScore(logRatio);
            double t = f.optimalCritic(logRatio);
            assertEquals(t, f.activation(v), 1e-13 * Math.max(1, Math.abs(t)), f + " at log u = " + logRatio);
            assertEquals(logRatio, f.impliedLogRatio(v), 1e-13 * Math.max(1, Math.abs(logRatio)), f.toString());
        }
    }

    /**
     * The score D settles on where the density ratio is r maximises r·g_f(v) − f*(g_f(v)) (the pointwise D objective,
     * p·T − q·f*(T) over q); the ratio it implies is r again.
     */
    @ParameterizedTest
    @EnumSource(FDivergence.class)
    void impliedRatioIsTheRatioThatMakesAScoreOptimal(FDivergence f) {
        for (double r : new double[] {0.05, 0.4, 1, 2.5, 12}) {
            double best = goldenMax(v -> r * f.activation(v) - f.conjugateOfActivation(v), -30, 30);
            assertEquals(Math.log(r), f.impliedLogRatio(best), 1e-6, f + " at r=" + r);
            assertEquals(f.optimalCritic(Math.log(r)), f.activation(best), 1e-6, f + " T* at r=" + r);
        }
    }

    @Test
    void pearsonImpliesNoRatioBelowItsKink() {
        assertEquals(Double.NEGATIVE_INFINITY, FDivergence.PEARSON.impliedLogRatio(-2));
        assertEquals(Double.NEGATIVE_INFINITY, FDivergence.PEARSON.impliedLogRatio(-7));
        assertEquals(0, GanLoss.FGAN_PEARSON.displayScore(-7), 0);
    }
}
