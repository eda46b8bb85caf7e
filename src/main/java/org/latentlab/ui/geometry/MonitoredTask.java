package org.latentlab.ui.geometry;

import javafx.concurrent.Task;
import org.latentlab.core.Monitor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A finite computation (a spectrum, a scan, a Jacobian) as a JavaFX {@link Task}: the engine reports through a
 * {@link Monitor}, which becomes the task's progress and message, and the task's cancel becomes the monitor's
 * cancellation. Runs on the geometry bench's own worker thread, never on the FX thread.
 */
final class MonitoredTask<T> extends Task<T> {

    /** The work, given the monitor to report to. */
    interface Work<T> {
        T run(Monitor monitor) throws Exception;
    }

    /** One worker for the whole bench: computations queue behind each other, none on the FX thread. */
    static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "geometry-worker");
        t.setDaemon(true);
        return t;
    });

    private final Work<T> work;

    MonitoredTask(Work<T> work) {
        this.work = work;
    }

    @Override
    protected T call() throws Exception {
        Monitor monitor = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                updateProgress(Math.max(0, Math.min(1, fraction)), 1);
                if (message != null) {
                    updateMessage(message);
                }
            }

            @Override
            public boolean isCancelled() {
                return MonitoredTask.this.isCancelled();
            }
        };
        return work.run(monitor);
    }

    /** Starts the task on the worker and returns it. */
    MonitoredTask<T> submit() {
        WORKER.submit(this);
        return this;
    }
}
