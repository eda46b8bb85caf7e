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
import org.latentlab.experiment.randomlabels.RandomLabelsExperiment;
import org.latentlab.experiment.randomlabels.RandomLabelsOptions;
import org.latentlab.experiment.randomlabels.RandomLabelsResult;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The random-labels lecture's state: the experiment's length, the fraction p of the partly shuffled run, whether a
 * run on Gaussian inputs is added, whether it runs, its progress and status, and its result so far. The experiment
 * runs on the runner it is given; the result it publishes after every point is kept in an atomic reference and
 * taken on the owner's thread with the next progress report, so a fast run cannot flood the window.
 */
public final class RandomLabelsViewModel {

    /** How long each run trains. */
    public enum Length {
        QUICK("quick: 1,000 iterations per run", 1000, 50),
        FULL("full: 2,500 iterations per run", 2500, 100);

        private final String label;
        private final long iterations;
        private final int every;

        Length(String label, long iterations, int every) {
            this.label = label;
            this.iterations = iterations;
            this.every = every;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The preset the lecture trains. */
    public static final String PRESET = "mnist-random-labels";
    /** Training images, small enough to memorise. */
    public static final int TRAINING = 1000;
    /** The fractions offered for the partly shuffled run. */
    public static final Double[] FRACTIONS = {0.2, 0.5, 0.8};

    private final TaskRunner runner;
    private final Path baseDir;
    private final ObjectProperty<Length> length = new SimpleObjectProperty<>(Length.QUICK);
    private final ObjectProperty<Double> fraction = new SimpleObjectProperty<>(0.5);
    private final BooleanProperty gaussian = new SimpleBooleanProperty(true);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty(
            "Run trains the same MLP on true labels, partly and fully shuffled labels, and Gaussian inputs.");
    private final ObjectProperty<RandomLabelsResult> result = new SimpleObjectProperty<>();
    private final AtomicReference<RandomLabelsResult> latest = new AtomicReference<>();
    private TaskHandle handle = TaskHandle.NONE;

    public RandomLabelsViewModel(TaskRunner runner, Path baseDir) {
        this.runner = runner;
        this.baseDir = baseDir;
    }

    /** The options the controls ask for. */
    public RandomLabelsOptions options() {
        Length l = length.get();
        return new RandomLabelsOptions(TRAINING, 1000, l.iterations, l.every, fraction.get(), gaussian.get());
    }

    /** Starts the experiment (nothing when one runs). */
    public void run() {
        if (running.get()) {
            return;
        }
        ClassifierSpec spec = Presets.loadClassifier(PRESET);
        RandomLabelsOptions o = options();
        running.set(true);
        progress.set(0);
        result.set(null);
        latest.set(null);
        status.set("starting…");
        handle = runner.submit(BackgroundTask.of("random labels",
                        m -> RandomLabelsExperiment.run(spec, o, baseDir, m, latest::set))
                .onProgress((f, message) -> {
                    progress.set(f);
                    if (message != null) {
                        status.set(message);
                    }
                    RandomLabelsResult r = latest.getAndSet(null);
                    if (r != null) {
                        result.set(r);
                    }
                })
                .onSuccess(r -> {
                    running.set(false);
                    progress.set(1);
                    latest.set(null);
                    result.set(r);
                    status.set(String.format(Locale.ROOT, "done in %.0f s: %d runs of %,d iterations on %,d images",
                            r.seconds(), r.runs().size(), o.iterations(), o.trainingSize()));
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

    /** Asks a running experiment to stop. */
    public void stop() {
        handle.cancel();
    }

    public ObjectProperty<Length> length() {
        return length;
    }

    public ObjectProperty<Double> fraction() {
        return fraction;
    }

    public BooleanProperty gaussian() {
        return gaussian;
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

    /** The result so far (null before the first point). */
    public ObjectProperty<RandomLabelsResult> result() {
        return result;
    }
}
