package org.latentlab.ui.studies;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.LabException;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.relu.DeepVsShallow;
import org.latentlab.experiment.relu.PieceSweep;
import org.latentlab.experiment.relu.ReluFitRun;
import org.latentlab.experiment.relu.ReluFitSpec;
import org.latentlab.experiment.relu.ReluFitStatus;
import org.latentlab.experiment.relu.ReluPresets;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ReLU lecture's state: the fit's form (preset, function, depth, width, steps), whether a job runs, its
 * progress and one-line status, the latest fit status (kept in an {@link AtomicReference} by the training thread
 * and taken by {@link #drain()} once per frame, so a fast fit never floods the FX thread), and the two sweeps'
 * results. Jobs run on the runner it is given, one at a time.
 */
public final class ReluLectureViewModel {

    /** Sweep sizes the window runs (the CLI's defaults are larger). */
    static final int SWEEP_BUDGET = 200;
    static final int SWEEP_DEPTH = 6;
    static final int SWEEP_SEEDS = 3;
    static final int SWEEP_STEPS = 1500;

    private final TaskRunner runner;
    private final StringProperty preset = new SimpleStringProperty(ReluPresets.NAMES.get(0));
    private final StringProperty function = new SimpleStringProperty();
    private final IntegerProperty depth = new SimpleIntegerProperty();
    private final IntegerProperty width = new SimpleIntegerProperty();
    private final IntegerProperty iterations = new SimpleIntegerProperty();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Start trains the net on the target; Stop"
            + " keeps the fit as it is.");
    private final ObjectProperty<ReluFitStatus> fit = new SimpleObjectProperty<>();
    private final ObjectProperty<PieceSweep> sweep = new SimpleObjectProperty<>();
    private final ObjectProperty<DeepVsShallow> deepVsShallow = new SimpleObjectProperty<>();
    private final AtomicReference<ReluFitStatus> pending = new AtomicReference<>();
    private TaskHandle handle = TaskHandle.NONE;

    public ReluLectureViewModel(TaskRunner runner) {
        this.runner = runner;
        load(preset.get());
        preset.addListener((o, old, name) -> {
            if (name != null) {
                load(name);
            }
        });
    }

    private void load(String name) {
        ReluFitSpec spec = ReluPresets.load(name);
        function.set(spec.function());
        depth.set(spec.depth());
        width.set(spec.width());
        iterations.set(spec.iterations());
    }

    /** The fit the form describes, or a {@link LabException} saying what is wrong with it. */
    ReluFitSpec spec() {
        ReluFitSpec base = ReluPresets.load(preset.get());
        try {
            return base.withFunction(function.get()).withNet(depth.get(), width.get())
                    .withIterations(iterations.get());
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage(), e);
        }
    }

    /** Starts training the fit the form describes (nothing while a job runs). */
    public void start() {
        if (running.get()) {
            return;
        }
        ReluFitSpec spec;
        try {
            spec = spec();
        } catch (LabException e) {
            status.set(e.getMessage());
            return;
        }
        begin("training " + spec);
        handle = runner.submit(BackgroundTask.of("ReLU fit", m -> ReluFitRun.run(spec, m, pending::set, 80))
                .onProgress(this::progress)
                .onSuccess(s -> {
                    pending.set(s);
                    drain();
                    finish(String.format(Locale.ROOT, "done: %d %s, loss %.2e after %,d steps (%.1f s)",
                            s.count(), spec.inputs() == 1 ? "linear pieces" : "linear regions", s.loss(),
                            s.iteration(), s.seconds()));
                })
                .onFailure(message -> {
                    drain();
                    finish("failed: " + message);
                })
                .onCancelled(() -> {
                    drain();
                    finish("stopped");
                }));
    }

    /** Counts pieces against depth at equal parameter count. */
    public void runSweep() {
        if (running.get()) {
            return;
        }
        begin("counting pieces against depth");
        handle = runner.submit(BackgroundTask.of("pieces against depth", m -> PieceSweep.run(SWEEP_BUDGET,
                        SWEEP_DEPTH, "sin(4*pi*x)", SWEEP_STEPS, SWEEP_SEEDS, m))
                .onProgress(this::progress)
                .onSuccess(s -> {
                    sweep.set(s);
                    finish("pieces against depth: done");
                })
                .onFailure(message -> finish("failed: " + message))
                .onCancelled(() -> finish("stopped")));
    }

    /** Deep against shallow for x². */
    public void runDeepVsShallow() {
        if (running.get()) {
            return;
        }
        begin("deep against shallow for x²");
        handle = runner.submit(BackgroundTask.of("deep against shallow", m -> DeepVsShallow.run(8, 6, 4, 2, 3000, m))
                .onProgress(this::progress)
                .onSuccess(d -> {
                    deepVsShallow.set(d);
                    finish("deep against shallow: done");
                })
                .onFailure(message -> finish("failed: " + message))
                .onCancelled(() -> finish("stopped")));
    }

    /** Asks the running job to stop. */
    public void stop() {
        handle.cancel();
    }

    /** Shows the latest status the training thread left, if it is new (called once per frame). */
    public void drain() {
        ReluFitStatus s = pending.getAndSet(null);
        if (s != null) {
            fit.set(s);
        }
    }

    private void begin(String message) {
        running.set(true);
        progress.set(0);
        status.set(message + "…");
    }

    private void progress(double f, String message) {
        progress.set(f);
        if (message != null) {
            status.set(message);
        }
    }

    private void finish(String message) {
        running.set(false);
        status.set(message);
    }

    public StringProperty preset() {
        return preset;
    }

    public StringProperty function() {
        return function;
    }

    public IntegerProperty depth() {
        return depth;
    }

    public IntegerProperty width() {
        return width;
    }

    public IntegerProperty iterations() {
        return iterations;
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

    public ObjectProperty<ReluFitStatus> fit() {
        return fit;
    }

    public ObjectProperty<PieceSweep> sweep() {
        return sweep;
    }

    public ObjectProperty<DeepVsShallow> deepVsShallow() {
        return deepVsShallow;
    }
}
