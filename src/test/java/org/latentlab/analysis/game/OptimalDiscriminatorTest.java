package org.latentlab.analysis.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.latentlab.core.LabException;
import org.latentlab.data.ToyDistribution;
import org.junit.jupiter.api.Test;

/** D* against its closed form p_data / (p_data + p_g) for a known p_g, and the kernel density against its target. */
class OptimalDiscriminatorTest {

    private static final ToyDistribution RING = ToyDistribution.named("ring8");

    /** A known generator: three Gaussians of σ = 0.3, weights 0.5, 0.3, 0.2, written out here as the oracle. */
    private static final double[] GX = {2.0, -1.0, 0.3};
    private static final double[] GY = {0.1, 1.2, -1.5};
    private static final double[] GW = {0.5, 0.3, 0.2};
    private static final double GS = 0.3;

    private static double generatorDensity(double x, double y) {
        double p = 0;
        for (int k = 0; k < GX.length; k++) {
            double dx = x - GX[k];
            double dy = y - GY[k];
            p += GW[k] * Math.exp(-(dx * dx + dy * dy) / (2 * GS * GS)) / (2 * Math.PI * GS * GS);
        }
        return p;
    }

    private static GaussianMixture2D generator() {
        return new GaussianMixture2D(GX, GY, GW, GS, GS);
    }

    @Test
    void cellAveragesMatchQuadratureOfTheClosedForm() {
        ViewGrid grid = ViewGrid.of(RING.viewBounds(), 60);
        OptimalDiscriminatorMap map = OptimalDiscriminator.of(grid, RING, generator());
        double[] d = map.optimal();
        int sub = 200;
        int checked = 0;
        for (int j = 0; j < grid.ny(); j += 7) {
            for (int i = 0; i < grid.nx(); i += 3) {
                double pd = 0;
                double pg = 0;
                for (int a = 0; a < sub; a++) {
                    for (int b = 0; b < sub; b++) {
                        double x = grid.edgeX(i) + (a + 0.5) * grid.cellWidth() / sub;
                        double y = grid.edgeY(j) + (b + 0.5) * grid.cellHeight() / sub;
                        pd += RING.density(x, y);
                        pg += generatorDensity(x, y);
                    }
                }
                pd /= sub * sub;
                pg /= sub * sub;
                if (pd + pg > 1e-6) {
                    int c = j * grid.nx() + i;
                    assertEquals(pd / (pd + pg), d[c], 1e-4, "D* in cell " + i + ", " + j);
                    assertEquals(pd, map.dataDensity()[c], 1e-4 * (1 + pd));
                    assertEquals(pg, map.generatorDensity()[c], 1e-6 * (1 + pg));
                    checked++;
                }
            }
        }
        assertTrue(checked > 20, "compared only " + checked + " cells");
    }

    @Test
    void onAFineGridItIsTheClosedFormAtTheCellCentres() {
        // 0.002-wide cells around the mode at (2, 0), ten to a data standard deviation.
        ViewGrid grid = new ViewGrid(1.9, 2.1, -0.1, 0.1, 100, 100);
        double[] d = OptimalDiscriminator.of(grid, RING, generator()).optimal();
        double worst = 0;
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double pd = RING.density(grid.centreX(i), grid.centreY(j));
                double pg = generatorDensity(grid.centreX(i), grid.centreY(j));
                worst = Math.max(worst, Math.abs(pd / (pd + pg) - d[j * grid.nx() + i]));
            }
        }
        assertTrue(worst < 2e-3, "largest difference from the closed form " + worst);
    }

    @Test
    void theMixtureIsTheToyDensityAndHoldsAllItsMassInTheView() {
        GaussianMixture2D data = GaussianMixture2D.of(RING);
        Random rng = new Random(3);
        for (int t = 0; t < 50; t++) {
            double x = 3 * rng.nextGaussian();
            double y = 3 * rng.nextGaussian();
            assertEquals(RING.density(x, y), data.density(x, y), 1e-12 * (1 + RING.density(x, y)));
        }
        double total = 0;
        for (double m : data.cellMasses(ViewGrid.of(RING.viewBounds(), 37))) {
            total += m;
        }
        assertEquals(1.0, total, 1e-12);
        assertThrows(LabException.class, () -> GaussianMixture2D.of(ToyDistribution.named("spiral")));
        assertThrows(IllegalStateException.class, () -> ToyDistribution.named("spiral").density(0, 0));
    }

    @Test
    void kernelDensityOfManySamplesApproachesTheGaussian() {
        int n = 100_000;
        double mx = 0.5;
        double my = -0.3;
        double sx = 0.8;
        double sy = 0.5;
        Random rng = new Random(11);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (float) (mx + sx * rng.nextGaussian());
            xy[2 * i + 1] = (float) (my + sy * rng.nextGaussian());
        }
        double[] h = KernelDensity.scottBandwidth(xy, n, 1e-6);
        double factor = Math.pow(n, -1.0 / 6);
        assertEquals(sx * factor, h[0], 0.02 * sx * factor);
        assertEquals(sy * factor, h[1], 0.02 * sy * factor);
        ViewGrid grid = new ViewGrid(-2.5, 3.5, -2.3, 1.7, 60, 40);
        double[] kde = KernelDensity.scott(xy, n, 1e-6).cellDensities(grid);
        // Integrated absolute errors ∫|p̂ − p| (Devroye and Györfi 1985, "Nonparametric density estimation: the L1
        // view"), on the cells: against the density itself and against the estimate's expectation.
        double l1Target = 0;
        double l1Smoothed = 0;
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double x = grid.centreX(i);
                double y = grid.centreY(j);
                double p = kde[j * grid.nx() + i];
                l1Target += Math.abs(p - gaussian(x, y, mx, my, sx, sy)) * grid.cellArea();
                // E[p̂] is the target convolved with the kernel: N(μ, diag(σx² + hx², σy² + hy²)).
                double smoothed = gaussian(x, y, mx, my, Math.hypot(sx, h[0]), Math.hypot(sy, h[1]));
                l1Smoothed += Math.abs(p - smoothed) * grid.cellArea();
            }
        }
        assertTrue(l1Target < 0.04, "KDE off the density by " + l1Target + " in L1");
        assertTrue(l1Smoothed < 0.03, "KDE off its expectation by " + l1Smoothed + " in L1");
    }

    private static double gaussian(double x, double y, double mx, double my, double sx, double sy) {
        double dx = (x - mx) / sx;
        double dy = (y - my) / sy;
        return Math.exp(-0.5 * (dx * dx + dy * dy)) / (2 * Math.PI * sx * sy);
    }

    @Test
    void gapIsTheMeanDifferenceWhereTheDensitiesLive() {
        ViewGrid grid = ViewGrid.of(RING.viewBounds(), 50);
        OptimalDiscriminatorMap map = OptimalDiscriminator.of(grid, RING, generator());
        double[] d = map.optimal();
        assertEquals(0.0, map.gap(d), 0.0);
        double[] half = new double[d.length];
        Arrays.fill(half, 0.5);
        double[] pd = map.dataDensity();
        double[] pg = map.generatorDensity();
        double max = 0;
        for (int c = 0; c < d.length; c++) {
            max = Math.max(max, pd[c] + pg[c]);
        }
        double sum = 0;
        int count = 0;
        for (int c = 0; c < d.length; c++) {
            if (pd[c] + pg[c] >= 1e-3 * max) {
                sum += Math.abs(0.5 - d[c]);
                count++;
            }
        }
        assertTrue(count > 10 && count < d.length);
        assertEquals(sum / count, map.gap(half), 1e-15);
    }

    @Test
    void aCollapsedGeneratorGetsTheFloorBandwidthAndAFiniteMap() {
        float[] xy = new float[2 * 64];
        for (int i = 0; i < 64; i++) {
            xy[2 * i] = 2.0f;
            xy[2 * i + 1] = 0.0f;
        }
        ViewGrid grid = ViewGrid.of(RING.viewBounds(), 40);
        OptimalDiscriminatorMap map = OptimalDiscriminator.fromSamples(grid, RING, xy, 64);
        assertEquals(0.5 * grid.cellWidth(), map.bandwidthX(), 1e-15);
        for (double v : map.optimal()) {
            assertTrue(v >= 0 && v <= 1);
        }
        // The mode at (0, 2) is far from every generated point: D* = 1 there.
        int i = (int) ((0 - grid.xMin()) / grid.cellWidth());
        int j = (int) ((2 - grid.yMin()) / grid.cellHeight());
        assertEquals(1.0, map.optimal()[j * grid.nx() + i], 1e-12);
    }

    @Test
    void aGeneratorThatMatchesTheDataIsSeenSoOnlyWithBothSidesSmoothed() {
        // p_g = p_data: the smoothed map's expectation is exactly ½ everywhere, so its divergences shrink with n,
        // while Scott's bandwidth (about 0.5 on the ring, 25 data σ) keeps the exact-data map far from it.
        Random rng = new Random(21);
        ViewGrid grid = ViewGrid.of(RING.viewBounds(), 80);
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {300, 3000, 30_000}) {
            float[] xy = new float[2 * n];
            RING.sample(n, rng, xy);
            OptimalDiscriminatorMap smoothed = OptimalDiscriminator.fromSamplesSmoothed(grid, RING, xy, n);
            OptimalDiscriminatorMap exact = OptimalDiscriminator.fromSamples(grid, RING, xy, n);
            double js = smoothed.divergences().jensenShannon();
            assertTrue(js < previous / 2, "JS " + js + " at n = " + n + " after " + previous);
            assertTrue(exact.divergences().jensenShannon() > 0.5);
            previous = js;
        }
        assertTrue(previous < 2e-3, "JS " + previous + " with 30,000 samples");
        // The smoothed data density is the mixture with σ² + h² per axis.
        GaussianMixture2D wide = GaussianMixture2D.of(RING).smoothed(0.3, 0.4);
        assertEquals(Math.hypot(0.02, 0.3), wide.sigmaX(), 1e-15);
        assertEquals(Math.hypot(0.02, 0.4), wide.sigmaY(), 1e-15);
    }
}
