package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.latentlab.data.ToyDistribution;

class ModeCoverageTest {

    private static final ToyDistribution RING = ToyDistribution.named("ring8");
    private static final List<double[]> MODES = RING.modes();
    private static final double SIGMA = RING.sigma();

    private static float[] points(double... xy) {
        float[] out = new float[xy.length];
        for (int i = 0; i < xy.length; i++) {
            out[i] = (float) xy[i];
        }
        return out;
    }

    @Test
    void samplesExactlyAtEveryModeCoverAll() {
        float[] samples = new float[2 * 8 * 10];
        for (int i = 0; i < 80; i++) {
            samples[2 * i] = (float) MODES.get(i % 8)[0];
            samples[2 * i + 1] = (float) MODES.get(i % 8)[1];
        }
        ModeCoverageResult r = ModeCoverage.evaluate(samples, MODES, SIGMA);
        assertEquals(8, r.modesCovered());
        assertEquals(8, r.modeCount());
        assertEquals(1.0, r.highQualityFraction());
        assertEquals(0.0, r.reverseKl(), 1e-12);
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10}, r.highQualityPerMode());
    }

    @Test
    void collapseOntoOneModeGivesLogM() {
        float[] samples = new float[2 * 50];
        for (int i = 0; i < 50; i++) {
            samples[2 * i] = 2f;
        }
        ModeCoverageResult r = ModeCoverage.evaluate(samples, MODES, SIGMA);
        assertEquals(1, r.modesCovered());
        assertEquals(1.0, r.highQualityFraction());
        assertEquals(Math.log(8), r.reverseKl(), 1e-12);
    }

    @Test
    void offModePointsAreNotHighQuality() {
        ModeCoverageResult r = ModeCoverage.evaluate(points(0, 0, 2, 0, 1, 1, 0, 2), MODES, SIGMA);
        assertEquals(2, r.modesCovered());
        assertEquals(0.5, r.highQualityFraction());
        assertEquals(Math.log(4), r.reverseKl(), 1e-12);

        ModeCoverageResult none = ModeCoverage.evaluate(points(0, 0, 0, 0), MODES, SIGMA);
        assertEquals(0, none.modesCovered());
        assertEquals(0.0, none.highQualityFraction());
        assertEquals(Double.POSITIVE_INFINITY, none.reverseKl());
    }

    @Test
    void thresholdIsThreeSigma() {
        double inside = 2 + 2.9 * SIGMA;
        double outside = 2 + 3.1 * SIGMA;
        assertEquals(1.0, ModeCoverage.evaluate(points(inside, 0), MODES, SIGMA).highQualityFraction());
        assertEquals(0.0, ModeCoverage.evaluate(points(outside, 0), MODES, SIGMA).highQualityFraction());
        // the same along a diagonal mode (angle pi/4)
        double c = Math.cos(Math.PI / 4);
        assertEquals(1, ModeCoverage.evaluate(points(inside * c, inside * c), MODES, SIGMA).modesCovered());
        assertEquals(0, ModeCoverage.evaluate(points(outside * c, outside * c), MODES, SIGMA).modesCovered());
    }

    @Test
    void trueDistributionCoversEverything() {
        for (String name : List.of("ring8", "ring8-pacgan", "grid25")) {
            ToyDistribution dist = ToyDistribution.named(name);
            float[] samples = new float[2 * ModeCoverage.STANDARD_SAMPLE_COUNT];
            dist.sample(ModeCoverage.STANDARD_SAMPLE_COUNT, new Random(11), samples);
            ModeCoverageResult r = ModeCoverage.evaluate(samples, dist.modes(), dist.sigma());
            assertEquals(dist.modes().size(), r.modesCovered(), name);
            // within 3 sigma in 2-D: 1 - exp(-4.5) = 98.9%
            assertTrue(r.highQualityFraction() > 0.98, name + ": " + r);
            assertTrue(r.reverseKl() < 0.05, name + ": " + r);
        }
    }
}
