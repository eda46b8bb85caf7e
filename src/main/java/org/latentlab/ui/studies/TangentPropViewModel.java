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
import org.latentlab.experiment.tangentprop.TangentPropComparison;
import org.latentlab.experiment.tangentprop.TangentPropOptions;
import org.latentlab.experiment.tangentprop.TangentPropResult;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The Tangent Prop study's state: the comparison's size (quick or full), whether it runs, its progress and one-line
 * status, and its result. The comparison runs on the runner it is given; results arrive as immutable records.
 */
public final class TangentPropViewModel {

    /** How much of the comparison to run. */
    public enum Size {
        QUICK("quick: 300 images, 1 seed, 600 iterations", 300, 1, 600),
        FULL("full: 300 images, 3 seeds, 1,500 iterations", 300, 3, 1500);

        private final String label;
        private final int images;
        private final int seeds;
        private final long iterations;

        Size(String label, int images, int seeds, long iterations) {
            this.label = label;
            this.images = images;
            this.seeds = seeds;
            this.iterations = iterations;
        }

        /** The options of this size for λ. */
        public TangentPropOptions options(double lambda) {
            return new TangentPropOptions(images, 1000, iterations, 50, seeds, lambda, 4, 8);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The preset the study trains. */
    public static final String PRESET = "mnist-tangent-prop";

    private final TaskRunner runner;
    private final Path baseDir;
    private final ObjectProperty<Size> size = new SimpleObjectProperty<>(Size.QUICK);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty(
            "Run compares the same MLP trained plain and with Tangent Prop along two kinds of tangents.");
    private final ObjectProperty<TangentPropResult> result = new SimpleObjectProperty<>();
    private TaskHandle handle = TaskHandle.NONE;

    public TangentPropViewModel(TaskRunner runner, Path baseDir) {
        this.runner = runner;
        this.baseDir = baseDir;
    }

    /** Starts the comparison at the chosen size (nothing when one runs). */
    public void run() {
        if (running.get()) {
            return;
        }
        ClassifierSpec spec = Presets.loadClassifier(PRESET);
        TangentPropOptions o = size.get().options(spec.training().tangentProp().lambda());
        running.set(true);
        progress.set(0);
        status.set("starting…");
        handle = runner.submit(BackgroundTask.of("Tangent Prop comparison",
                        m -> TangentPropComparison.run(spec, o, baseDir, m))
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
                    status.set(String.format(Locale.ROOT, "done in %.0f s: %d training images, λ = %s, %d seed%s",
                            r.seconds(), o.trainingSize(), o.lambda(), o.seeds(), o.seeds() == 1 ? "" : "s"));
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

    public ObjectProperty<TangentPropResult> result() {
        return result;
    }
}
