package org.latentlab.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs tasks one after another on a named daemon worker thread and tells their outcomes through {@code owner}:
 * the window passes {@code Platform::runLater}, so handlers run on the FX thread and the FX thread never waits.
 */
public class WorkerTaskRunner implements TaskRunner {

    private final ExecutorService worker;
    private final Executor owner;
    private final Consumer<String> defaultFailure;
    private final List<TaskOutcome<?>> live = new CopyOnWriteArrayList<>();

    /**
     * @param threadName     the worker's name, seen in thread dumps ("latentlab-geometry")
     * @param owner          where outcomes and progress are told
     * @param defaultFailure told the failures of tasks without a failure handler (on the owner's thread)
     */
    public WorkerTaskRunner(String threadName, Executor owner, Consumer<String> defaultFailure) {
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.owner = owner;
        this.defaultFailure = defaultFailure;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        TaskOutcome<T> outcome = new TaskOutcome<>(task, defaultFailure, owner);
        live.add(outcome);
        try {
            worker.execute(() -> {
                try {
                    outcome.run();
                } finally {
                    live.remove(outcome);
                }
            });
        } catch (RejectedExecutionException e) {
            live.remove(outcome);
            throw new IllegalStateException("the task runner is closed; '" + task.title() + "' was not started", e);
        }
        return outcome;
    }

    @Override
    public void close() {
        for (TaskOutcome<?> o : live) {
            o.cancel();
        }
        worker.shutdown();
    }
}
