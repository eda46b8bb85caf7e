package org.latentlab.experiment.geometry;

import org.latentlab.analysis.landscape.LineScan;

/**
 * Where a 1-D slice is sampled: {@code points} equally spaced α in [from, to] along θ(α) = (1 − α)·θ₀ + α·θ₁.
 *
 * @param points at least 2
 * @param from   the first α (default −0.5)
 * @param to     the last α (default 1.5), greater than {@code from}
 */
public record LineOptions(int points, double from, double to) {

    /** 41 points over [−0.5, 1.5] (a step of 0.05, so α = 0 and α = 1 are sampled exactly). */
    public static final int DEFAULT_POINTS = 41;

    public LineOptions {
        if (points < 2) {
            throw new IllegalArgumentException("a line needs at least 2 points, not " + points);
        }
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
            throw new IllegalArgumentException("the line's range must be finite with to > from, not [" + from + ", "
                    + to + "]");
        }
    }

    /** Goodfellow et al. 2015's view: 41 points over [−0.5, 1.5]. */
    public static LineOptions defaults() {
        return new LineOptions(DEFAULT_POINTS, LineScan.DEFAULT_FROM, LineScan.DEFAULT_TO);
    }

    /** The cache file name part, e.g. {@code p41-a-0.5_1.5}. */
    String tag() {
        return "p" + points + "-a" + Names.number(from) + "_" + Names.number(to);
    }
}
