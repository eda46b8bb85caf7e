package org.latentlab.ui.geometry;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.geometry.GeometryJobs;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One geometry section's computation at a time, through the bench's {@link TaskRunner}, as a progress, a message
 * and a busy flag for its {@link TaskBar}: starting a job cancels the one in flight, and only the newest job's
 * outcome reaches the section (an older one that ends late is dropped). A result read back from the checkpoint's
 * analysis folder says so in the message; a failure becomes the message, one line.
 */
final class SectionTasks {

    /** The progress while a job has not said how far it is (a bar shows it as busy). */
    static final double UNKNOWN = -1;

    private final TaskRunner runner;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private TaskHandle running = TaskHandle.NONE;
    private long generation;
    private String lastMessage;

    SectionTasks(TaskRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Runs {@code work}; {@code done} is told its result. */
    <T> TaskHandle run(String title, BackgroundTask.Work<T> work, Consumer<? super T> done) {
        return run(title, work, done, null, null, null);
    }

    /**
     * Runs {@code work}, cancelling the job in flight. On the owner's thread, and only while it is the newest job:
     * {@code done} is told the result, {@code failed} (may be null) the one-line message of a failure,
     * {@code cancelled} (may be null) that it stopped early, and {@code eachProgress} (may be null) is run after
     * every progress report drawn (a job that fills a picture row by row hands its rows over there).
     */
    <T> TaskHandle run(String title, BackgroundTask.Work<T> work, Consumer<? super T> done, Consumer<String> failed,
                       Runnable cancelled, Runnable eachProgress) {
        running.cancel();
        long mine = ++generation;
        busy.set(true);
        progress.set(UNKNOWN);
        lastMessage = null;
        BackgroundTask<T> task = BackgroundTask.of(title, work)
                .onProgress((fraction, text) -> {
                    if (mine != generation) {
                        return;
                    }
                    progress.set(fraction);
                    if (text != null) {
                        message.set(text);
                        lastMessage = text;
                    }
                    if (eachProgress != null) {
                        eachProgress.run();
                    }
                })
                .onSuccess(value -> {
                    if (mine != generation) {
                        return;
                    }
                    // say when the result was read back from the checkpoint's analysis folder rather than computed
                    String last = lastMessage;
                    finish(1, last != null && last.startsWith(GeometryJobs.CACHE_HIT) ? last : "done");
                    done.accept(value);
                })
                .onFailure(text -> {
                    if (mine != generation) {
                        return;
                    }
                    finish(0, text);
                    if (failed != null) {
                        failed.accept(text);
                    }
                })
                .onCancelled(() -> {
                    if (mine != generation) {
                        return;
                    }
                    finish(0, "cancelled");
                    if (cancelled != null) {
                        cancelled.run();
                    }
                });
        TaskHandle handle = runner.submit(task);
        if (mine == generation) {
            running = handle;
        }
        return handle;
    }

    private void finish(double at, String text) {
        busy.set(false);
        progress.set(at);
        message.set(text);
    }

    /** Asks the job in flight to stop; its section is told "cancelled". */
    void cancel() {
        running.cancel();
    }

    /** Says something in the message (a refused input, a file saved). */
    void say(String text) {
        message.set(text);
    }

    /** Whether a job of this section is in flight. */
    boolean isBusy() {
        return busy.get();
    }

    /** The runner, for jobs that are not the section's main computation (a decode while a slider moves). */
    TaskRunner runner() {
        return runner;
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
