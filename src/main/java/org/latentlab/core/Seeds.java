package org.latentlab.core;

/**
 * Seeds derived from a run seed and a counter with SplitMix64's finaliser, so that nearby counters (update 7, update
 * 8) give unrelated random streams and any update can be replayed on its own.
 */
public final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The seed for draw number {@code counter} of the stream named by {@code base}. */
    public static long seed(long base, long counter) {
        return mix(base * GOLDEN + counter);
    }

    /** SplitMix64's finaliser: a bijection on 64-bit values that scatters nearby inputs. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
