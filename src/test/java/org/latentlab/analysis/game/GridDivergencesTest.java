package org.latentlab.analysis.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.latentlab.data.ToyDistribution;
import org.junit.jupiter.api.Test;

/** Jensen-Shannon and Kullback-Leibler divergences on a grid against values computed by hand. */
class GridDivergencesTest {

    @Test
    void threeCellsByHand() {
        double[] p = {0.5, 0.25, 0.25};
        double[] q = {0.25, 0.25, 0.5};
        GridDivergences d = GridDivergences.between(p, q, 0);
        // KL(p‖q) = ½ log 2 + ¼ log ½ = ¼ log 2, and by symmetry of the example KL(q‖p) = ¼ log 2.
        assertEquals(0.25 * Math.log(2), d.klDataGenerator(), 1e-15);
        assertEquals(0.25 * Math.log(2), d.klGeneratorData(), 1e-15);
        // m = (3/8, 1/4, 3/8): JS = ½ log(4/3) + ¼ log(2/3).
        assertEquals(0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3), d.jensenShannon(), 1e-15);
        // Unnormalised grids are normalised first.
        GridDivergences scaled = GridDivergences.between(new double[] {7, 3.5, 3.5}, new double[] {1, 1, 2}, 0);
        assertEquals(d.jensenShannon(), scaled.jensenShannon(), 1e-15);
        assertEquals(d.klDataGenerator(), scaled.klDataGenerator(), 1e-15);
    }

    @Test
    void disjointSupportsGiveLog2AndTheFlooredKl() {
        double eps = 1e-6;
        GridDivergences d = GridDivergences.between(new double[] {1, 0}, new double[] {0, 1}, eps);
        assertEquals(Math.log(2), d.jensenShannon(), 1e-15);
        // p̃ = (1 + ε, ε) / (1 + 2ε), q̃ its mirror image:
        // KL = (1 + ε)/(1 + 2ε) · log((1 + ε)/ε) + ε/(1 + 2ε) · log(ε/(1 + ε)) = log((1 + ε)/ε) / (1 + 2ε).
        double expected = Math.log((1 + eps) / eps) / (1 + 2 * eps);
        assertEquals(expected, d.klDataGenerator(), 1e-12);
        assertEquals(expected, d.klGeneratorData(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY,
                GridDivergences.between(new double[] {1, 0}, new double[] {0, 1}, 0).klDataGenerator());
    }

    @Test
    void jensenShannonIsSymmetricAndAtMostLog2() {
        Random rng = new Random(5);
        for (int t = 0; t < 200; t++) {
            double[] p = new double[10];
            double[] q = new double[10];
            for (int c = 0; c < 10; c++) {
                p[c] = rng.nextDouble() < 0.3 ? 0 : rng.nextDouble();
                q[c] = rng.nextDouble() < 0.3 ? 0 : rng.nextDouble();
            }
            p[0] += 1e-3;
            q[1] += 1e-3;
            GridDivergences d = GridDivergences.between(p, q);
            GridDivergences r = GridDivergences.between(q, p);
            assertTrue(d.jensenShannon() >= 0 && d.jensenShannon() <= Math.log(2) + 1e-15);
            assertEquals(d.jensenShannon(), r.jensenShannon(), 1e-15);
            assertEquals(d.klDataGenerator(), r.klGeneratorData(), 1e-15);
        }
    }

    @Test
    void jensenShannonAgreesWithTheOptimalDiscriminator() {
        // Goodfellow et al. (2014), Theorem 1: V(D*, G) = −log 4 + 2 JS(p_data, p_g), i.e.
        // JS = log 2 + ½ E_p[log D*] + ½ E_q[log(1 − D*)].
        ToyDistribution ring = ToyDistribution.named("ring8");
        GaussianMixture2D generator = GaussianMixture2D.equalWeights(new double[] {2, 0, -1},
                new double[] {0, 1, -0.5}, 0.1, 0.1);
        ViewGrid grid = ViewGrid.of(ring.viewBounds(), 90);
        OptimalDiscriminatorMap map = OptimalDiscriminator.of(grid, ring, generator);
        double[] p = map.dataDensity();
        double[] q = map.generatorDensity();
        double[] d = map.optimal();
        double area = grid.cellArea();
        double v = Math.log(2);
        // Where D* rounds to 0 or 1 the other density is below 1e-16 of this one: those terms are below rounding.
        for (int c = 0; c < d.length; c++) {
            if (p[c] > 0 && d[c] > 0) {
                v += 0.5 * p[c] * area * Math.log(d[c]);
            }
            if (q[c] > 0 && d[c] < 1) {
                v += 0.5 * q[c] * area * Math.log(1 - d[c]);
            }
        }
        GridDivergences div = map.divergences();
        assertEquals(v, div.jensenShannon(), 1e-9);
        assertTrue(div.jensenShannon() > 0.3, "a generator on one mode in eight is far from the data");
    }
}
