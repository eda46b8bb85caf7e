package org.latentlab.core;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One submitted task as both runners see it: runs the work with a monitor, then tells exactly one outcome through
 * {@code owner} (the owner's thread); logs a failure once, without a stack trace when the person can fix it.
 */
final class TaskOutcome<T> implements TaskHandle, Runnable {

    private static final System.Logger LOG = System.getLogger(TaskRunner.class.getName());

    private final BackgroundTask<T> task;
    private final Consumer<String> defaultFailure;
    private final Executor owner;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean told = new AtomicBoolean();
    /** The newest progress not yet drawn; reports that come faster than the owner draws them are merged. */
    private final AtomicReference<double[]> pendingFraction = new AtomicReference<>();
    private volatile String pendingMessage;
    private volatile boolean done;

    TaskOutcome(BackgroundTask<T> task, Consumer<String> defaultFailure, Executor owner) {
        this.task = task;
        this.defaultFailure = defaultFailure;
        this.owner = owner;
    }

    @Override
    public void run() {
        if (cancelled.get()) {
            tell(() -> task.cancelledHandler().run());
            return;
        }
        Monitor monitor = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                pendingMessage = message;
                if (pendingFraction.getAndSet(new double[]{Math.max(0, Math.min(1, fraction))}) == null) {
                    owner.execute(TaskOutcome.this::drawProgress);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        T value;
        try {
            value = task.work().run(monitor);
        } catch (Monitor.Cancelled e) {
            tell(() -> task.cancelledHandler().run());
            return;
        } catch (Throwable t) {
            tell(() -> fail(t));
            return;
        }
        if (cancelled.get()) {
            tell(() -> task.cancelledHandler().run());
            return;
        }
        tell(() -> {
            try {
                task.successHandler().accept(value);
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    private void drawProgress() {
        double[] f = pendingFraction.getAndSet(null);
        if (f != null && !told.get()) {
            task.progressListener().progress(f[0], pendingMessage);
        }
    }

    private void tell(Runnable outcome) {
        owner.execute(() -> {
            if (told.compareAndSet(false, true)) {
                try {
                    outcome.run();
                } finally {
                    done = true;
                }
            }
        });
    }

    private void fail(Throwable t) {
        String message = Failures.message(task.title(), t);
        if (Failures.expected(t)) {
            LOG.log(System.Logger.Level.INFO, task.title() + ": " + message);
        } else {
            LOG.log(System.Logger.Level.WARNING, task.title() + ": " + message, t);
        }
        Consumer<String> handler = task.failureHandler() != null ? task.failureHandler() : defaultFailure;
        handler.accept(message);
    }

    @Override
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isDone() {
        return done;
    }
}
