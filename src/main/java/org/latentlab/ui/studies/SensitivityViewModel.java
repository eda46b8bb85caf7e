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
import org.latentlab.experiment.sensitivity.SensitivityExperiment;
import org.latentlab.experiment.sensitivity.SensitivityFiles;
import org.latentlab.experiment.sensitivity.SensitivityOptions;
import org.latentlab.experiment.sensitivity.SensitivityResult;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sensitivity lecture's state: which set of runs, whether it runs, progress and status, and the points so far.
 * The experiment runs on the runner it is given; each finished run's result reaches the owner's thread with the next
 * progress report (kept in an atomic reference until then).
 */
public final class SensitivityViewModel {

    /** Which runs to make. */
    public enum Grid {
        QUICK("quick: 250 and 1,000 images × 0, ½, 1 of labels shuffled, 1,000 iterations",
                new int[] {250, 1000}, new double[] {0, 0.5, 1}, 1000),
        FULL("full: 250 and 1,000 images × 0, ¼, ½, ¾, 1 shuffled, 1,500 iterations",
                new int[] {250, 1000}, new double[] {0, 0.25, 0.5, 0.75, 1}, 1500);

        private final String label;
        private final int[] sizes;
        private final double[] fractions;
        private final long iterations;

        Grid(String label, int[] sizes, double[] fractions, long iterations) {
            this.label = label;
            this.sizes = sizes;
            this.fractions = fractions;
            this.iterations = iterations;
        }

        /** The options of this grid. */
        public SensitivityOptions options() {
            return new SensitivityOptions(sizes, fractions, iterations, 1000, 200);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TaskRunner runner;
    private final Path baseDir;
    private final ObjectProperty<Grid> grid = new SimpleObjectProperty<>(Grid.QUICK);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty(
            "Run trains one MLP per training size and label-noise fraction, then measures each.");
    private final ObjectProperty<SensitivityResult> result = new SimpleObjectProperty<>();
    private final AtomicReference<SensitivityResult> latest = new AtomicReference<>();
    private TaskHandle handle = TaskHandle.NONE;

    public SensitivityViewModel(TaskRunner runner, Path baseDir) {
        this.runner = runner;
        this.baseDir = baseDir;
    }

    /** Starts the runs (nothing when they run). */
    public void run() {
        if (running.get()) {
            return;
        }
        ClassifierSpec spec = Presets.loadClassifier(RandomLabelsViewModel.PRESET);
        SensitivityOptions o = grid.get().options();
        running.set(true);
        progress.set(0);
        result.set(null);
        latest.set(null);
        status.set("starting…");
        handle = runner.submit(BackgroundTask.of("sensitivity and generalisation",
                        m -> SensitivityExperiment.run(spec, o, baseDir, m, latest::set))
                .onProgress((f, message) -> {
                    progress.set(f);
                    if (message != null) {
                        status.set(message);
                    }
                    SensitivityResult r = latest.getAndSet(null);
                    if (r != null) {
                        result.set(r);
                    }
                })
                .onSuccess(r -> {
                    running.set(false);
                    progress.set(1);
                    latest.set(null);
                    result.set(r);
                    status.set(String.format(Locale.ROOT, "done in %.0f s: %s", r.seconds(),
                            SensitivityFiles.correlations(r)));
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

    /** Asks the runs to stop. */
    public void stop() {
        handle.cancel();
    }

    public ObjectProperty<Grid> grid() {
        return grid;
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

    /** The points so far (null before the first run ends). */
    public ObjectProperty<SensitivityResult> result() {
        return result;
    }
}
