package org.latentlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The thinning rule of the {@link GanTimeline}, for any kind of entry that has an iteration and a size: the timeline
 * in memory keeps pictures, the timeline written to a run folder ({@link GanTimelineFiles}) keeps only the names and
 * sizes of its files, so both drop the same snapshots without the writer holding the pictures. Every entry is kept
 * until the cap; then, for each new one, the interior entry whose removal leaves the smallest age-weighted gap is
 * dropped (the rule is told in {@link GanTimeline}). Used on one thread.
 *
 * @param <E> an entry, identified by itself (the same object)
 */
final class Thinning<E> {

    private final int maxSnapshots;
    private final long maxBytes;
    private final ToLongFunction<E> iterationOf;
    private final ToLongFunction<E> bytesOf;
    private final List<E> kept = new ArrayList<>();
    private long bytes;

    Thinning(int maxSnapshots, long maxBytes, ToLongFunction<E> iterationOf, ToLongFunction<E> bytesOf) {
        if (maxSnapshots < 3) {
            throw new IllegalArgumentException("a timeline keeps at least 3 snapshots (the first, one between, the"
                    + " newest), not " + maxSnapshots);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a timeline needs room for its pictures: maxBytes > 0, not " + maxBytes);
        }
        this.maxSnapshots = maxSnapshots;
        this.maxBytes = maxBytes;
        this.iterationOf = iterationOf;
        this.bytesOf = bytesOf;
    }

    /**
     * Keeps {@code e} as the newest, thinning older ones; returns the entries dropped (one at the newest's iteration
     * is replaced, and is among them). An entry older than the newest is ignored and returned alone.
     */
    List<E> add(E e) {
        List<E> dropped = new ArrayList<>();
        if (!kept.isEmpty()) {
            E newest = kept.get(kept.size() - 1);
            long it = iterationOf.applyAsLong(e);
            if (it < iterationOf.applyAsLong(newest)) {
                dropped.add(e);
                return dropped;
            }
            if (it == iterationOf.applyAsLong(newest)) {
                bytes -= bytesOf.applyAsLong(newest);
                dropped.add(kept.remove(kept.size() - 1));
            }
        }
        kept.add(e);
        bytes += bytesOf.applyAsLong(e);
        int cap = capacity(e);
        while (kept.size() > cap || bytes > maxBytes && kept.size() > Math.min(cap, GanTimeline.MIN_SNAPSHOTS)) {
            E gone = kept.remove(victim());
            bytes -= bytesOf.applyAsLong(gone);
            dropped.add(gone);
        }
        return dropped;
    }

    /** How many entries the size of {@code e} fit: the count cap, lowered by the bytes cap. */
    private int capacity(E e) {
        long each = Math.max(1, bytesOf.applyAsLong(e));
        long byBytes = Math.max(GanTimeline.MIN_SNAPSHOTS, maxBytes / each);
        return (int) Math.max(3, Math.min(maxSnapshots, byBytes));
    }

    /** The interior entry whose removal leaves the smallest age-weighted gap. */
    private int victim() {
        int n = kept.size();
        long first = iteration(0);
        long newest = iteration(n - 1);
        double span = Math.max(1, newest - first);
        int best = 1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int j = 1; j < n - 1; j++) {
            double gap = iteration(j + 1) - iteration(j - 1);
            double age = newest - iteration(j);
            double score = gap / (1 + age / span);
            if (score < bestScore) {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }

    private long iteration(int i) {
        return iterationOf.applyAsLong(kept.get(i));
    }

    /** Drops the entries after {@code iteration} (a run resumed from an earlier checkpoint); returns them. */
    List<E> dropAfter(long iteration) {
        List<E> dropped = new ArrayList<>();
        while (!kept.isEmpty() && iteration(kept.size() - 1) > iteration) {
            E gone = kept.remove(kept.size() - 1);
            bytes -= bytesOf.applyAsLong(gone);
            dropped.add(gone);
        }
        return dropped;
    }

    void clear() {
        kept.clear();
        bytes = 0;
    }

    List<E> all() {
        return List.copyOf(kept);
    }

    int size() {
        return kept.size();
    }

    E get(int index) {
        return kept.get(index);
    }

    E newest() {
        return kept.isEmpty() ? null : kept.get(kept.size() - 1);
    }

    int indexOf(E e) {
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (kept.get(i) == e) {
                return i;
            }
        }
        return -1;
    }

    int nearest(long iteration) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < kept.size(); i++) {
            long d = Math.abs(iteration(i) - iteration);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    long bytes() {
        return bytes;
    }
}
