package org.latentlab.metrics;

import java.util.Locale;

/**
 * The outcome of {@link ModeCoverage#evaluate}: how many of {@code modeCount} modes are covered, the fraction of
 * samples that are high quality, the reverse KL divergence KL(q || uniform) of the high-quality samples' mode
 * histogram (0 = perfectly balanced, log M = all on one mode, +infinity = no high-quality samples), and the
 * high-quality count per mode.
 */
public record ModeCoverageResult(int modesCovered, int modeCount, double highQualityFraction, double reverseKl,
                                 int[] highQualityPerMode) {

    public ModeCoverageResult {
        highQualityPerMode = highQualityPerMode.clone();
    }

    @Override
    public int[] highQualityPerMode() {
        return highQualityPerMode.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d modes, %.1f%% high quality, reverse KL %.4f", modesCovered,
                modeCount, 100 * highQualityFraction, reverseKl);
    }
}
