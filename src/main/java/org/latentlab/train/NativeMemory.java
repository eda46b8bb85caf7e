package org.latentlab.train;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a long run's memory flat. ND4J's buffers live in native memory that is freed only after the Java objects
 * holding them are collected, and with a roomy heap the collector rarely runs: a ring8 run grew to 6 GB of resident
 * memory within 10,000 iterations. After a warm-up this takes the resident set size just after a collection as the
 * baseline; every {@value #CHECK_EVERY} iterations it reads the resident size (cheap) and asks for a collection when
 * it is {@value #SLACK_MB} MB above the baseline, at most every {@value #MIN_GAP} iterations. Measured by
 * {@code bench --soak}.
 */
public final class NativeMemory {

    static final int CHECK_EVERY = 50;
    static final int WARM_UP = 200;
    static final int MIN_GAP = 200;
    static final long SLACK_MB = 256;

    private long baseline = -1;
    private long calls;
    private long lastCollection;
    private long collections;

    /** Called once per iteration by the owner of the networks. */
    public void afterIteration() {
        calls++;
        if (calls % CHECK_EVERY != 0) {
            return;
        }
        if (baseline < 0) {
            if (calls >= WARM_UP) {
                collect();
                baseline = Pointer.physicalBytes();
            }
            return;
        }
        if (calls - lastCollection >= MIN_GAP && Pointer.physicalBytes() > baseline + SLACK_MB * 1024 * 1024) {
            collect();
        }
    }

    private void collect() {
        System.gc();
        collections++;
        lastCollection = calls;
    }

    public long collections() {
        return collections;
    }
}
