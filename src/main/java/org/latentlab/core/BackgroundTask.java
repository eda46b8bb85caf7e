package org.latentlab.core;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A finite job for a {@link TaskRunner}: the work (run on a worker, reporting to a {@link Monitor}) and what to do
 * with its outcome (run on the owner's thread: the FX thread in the window, the caller's thread in tests). Built
 * fluently: {@code BackgroundTask.of("loading mnist-vae", m -> load()).onSuccess(this::show).onFailure(this::say)}.
 * Exactly one of success, failure or cancelled is told, once.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {

    /** The work itself; it may throw, and it stops by throwing {@link Monitor.Cancelled} when asked to. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Monitor monitor) throws Exception;
    }

    /** Work that returns nothing. */
    @FunctionalInterface
    public interface Action {
        void run(Monitor monitor) throws Exception;
    }

    /** Progress as reported by the work: a fraction from 0 to 1 and a message for a person (may be null). */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(double fraction, String message);
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<String> onFailure;
    private Runnable onCancelled = () -> { };
    private ProgressListener onProgress = (f, m) -> { };

    private BackgroundTask(String title, Work<T> work) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a background task needs a title (it names the task in messages)");
        }
        this.title = title;
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A task called {@code title} ("loading mnist-vae", "Hessian spectrum") doing {@code work}. */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** A task that returns nothing. */
    public static BackgroundTask<Void> ofAction(String title, Action action) {
        Objects.requireNonNull(action, "action");
        return new BackgroundTask<>(title, m -> {
            action.run(m);
            return null;
        });
    }

    /** Told the result on the owner's thread. An exception it throws is handled as the task's failure. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /**
     * Told a one-line message (see {@link Failures#message}) on the owner's thread when the work or the success
     * handler fails; without one, the runner's own failure handler is told.
     */
    public BackgroundTask<T> onFailure(Consumer<String> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Told on the owner's thread when the task stopped because it was cancelled. */
    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Told progress on the owner's thread; intermediate reports may be skipped when they come faster than drawn. */
    public BackgroundTask<T> onProgress(ProgressListener listener) {
        this.onProgress = Objects.requireNonNull(listener);
        return this;
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    Consumer<? super T> successHandler() {
        return onSuccess;
    }

    /** The failure handler, or null when the runner's default is to be told. */
    Consumer<String> failureHandler() {
        return onFailure;
    }

    Runnable cancelledHandler() {
        return onCancelled;
    }

    ProgressListener progressListener() {
        return onProgress;
    }

    @Override
    public String toString() {
        return "BackgroundTask[" + title + "]";
    }
}
