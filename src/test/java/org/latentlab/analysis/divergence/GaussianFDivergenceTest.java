package org.latentlab.analysis.divergence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.analysis.divergence.GaussianFDivergence.Normal;
import org.latentlab.train.FDivergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The f-GAN variational bound at the optimal critic T* = f'(p/q) (Nowozin, Cseke and Tomioka 2016) between two
 * 1-D Gaussians, against the closed forms of KL, reverse KL, Pearson χ² and squared Hellinger, and against
 * Jensen-Shannon integrated from its own definition for the Jensen-Shannon and GAN divergences.
 */
class GaussianFDivergenceTest {

    private static final Normal P = new Normal(0, 1);
    private static final Normal Q = new Normal(1, 1.5);
    private static final Normal P2 = new Normal(-0.5, 0.8);
    private static final Normal Q2 = new Normal(0.7, 1.2);

    @ParameterizedTest
    @EnumSource(value = FDivergence.class, names = {"KL", "REVERSE_KL", "PEARSON", "HELLINGER"})
    void theBoundAtTheOptimalCriticIsTheClosedForm(FDivergence f) {
        for (Normal[] pq : new Normal[][] {{P, Q}, {Q, P}, {P2, Q2}}) {
            if (f == FDivergence.PEARSON && pq[0] == Q) {
                continue; // 2σ_Q² ≤ σ_P² there: χ² is infinite
            }
            double closed = GaussianFDivergence.closedForm(f, pq[0], pq[1]).orElseThrow();
            double bound = GaussianFDivergence.variationalBound(f, pq[0], pq[1]);
            assertTrue(closed > 0.01, f + " " + closed);
            assertEquals(closed, bound, 1e-8, f + " between " + pq[0] + " and " + pq[1]);
        }
    }

    @Test
    void betweenN01AndN1OneAndAHalfSquaredTheBoundIsTheDivergenceToOneInAThousand() {
        for (FDivergence f : new FDivergence[] {FDivergence.KL, FDivergence.REVERSE_KL, FDivergence.PEARSON,
            FDivergence.HELLINGER}) {
            assertEquals(GaussianFDivergence.closedForm(f, P, Q).orElseThrow(),
                    GaussianFDivergence.variationalBound(f, P, Q), 1e-3, f.toString());
        }
    }

    @Test
    void closedFormsAtKnownPoints() {
        Normal standard = new Normal(0, 1);
        // KL(N(0,1) ‖ N(1,1)) = Δ²/2 = ½ both ways; χ² between unit variances is e^{Δ²} − 1
        assertEquals(0.5, GaussianFDivergence.closedForm(FDivergence.KL, standard, new Normal(1, 1)).orElseThrow(),
                1e-15);
        assertEquals(0.5, GaussianFDivergence.closedForm(FDivergence.REVERSE_KL, standard, new Normal(1, 1))
                .orElseThrow(), 1e-15);
        assertEquals(Math.E - 1, GaussianFDivergence.closedForm(FDivergence.PEARSON, standard, new Normal(1, 1))
                .orElseThrow(), 1e-14);
        for (FDivergence f : new FDivergence[] {FDivergence.KL, FDivergence.REVERSE_KL, FDivergence.PEARSON,
            FDivergence.HELLINGER}) {
            assertEquals(0, GaussianFDivergence.closedForm(f, P2, P2).orElseThrow(), 1e-15, f + " of P with P");
        }
        assertEquals(Double.POSITIVE_INFINITY, GaussianFDivergence.closedForm(FDivergence.PEARSON, new Normal(0, 2),
                standard).orElseThrow());
        assertTrue(GaussianFDivergence.closedForm(FDivergence.JENSEN_SHANNON, P, Q).isEmpty());
        assertTrue(GaussianFDivergence.closedForm(FDivergence.GAN, P, Q).isEmpty());
        // far apart, the Hellinger f's ∫(√p − √q)² reaches its ceiling 2
        assertEquals(2, GaussianFDivergence.closedForm(FDivergence.HELLINGER, standard, new Normal(80, 1))
                .orElseThrow(), 1e-12);
    }

    @Test
    void jensenShannonAndGanBoundsAreTwiceJsAndTwiceJsMinusLogFour() {
        for (Normal[] pq : new Normal[][] {{P, Q}, {Q, P}, {P2, Q2}}) {
            double js = GaussianFDivergence.jensenShannon(pq[0], pq[1]);
            assertTrue(js > 0.01 && js < Math.log(2), "JS " + js);
            assertEquals(js, GaussianFDivergence.jensenShannon(pq[1], pq[0]), 1e-12, "JS is symmetric");
            assertEquals(2 * js, GaussianFDivergence.variationalBound(FDivergence.JENSEN_SHANNON, pq[0], pq[1]),
                    1e-8, "Jensen-Shannon bound");
            assertEquals(2 * js - Math.log(4), GaussianFDivergence.variationalBound(FDivergence.GAN, pq[0], pq[1]),
                    1e-8, "GAN bound");
        }
    }

    @Test
    void jensenShannonRangesFromZeroToLogTwo() {
        assertEquals(0, GaussianFDivergence.jensenShannon(P, P), 1e-12);
        assertEquals(Math.log(2), GaussianFDivergence.jensenShannon(P, new Normal(60, 1)), 1e-10);
        assertEquals(-Math.log(4), GaussianFDivergence.variationalBound(FDivergence.GAN, P, P), 1e-10);
    }

    @Test
    void aNormalNeedsAPositiveStandardDeviation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Normal(0, 0));
        assertTrue(e.getMessage().contains("standard deviation > 0"), e.getMessage());
    }
}
