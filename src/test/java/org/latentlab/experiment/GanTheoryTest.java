package org.latentlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.latentlab.analysis.game.OptimalDiscriminator;
import org.latentlab.analysis.game.OptimalDiscriminatorMap;
import org.latentlab.analysis.game.ViewGrid;
import org.latentlab.data.ToyDistribution;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanView;
import org.latentlab.train.Metric;

/** D* and the divergences measured on a GAN's samples of ring8, against closed forms and known answers. */
class GanTheoryTest {

    private static final ToyDistribution RING = ToyDistribution.named("ring8");
    private static final int RES = 64;

    private static float[] sample(ToyDistribution toy, int n, long seed) {
        float[] xy = new float[2 * n];
        toy.sample(n, new Random(seed), xy);
        return xy;
    }

    /** All n points at (x, y): a generator collapsed onto one point. */
    private static float[] collapsed(int n, float x, float y) {
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
        }
        return xy;
    }

    @Test
    void optimalDiscriminatorIsDrawnRightWayUp() {
        double[] b = RING.viewBounds();
        GanTheory theory = new GanTheory(RING, b, RES);
        // G collapsed onto the mode at (0, 2) (top centre): D* there is below ½, at the mode (0, −2) (bottom) it is 1
        GanView.Optimal o = theory.optimal(collapsed(600, 0f, 2f), 600, null);
        int col = (int) ((0 - b[0]) / (b[1] - b[0]) * RES);
        int top = (int) ((b[3] - 2) / (b[3] - b[2]) * RES);
        int bottom = (int) ((b[3] + 2) / (b[3] - b[2]) * RES);
        assertTrue(o.exact()[top * RES + col] < 0.5, "D* where G sits: " + o.exact()[top * RES + col]);
        assertEquals(1.0, o.exact()[bottom * RES + col], 1e-6, "D* at a mode G misses");
        assertTrue(Double.isNaN(o.gapSmoothed()) && Double.isNaN(o.gapExact()), "no learned probabilities, no gap");
        assertEquals(600, o.samples());
        assertTrue(o.bandwidthX() > 0 && o.bandwidthY() > 0);
    }

    @Test
    void optimalMatchesTheMapsOfTheGamePackageAndTheirGaps() {
        ViewGrid grid = ViewGrid.of(RING.viewBounds(), RES);
        GanTheory theory = new GanTheory(RING, RING.viewBounds(), RES);
        float[] fake = sample(RING, 600, 3);
        float[] learned = new float[RES * RES];
        Random r = new Random(4);
        for (int i = 0; i < learned.length; i++) {
            learned[i] = r.nextFloat();
        }
        GanView.Optimal o = theory.optimal(fake, 600, learned);
        OptimalDiscriminatorMap smoothed = OptimalDiscriminator.fromSamplesSmoothed(grid, RING, fake, 600);
        OptimalDiscriminatorMap exact = OptimalDiscriminator.fromSamples(grid, RING, fake, 600);
        double[] s = theory.toGridOrder(o.smoothed());
        double[] e = theory.toGridOrder(o.exact());
        for (int c = 0; c < s.length; c++) {
            assertEquals(smoothed.optimal()[c], s[c], 1e-6, "smoothed D* at cell " + c);
            assertEquals(exact.optimal()[c], e[c], 1e-6, "exact D* at cell " + c);
        }
        assertEquals(smoothed.gap(theory.toGridOrder(learned)), o.gapSmoothed(), 1e-12);
        assertEquals(exact.gap(theory.toGridOrder(learned)), o.gapExact(), 1e-12);
        assertEquals(smoothed.bandwidthX(), o.bandwidthX(), 0);
        assertEquals(0.0, theory.optimal(fake, 600, o.smoothed()).gapSmoothed(), 1e-6, "D* against itself");
        // and the grid divergences are those of the smoothed map
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        theory.measure(v, fake, fake, 600, GanLoss.NON_SATURATING, Double.NaN, Double.NaN);
        assertEquals(smoothed.divergences().jensenShannon(), v.get(Metric.JENSEN_SHANNON), 1e-12);
        assertEquals(smoothed.divergences().klGeneratorData(), v.get(Metric.KL_GENERATOR_DATA), 1e-12);
    }

    @Test
    void heatAndGridOrdersAreInverse() {
        GanTheory theory = new GanTheory(RING, RING.viewBounds(), 4);
        float[] heat = new float[16];
        for (int i = 0; i < 16; i++) {
            heat[i] = i;
        }
        double[] grid = theory.toGridOrder(heat);
        assertEquals(12.0, grid[0], "the bottom-left cell is the heat map's last row");
        assertEquals(3.0, grid[15], "the top-right cell is the heat map's first row");
        assertTrue(java.util.Arrays.equals(heat, theory.toHeatOrder(grid)));
    }

    @Test
    void divergencesSeparateAGoodGeneratorFromACollapsedOne() {
        GanTheory theory = new GanTheory(RING, RING.viewBounds(), RES);
        float[] real = sample(RING, 600, 1);
        Map<Metric, Double> good = new EnumMap<>(Metric.class);
        theory.measure(good, real, sample(RING, 600, 2), 600, GanLoss.NON_SATURATING, Double.NaN, Double.NaN);
        Map<Metric, Double> bad = new EnumMap<>(Metric.class);
        theory.measure(bad, real, collapsed(600, 0f, 2f), 600, GanLoss.NON_SATURATING, Double.NaN, Double.NaN);
        assertTrue(good.get(Metric.JENSEN_SHANNON) < 0.05, "JS of data against data: " + good);
        assertTrue(bad.get(Metric.JENSEN_SHANNON) > 0.4, "JS of a collapsed G: " + bad);
        assertTrue(bad.get(Metric.KL_DATA_GENERATOR) > bad.get(Metric.JENSEN_SHANNON), "missed modes: " + bad);
        assertFalse(good.containsKey(Metric.CRITIC_ESTIMATE), "no critic, no estimate");
        // W1 from 300 ring points to one point on the ring: the mean distance to (0, 2), known per mode
        double expected = 0;
        for (int i = 0; i < 300; i++) {
            expected += Math.hypot(real[2 * i], real[2 * i + 1] - 2);
        }
        assertEquals(expected / 300, bad.get(Metric.WASSERSTEIN_1), 1e-4);
    }

    @Test
    void aGeneratorThatLeftTheViewHasNoGridDivergencesButStillAW1() {
        GanTheory theory = new GanTheory(RING, RING.viewBounds(), RES);
        Map<Metric, Double> gone = new EnumMap<>(Metric.class);
        theory.measure(gone, sample(RING, 600, 1), collapsed(600, 500f, 500f), 600, GanLoss.NON_SATURATING,
                Double.NaN, Double.NaN);
        assertTrue(Double.isNaN(gone.get(Metric.JENSEN_SHANNON)), gone.toString());
        assertTrue(gone.get(Metric.WASSERSTEIN_1) > 600, gone.toString());
    }

    @Test
    void aCriticsEstimateIsRecordedForTheWassersteinLosses() {
        GanTheory theory = new GanTheory(RING, RING.viewBounds(), RES);
        float[] real = sample(RING, 600, 1);
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        theory.measure(v, real, real, 600, GanLoss.WGAN_GP, 1.25, -0.5);
        assertEquals(1.75, v.get(Metric.CRITIC_ESTIMATE), 0);
        assertEquals(0.0, v.get(Metric.WASSERSTEIN_1), 1e-12, "W1 between a set and itself");
    }
}
