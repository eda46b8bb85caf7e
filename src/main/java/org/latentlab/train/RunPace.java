package org.latentlab.train;

/**
 * How fast a {@link TrainingRun} goes: the time spent iterating (not paused, not idle) and the iterations per
 * second, measured over windows of at least 0.2 s while the run runs. Not thread-safe: the run's owner thread
 * alone reads and writes it, as it does the trainer.
 */
final class RunPace {

    /** The shortest window over which iterations per second are measured. */
    private static final long WINDOW_NANOS = 200_000_000L;

    private long runningNanos;
    private long windowStartNanos;
    private long windowStartIteration;
    private double itersPerSecond = Double.NaN;

    /** The run starts or resumes at {@code iteration}: a new measuring window opens now. */
    void startWindow(long iteration) {
        windowStartNanos = System.nanoTime();
        windowStartIteration = iteration;
    }

    /** An iteration (or a command's work) took {@code nanos} of running time. */
    void addRunning(long nanos) {
        runningNanos += nanos;
    }

    /** A fresh trainer: no running time, no pace yet. */
    void reset() {
        runningNanos = 0;
        itersPerSecond = Double.NaN;
    }

    /** At {@code now}, the run at {@code iteration}: a window longer than 0.2 s closes, its pace kept. */
    void measure(long now, long iteration) {
        if (now - windowStartNanos > WINDOW_NANOS) {
            itersPerSecond = (iteration - windowStartIteration) * 1e9 / (now - windowStartNanos);
            windowStartNanos = now;
            windowStartIteration = iteration;
        }
    }

    long runningMillis() {
        return runningNanos / 1_000_000;
    }

    /** NaN until a window has closed. */
    double itersPerSecond() {
        return itersPerSecond;
    }
}
