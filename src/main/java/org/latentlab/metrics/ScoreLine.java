package org.latentlab.metrics;

/**
 * One score of a {@link ScoreCard}: the generated set's value (and its spread where the score has one, else NaN), the
 * same score of a second real set of the same size in its place (the real-versus-real baseline: what a perfect
 * generator would get at this sample size), the sample size, the seconds it took (both sets, features excluded),
 * and a note on how to read it.
 *
 * @param better "lower", "higher" or "closer to the baseline": which way is better
 */
public record ScoreLine(String name, double value, double spread, double baseline, double baselineSpread,
                        int sampleSize, double seconds, String better, String note) {

    public ScoreLine {
        if (name == null || name.isBlank() || sampleSize < 1 || !(seconds >= 0)) {
            throw new IllegalArgumentException("a score line needs a name, a sample size of at least 1 and a time >= 0");
        }
        better = better == null ? "" : better;
        note = note == null ? "" : note;
    }
}
