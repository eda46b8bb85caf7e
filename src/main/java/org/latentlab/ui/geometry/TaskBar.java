package org.latentlab.ui.geometry;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.geometry.GeometryJobs;

import java.util.function.Consumer;

/**
 * A panel's progress bar, message and Cancel button, and the one computation it runs at a time on the bench's
 * worker: starting a new one cancels the one in flight, and only the newest result is handed to the screen (an
 * older task that finishes late is dropped). Results and errors arrive on the FX thread.
 */
final class TaskBar extends HBox {

    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final Button cancel = new Button("Cancel");
    private MonitoredTask<?> running;
    private long generation;

    /** @param idPrefix prefix of the node ids, e.g. {@code surface} gives {@code surface-progress} */
    TaskBar(String idPrefix) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        progress.setPrefWidth(200);
        progress.setId(idPrefix + "-progress");
        message.setId(idPrefix + "-message");
        message.setMinWidth(120);
        cancel.setId(idPrefix + "-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        getChildren().addAll(progress, cancel, message);
    }

    /** Whether a computation is in flight. */
    boolean busy() {
        return running != null && running.isRunning();
    }

    /** Says something in the message field (when no task holds it). */
    void say(String text) {
        if (!message.textProperty().isBound()) {
            message.setText(text);
        }
    }

    ProgressBar progressBar() {
        return progress;
    }

    Label messageLabel() {
        return message;
    }

    /**
     * Runs {@code work} on the worker, cancelling what runs now; {@code done} gets the result on the FX thread,
     * {@code failed} (may be null) the error message, {@code cancelled} (may be null) is told when it stopped early.
     */
    <T> MonitoredTask<T> run(MonitoredTask.Work<T> work, Consumer<T> done, Consumer<String> failed,
                             Runnable cancelled) {
        if (running != null && running.isRunning()) {
            running.cancel();
        }
        long mine = ++generation;
        MonitoredTask<T> task = new MonitoredTask<>(work);
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        message.textProperty().bind(task.messageProperty());
        cancel.setDisable(false);
        Runnable unbind = () -> {
            progress.progressProperty().unbind();
            message.textProperty().unbind();
            cancel.setDisable(true);
        };
        task.setOnSucceeded(e -> {
            if (mine != generation) {
                return;
            }
            String last = task.getMessage();
            unbind.run();
            progress.setProgress(1);
            // say when the result was read back from the checkpoint's analysis folder rather than computed
            message.setText(last != null && last.startsWith(GeometryJobs.CACHE_HIT) ? last : "done");
            try {
                done.accept(task.getValue());
            } catch (RuntimeException ex) {
                message.setText(String.valueOf(ex.getMessage()));
                if (failed != null) {
                    failed.accept(String.valueOf(ex.getMessage()));
                }
            }
        });
        task.setOnFailed(e -> {
            if (mine != generation) {
                return;
            }
            unbind.run();
            progress.setProgress(0);
            Throwable t = task.getException();
            if (t instanceof Monitor.Cancelled) {
                message.setText("cancelled");
                if (cancelled != null) {
                    cancelled.run();
                }
                return;
            }
            String text = t == null ? "failed" : t.getMessage() != null ? t.getMessage() : t.toString();
            message.setText(text);
            if (failed != null) {
                failed.accept(text);
            }
        });
        task.setOnCancelled(e -> {
            if (mine != generation) {
                return;
            }
            unbind.run();
            progress.setProgress(0);
            message.setText("cancelled");
            if (cancelled != null) {
                cancelled.run();
            }
        });
        return task.submit();
    }

    <T> MonitoredTask<T> run(MonitoredTask.Work<T> work, Consumer<T> done) {
        return run(work, done, null, null);
    }
}
