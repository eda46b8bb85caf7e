package org.latentlab.experiment;

import org.latentlab.train.Evaluation;

/**
 * What a run measured when it reached a fixed iteration, so that runs read side by side as a table. The fixed
 * iterations are 1,000, 2,000, 5,000, 10,000, 20,000, 50,000, … (1, 2 and 5 times a power of ten); a run's
 * measurement at a milestone is its first one at or after it, and none when that one already lies at or beyond the
 * next milestone (the measurements in between were lost).
 *
 * @param target      the fixed iteration
 * @param evaluation  the measurement taken for it ({@code evaluation.iteration()} is where it was taken)
 */
public record Milestone(long target, Evaluation evaluation) {

    /** The first fixed iteration. */
    public static final long FIRST = 1_000;

    public Milestone {
        if (!isMilestone(target)) {
            throw new IllegalArgumentException("milestones are 1, 2 or 5 times a power of ten from " + FIRST
                    + ", not " + target);
        }
        if (evaluation == null || evaluation.iteration() < target) {
            throw new IllegalArgumentException("a milestone's measurement must be taken at or after it");
        }
    }

    /** The iteration the measurement was taken at. */
    public long measuredAt() {
        return evaluation.iteration();
    }

    /** The fixed iteration after {@code target}: 1,000 → 2,000 → 5,000 → 10,000 → … */
    public static long next(long target) {
        long decade = 1;
        while (decade * 10 <= target) {
            decade *= 10;
        }
        long lead = target / decade;
        return lead < 2 ? 2 * decade : lead < 5 ? 5 * decade : 10 * decade;
    }

    /** Whether {@code iteration} is one of the fixed iterations. */
    public static boolean isMilestone(long iteration) {
        for (long m = FIRST; m <= iteration; m = next(m)) {
            if (m == iteration) {
                return true;
            }
        }
        return false;
    }
}
