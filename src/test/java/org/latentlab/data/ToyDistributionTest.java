package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;

class ToyDistributionTest {

    private static float[] draw(ToyDistribution dist, int n, long seed) {
        float[] out = new float[2 * n];
        dist.sample(n, new Random(seed), out);
        return out;
    }

    @Test
    void sameSeedGivesSameSamplesForEveryName() {
        for (String name : ToyDistribution.names()) {
            ToyDistribution dist = ToyDistribution.named(name);
            assertArrayEquals(draw(dist, 500, 42), draw(dist, 500, 42), name);
            assertFalse(java.util.Arrays.equals(draw(dist, 500, 42), draw(dist, 500, 43)), name);
        }
    }

    @Test
    void everyNameSamplesFiniteValuesInsideItsViewBounds() {
        assertEquals(7, ToyDistribution.names().size());
        for (String name : ToyDistribution.names()) {
            ToyDistribution dist = ToyDistribution.named(name);
            assertArrayEquals(new int[] {2}, dist.shape());
            assertEquals(2, dist.dimension());
            double[] b = dist.viewBounds();
            float[] xy = draw(dist, 5000, 7);
            for (int i = 0; i < xy.length; i += 2) {
                assertTrue(Float.isFinite(xy[i]) && Float.isFinite(xy[i + 1]), name);
                assertTrue(xy[i] > b[0] && xy[i] < b[1] && xy[i + 1] > b[2] && xy[i + 1] < b[3],
                        name + " point " + xy[i] + "," + xy[i + 1] + " outside view bounds");
            }
        }
    }

    @Test
    void circlePointsLieOnTheUnitCircleWithTheirNoise() {
        float[] xy = draw(ToyDistribution.named("circle"), 4000, 3);
        double sum = 0;
        double sq = 0;
        int n = xy.length / 2;
        for (int i = 0; i < xy.length; i += 2) {
            double r = Math.hypot(xy[i], xy[i + 1]);
            sum += r;
            sq += r * r;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sq / n - mean * mean);
        // radius 1 plus the radial part of N(0, 0.05^2 I): mean ~1 (+ sigma^2/2), spread ~0.05
        assertEquals(1.0, mean, 0.005);
        assertEquals(0.05, sd, 0.005);
    }

    @Test
    void ring8RadiiAreTwo() {
        ToyDistribution ring = ToyDistribution.named("ring8");
        assertTrue(ring.isMixture());
        assertEquals(8, ring.modes().size());
        assertEquals(0.02, ring.sigma());
        float[] xy = draw(ring, 2000, 1);
        double sum = 0;
        for (int i = 0; i < xy.length; i += 2) {
            double r = Math.hypot(xy[i], xy[i + 1]);
            assertEquals(2.0, r, 6 * 0.02);
            sum += r;
        }
        assertEquals(2.0, sum / 2000, 0.005);
    }

    @Test
    void ring8PacganIsOnTheUnitCircle() {
        ToyDistribution ring = ToyDistribution.named("ring8-pacgan");
        assertEquals(0.01, ring.sigma());
        for (double[] m : ring.modes()) {
            assertEquals(1.0, Math.hypot(m[0], m[1]), 1e-12);
        }
    }

    @Test
    void grid25SamplesLieNearTheirModes() {
        ToyDistribution grid = ToyDistribution.named("grid25");
        List<double[]> modes = grid.modes();
        assertEquals(25, modes.size());
        float[] xy = draw(grid, 5000, 3);
        int far = 0;
        int[] hits = new int[25];
        for (int i = 0; i < xy.length; i += 2) {
            double best = Double.MAX_VALUE;
            int bestMode = -1;
            for (int m = 0; m < modes.size(); m++) {
                double d = Math.hypot(xy[i] - modes.get(m)[0], xy[i + 1] - modes.get(m)[1]);
                if (d < best) {
                    best = d;
                    bestMode = m;
                }
            }
            hits[bestMode]++;
            if (best > 4 * grid.sigma()) {
                far++;
            }
        }
        assertTrue(far < 5, far + " of 5000 samples beyond 4 sigma");
        for (int h : hits) {
            assertTrue(h > 120 && h < 280, "mode weights should be equal, got " + h + " of 5000");
        }
    }

    @Test
    void nonMixturesHaveNoModes() {
        for (String name : List.of("spiral", "two-moons", "swiss-roll-2d")) {
            ToyDistribution dist = ToyDistribution.named(name);
            assertFalse(dist.isMixture());
            assertTrue(dist.modes().isEmpty());
            assertEquals(0.0, dist.sigma());
        }
    }

    @Test
    void contentHashIsStableAndDiffersBetweenNames() {
        String ring = ToyDistribution.named("ring8").contentHash();
        assertEquals(64, ring.length());
        assertEquals(ring, ToyDistribution.named("ring8").contentHash());
        assertNotEquals(ring, ToyDistribution.named("ring8-pacgan").contentHash());
    }

    @Test
    void unknownNameListsTheValidOnes() {
        LabException e = assertThrows(LabException.class, () -> ToyDistribution.named("ring9"));
        assertTrue(e.getMessage().contains("ring9"));
        for (String name : ToyDistribution.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }
}
