package org.latentlab.train;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a long run's memory flat. ND4J's buffers live in native memory that is freed only after the Java objects
 * holding them are collected, and with a roomy heap the collector rarely runs: a ring8 run grew to 6 GB of resident
 * memory within 10,000 iterations. After {@value #WARM_UP} iterations this collects once and takes the resident size
 * that follows as the baseline; then, every {@value #CHECK_EVERY} iterations, it reads the resident size (cheap) and
 * collects when it is {@value #SLACK_MB} MB above the baseline, at most once a second (so at most a few per cent of
 * the time, even when the allocator keeps freed memory). Measured by {@code bench --soak}.
 */
public final class NativeMemory {

    static final int CHECK_EVERY = 10;
    static final int WARM_UP = 20;
    static final long SLACK_MB = 256;
    static final long MIN_GAP_NANOS = 1_000_000_000L;

    private long baseline = -1;
    private long calls;
    private long lastCollectionNanos;
    private long collections;

    /** Called once per iteration by the owner of the networks. */
    public void afterIteration() {
        calls++;
        if (calls % CHECK_EVERY != 0 || calls < WARM_UP) {
            return;
        }
        if (collections == 0) {
            collect();
            return;
        }
        long rss = Pointer.physicalBytes();
        if (baseline < 0) {
            baseline = rss;
            return;
        }
        if (rss > baseline + SLACK_MB * 1024 * 1024 && System.nanoTime() - lastCollectionNanos >= MIN_GAP_NANOS) {
            collect();
        }
    }

    private void collect() {
        System.gc();
        collections++;
        lastCollectionNanos = System.nanoTime();
    }

    public long collections() {
        return collections;
    }
}
