package org.latentlab.core;

import java.util.function.Consumer;

/**
 * Runs each task at once on the caller's thread, its handlers included, and returns when the outcome has been
 * told: for tests, so a ViewModel's background jobs are finished when the call that started them returns (JabRef's
 * {@code CurrentThreadTaskExecutor}). Failures go through the same {@link TaskOutcome} as the window's runner.
 */
public final class DirectTaskRunner implements TaskRunner {

    private final Consumer<String> defaultFailure;
    private volatile boolean closed;

    /** A runner whose tasks without a failure handler throw their failure message as a {@link LabException}. */
    public DirectTaskRunner() {
        this(message -> {
            throw new LabException(message);
        });
    }

    /** A runner telling {@code defaultFailure} the failures of tasks that have no handler of their own. */
    public DirectTaskRunner(Consumer<String> defaultFailure) {
        this.defaultFailure = defaultFailure;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        if (closed) {
            throw new IllegalStateException("the task runner is closed");
        }
        TaskOutcome<T> outcome = new TaskOutcome<>(task, defaultFailure, Runnable::run);
        outcome.run();
        return outcome;
    }

    @Override
    public void close() {
        closed = true;
    }
}
