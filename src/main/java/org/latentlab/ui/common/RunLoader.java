package org.latentlab.ui.common;

import org.latentlab.core.BackgroundTask;
import org.latentlab.core.Failures;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskRunner;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The run on a training bench, and how it is replaced: a new run is started by the bench's {@link TaskRunner} (the
 * FX thread never waits for data to load or networks to build), the newest load asked for wins over one still under
 * way, and the run it replaces is closed on the runner too, since closing waits for the current iteration and the
 * last checkpoint. When the bench closes it waits for its run and for replaced runs still stopping. Used on the FX
 * thread (in tests, the caller's thread with a direct runner).
 *
 * @param <S> a running session (it stops when closed)
 */
public final class RunLoader<S extends AutoCloseable> {

    /** Starts a run (on the runner's worker); a failure, of any kind, becomes the load's message. */
    @FunctionalInterface
    public interface Starter<S> {
        S start() throws Exception;
    }

    private final TaskRunner runner;
    private final Consumer<S> released;
    private final Consumer<String> closeFailed;
    /** Replaced runs still stopping on the runner. */
    private final Set<S> closing = ConcurrentHashMap.newKeySet();
    private long generation;
    private S current;

    /**
     * @param runner      where runs are started and closed
     * @param released    told (on the owner's thread) a run that stops being current, before it is closed
     * @param closeFailed told the one-line message when closing a replaced run failed
     */
    public RunLoader(TaskRunner runner, Consumer<S> released, Consumer<String> closeFailed) {
        this.runner = runner;
        this.released = released;
        this.closeFailed = closeFailed;
    }

    /**
     * Starts a run called {@code what} in messages; {@code installed} is told the new run once it is current (the
     * one it replaced is then closing), {@code failed} the message when it cannot start. Neither is told when a
     * newer load was asked for meanwhile: that one decides what the bench shows.
     */
    public void load(String what, Starter<S> starter, Consumer<S> installed, Consumer<String> failed) {
        long gen = ++generation;
        runner.submit(BackgroundTask.of("loading " + what, m -> {
            S next = starter.start();
            if (m.isCancelled()) {
                next.close();
                throw new Monitor.Cancelled();
            }
            return next;
        }).onSuccess(next -> {
            if (gen != generation) {
                closeLater(next);
                return;
            }
            S old = current;
            current = next;
            if (old != null) {
                released.accept(old);
                closeLater(old);
            }
            installed.accept(next);
        }).onFailure(message -> {
            if (gen == generation) {
                failed.accept(message);
            }
        }));
    }

    /** The current run, or null before the first has loaded (and after {@link #close()}). */
    public S current() {
        return current;
    }

    private void closeLater(S s) {
        closing.add(s);
        runner.submit(BackgroundTask.ofAction("closing a replaced run", m -> {
            try {
                s.close();
            } finally {
                closing.remove(s);
            }
        }).onFailure(closeFailed));
    }

    /**
     * Stops the current run and waits for it, and for replaced runs still stopping (the window closing: each saves
     * its last checkpoint); a load still under way is dropped when it ends.
     */
    public void close() {
        generation++;
        S s = current;
        current = null;
        if (s != null) {
            released.accept(s);
            closeQuietly(s);
        }
        for (S c : List.copyOf(closing)) {
            closeQuietly(c);
        }
    }

    private void closeQuietly(S s) {
        try {
            s.close();
        } catch (Exception e) {
            closeFailed.accept(Failures.message("closing a run", e));
        }
    }
}
