package org.latentlab.ui.gan;

import org.latentlab.core.BackgroundTask;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;

import java.util.ArrayList;
import java.util.List;

/**
 * A task runner for tests that keeps what is submitted until the test runs it ({@link #runAll}), on the test's
 * thread: so a test can look at a ViewModel while a job is still "running".
 */
final class HeldTaskRunner implements TaskRunner {

    private final DirectTaskRunner direct = new DirectTaskRunner(m -> {
        throw new AssertionError("a task failed without its own handler: " + m);
    });
    private final List<Held> held = new ArrayList<>();

    private static final class Held implements TaskHandle {
        final BackgroundTask<?> task;
        boolean done;

        Held(BackgroundTask<?> task) {
            this.task = task;
        }

        @Override
        public void cancel() {
            done = true;
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        Held h = new Held(task);
        held.add(h);
        return h;
    }

    /** Tasks submitted and neither run nor cancelled. */
    int waiting() {
        return (int) held.stream().filter(h -> !h.done).count();
    }

    /** Runs every task waiting, in order, with its handlers (and those they submit). */
    void runAll() {
        while (!held.isEmpty()) {
            Held h = held.remove(0);
            if (!h.done) {
                direct.submit(h.task);
                h.done = true;
            }
        }
    }

    @Override
    public void close() {
        direct.close();
    }
}
