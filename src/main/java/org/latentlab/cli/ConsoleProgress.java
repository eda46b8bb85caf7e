package org.latentlab.cli;

import org.latentlab.core.Monitor;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A {@link Monitor} for the command line: progress lines on stderr (so stdout keeps only results), at most one a
 * second, plus the first and the last; never cancels (Ctrl-C ends the process, and resumable jobs keep what they
 * wrote).
 */
final class ConsoleProgress implements Monitor {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private long last = Long.MIN_VALUE;
    private volatile String lastMessage = "";

    ConsoleProgress() {
        this(System.err);
    }

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        lastMessage = message;
        long now = System.nanoTime();
        if (last != Long.MIN_VALUE && now - last < INTERVAL_NANOS && fraction < 1) {
            return;
        }
        last = now;
        err.printf(Locale.ROOT, "[%3.0f%%] %s%n", 100 * Math.max(0, Math.min(1, fraction)), message);
    }

    /** True when the last message says the result was read from a cache file. */
    boolean servedFromCache() {
        return lastMessage.startsWith(org.latentlab.experiment.geometry.GeometryJobs.CACHE_HIT);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
