package org.latentlab.ui.studies;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.sharpflat.SharpFlatOptions;
import org.latentlab.experiment.sharpflat.SharpFlatResult;
import org.latentlab.experiment.sharpflat.SharpFlatStudy;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The sharp/flat lecture's state: the comparison's size (quick or the lecture's), whether it runs, its progress and
 * one-line status, and its result. The comparison runs on the runner it is given; results arrive as immutable records.
 */
public final class SharpFlatViewModel {

    /** How much of the comparison to run. */
    public enum Size {
        QUICK("quick: 1,000 images, batches 32 / 500, 1 seed", SharpFlatOptions.quick()),
        LECTURE("lecture: 2,000 images, batches 32 / 1,000, 3 seeds", SharpFlatOptions.lecture());

        private final String label;
        private final SharpFlatOptions options;

        Size(String label, SharpFlatOptions options) {
            this.label = label;
            this.options = options;
        }

        public SharpFlatOptions options() {
            return options;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The preset the lecture trains. */
    public static final String PRESET = "mnist-sharp-flat";

    private final TaskRunner runner;
    private final Path baseDir;
    private final ObjectProperty<Size> size = new SimpleObjectProperty<>(Size.QUICK);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty(
            "Run trains the same MLP with a small and a large batch and measures both minima.");
    private final ObjectProperty<SharpFlatResult> result = new SimpleObjectProperty<>();
    private TaskHandle handle = TaskHandle.NONE;

    public SharpFlatViewModel(TaskRunner runner, Path baseDir) {
        this.runner = runner;
        this.baseDir = baseDir;
    }

    /** Starts the comparison at the chosen size (nothing when one runs). */
    public void run() {
        run(Presets.loadClassifier(PRESET), size.get().options());
    }

    /** Starts a comparison of {@code spec} with the given options (nothing when one runs). */
    void run(ClassifierSpec spec, SharpFlatOptions o) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(0);
        status.set("starting…");
        handle = runner.submit(BackgroundTask.of("sharp and flat minima", m -> SharpFlatStudy.run(spec, o, baseDir, m))
                .onProgress((f, message) -> {
                    progress.set(f);
                    if (message != null) {
                        status.set(message);
                    }
                })
                .onSuccess(r -> {
                    running.set(false);
                    progress.set(1);
                    result.set(r);
                    status.set(String.format(Locale.ROOT, "done in %.0f s: %s", r.seconds(), o));
                })
                .onFailure(message -> {
                    running.set(false);
                    status.set("failed: " + message);
                })
                .onCancelled(() -> {
                    running.set(false);
                    status.set("stopped");
                }));
    }

    /** Asks a running comparison to stop. */
    public void stop() {
        handle.cancel();
    }

    public ObjectProperty<Size> size() {
        return size;
    }

    public BooleanProperty running() {
        return running;
    }

    public DoubleProperty progress() {
        return progress;
    }

    public StringProperty status() {
        return status;
    }

    public ObjectProperty<SharpFlatResult> result() {
        return result;
    }
}
