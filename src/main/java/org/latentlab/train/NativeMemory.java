package org.latentlab.train;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a long run's memory flat. ND4J's buffers live in native memory that is freed only after the Java objects
 * holding them are collected, and with a roomy heap the collector rarely runs: a ring8 run grew to 6 GB of resident
 * memory within 10,000 iterations. After {@value #WARM_UP} iterations this collects once and takes the resident size
 * that follows as the baseline; then, every {@value #CHECK_EVERY} iterations, it reads the resident size (cheap) and
 * collects when it is {@value #SLACK_MB} MB above the baseline, at most once a second (so at most a few per cent of
 * the time, even when the allocator keeps freed memory). Measured by {@code bench --soak}.
 *
 * <p>The same holds between runs: a run or model that is closed and dropped keeps its native memory until the next
 * old-generation collection, which with a small, quiet heap may never come (switching presets for 23 minutes grew
 * the window from 0.5 to 7.2 GB resident). Whoever drops one calls {@link #release()} (when nothing references it
 * any more) or {@link #releaseSoon()} (when a reference goes away shortly, e.g. once the FX thread installs the
 * next model); a thread that used ND4J and ends calls {@link #releaseThread()}. Measured by {@code bench --session}.
 */
public final class NativeMemory {

    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);
    /** How long {@link #releaseSoon()} waits, so that references dropped just after the call are gone too. */
    static final long RELEASE_DELAY_MILLIS = 1_000;
    /** A moment for ND4J's deallocator threads to free what the collection queued. */
    private static final long DEALLOCATION_WAIT_MILLIS = 50;
    private static final ScheduledExecutorService RELEASER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "latentlab-memory-release");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicBoolean RELEASE_PENDING = new AtomicBoolean();
    private static final AtomicBoolean TRIM_AVAILABLE = new AtomicBoolean(true);

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

    /**
     * Frees the native memory of every network and array nobody references any more: a full collection, after
     * which ND4J's deallocator threads free their buffers. Costs a collection (about 0.1 s with the lab's heap):
     * call it when a run or model has been let go, not per iteration.
     */
    public static void release() {
        System.gc();
        try {
            Thread.sleep(DEALLOCATION_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        trimMalloc();
    }

    /**
     * Hands the free pages of every malloc arena back to the system (glibc's {@code malloc_trim(0)}, through JNA,
     * which ND4J brings). Without it the buffers a closed run freed stay resident: each thread that ran ND4J kept
     * its own arena, and a long session grew 2.8 GB resident over 14 presets with 60 MB of heap in use. A no-op
     * where there is no glibc.
     */
    static void trimMalloc() {
        if (!TRIM_AVAILABLE.get()) {
            return;
        }
        try {
            com.sun.jna.Function.getFunction("c", "malloc_trim").invokeInt(new Object[] {0});
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            TRIM_AVAILABLE.set(false);
            LOG.info("malloc_trim is not available ({}): freed native memory stays with the allocator", e.toString());
        }
    }

    /** The resident set size of this process ({@code VmRSS} in /proc/self/status), or JavaCPP's estimate. */
    public static long residentBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException | SecurityException e) {
            // not Linux: fall back
        }
        return Pointer.physicalBytes();
    }

    /**
     * {@link #release()} on a background thread a second from now; calls in between share it. For a caller whose
     * old model is still referenced for a moment (a screen that installs the next model on its own thread).
     */
    public static void releaseSoon() {
        if (RELEASE_PENDING.compareAndSet(false, true)) {
            RELEASER.schedule(() -> {
                RELEASE_PENDING.set(false);
                release();
            }, RELEASE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * For a thread that ran ND4J and is about to end (a training run's owner, a decode worker): destroys the
     * workspaces DL4J made for it (they belong to the thread and would otherwise wait for a collection), then
     * releases what its caller has let go of.
     */
    public static void releaseThread() {
        dropThreadWorkspaces();
        release();
    }

    /** Destroys the ND4J workspaces of the calling thread (none may be open), without collecting. */
    public static void dropThreadWorkspaces() {
        try {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        } catch (RuntimeException e) {
            LOG.warn("could not destroy this thread's ND4J workspaces: {}", e.toString());
        }
    }
}
