package org.latentlab.engine;

import java.util.Arrays;

/**
 * Which entries of a compiled network's flat parameter vector (DL4J's layout, networks joined one after another)
 * make up the vector θ that a loss is analysed over, in θ's order: runs [start, start + length). The entries outside
 * every run stay fixed at the values the networks had: batch normalisation's running statistics, which the
 * training-mode loss does not depend on, or the whole of a network held fixed (D under G's loss).
 *
 * @param starts  where each run begins in the flat parameter vector, increasing
 * @param lengths how many entries each run takes
 */
public record ParameterRuns(long[] starts, long[] lengths) {

    public ParameterRuns {
        if (starts.length != lengths.length) {
            throw new IllegalArgumentException(starts.length + " starts but " + lengths.length + " lengths");
        }
        long end = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < end || lengths[i] < 1) {
                throw new IllegalArgumentException("run " + i + " [" + starts[i] + ", +" + lengths[i]
                        + ") overlaps the run before it or is empty");
            }
            end = starts[i] + lengths[i];
        }
        starts = starts.clone();
        lengths = lengths.clone();
    }

    /** Every entry of a vector of {@code count}, as one run. */
    public static ParameterRuns all(long count) {
        return new ParameterRuns(new long[] {0}, new long[] {count});
    }

    /** The length of θ. */
    public long total() {
        return Arrays.stream(lengths).sum();
    }

    /** The entry after the last run. */
    long end() {
        return starts.length == 0 ? 0 : starts[starts.length - 1] + lengths[lengths.length - 1];
    }

    /** Whether θ is the whole of a vector of {@code count}. */
    boolean isAll(long count) {
        return starts.length == 1 && starts[0] == 0 && lengths[0] == count;
    }
}
