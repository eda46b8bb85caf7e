package org.latentlab.ui.reconstruction;

import org.latentlab.train.Metric;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jfree.data.xy.XYSeries;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.Experiment;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.RunControls;
import org.latentlab.ui.common.RunLoader;
import org.latentlab.ui.settings.BenchSettings;
import org.latentlab.ui.settings.SettingsPanelModel;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.latentlab.ui.common.EarlierCurves;
import org.latentlab.ui.common.ExperimentSource;
import org.latentlab.experiment.RecordedCurves;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state behind the autoencoder / VAE / RBM bench: the current session, the curves built from its statuses,
 * the latest picture, and the runs kept for comparison. Statuses arrive on the training thread and are queued;
 * {@link #pump()} (called every frame on the FX thread; tests call it themselves) applies them. Loading and closing
 * runs are jobs for the {@link TaskRunner} it is given; a failure of either becomes the message and the error.
 */
public final class ReconstructionBenchViewModel {

    /**
     * A finished (or paused) run kept for the comparison tab: its held-out curve, what that curve measures (runs are
     * only overlaid with runs of the same measure) and its last reconstructions.
     */
    public record ComparedRun(String name, String settings, HeldOutMeasure measure, XYSeries curve, ReconstructionView view) {
    }

    private final ExperimentRunner.Options options;
    /** The run on the bench; loading and closing runs are jobs for the task runner. */
    private final RunLoader<ExperimentRunner.Session<Trainer, ReconstructionStatus>> runs;
    private final RunControls controls = new RunControls();
    private final ReadOnlyBooleanWrapper canKeep = new ReadOnlyBooleanWrapper(false);
    private final ConcurrentLinkedQueue<ReconstructionStatus> incoming = new ConcurrentLinkedQueue<>();
    private final Consumer<ReconstructionStatus> listener = incoming::add;
    private final Map<String, XYSeries> losses = new LinkedHashMap<>();
    private final Map<String, XYSeries> heldOut = new LinkedHashMap<>();
    private final List<ComparedRun> compared = new ArrayList<>();
    private final StringProperty state = new SimpleStringProperty("loading");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty numbers = new SimpleStringProperty("");
    /** The run's state; null while nothing is loaded (or while loading). Buttons are enabled from it. */
    private final ObjectProperty<RunState> runState = new SimpleObjectProperty<>();
    /** The name of the experiment on the bench (a preset, a file's experiment, a builder design). */
    private final StringProperty experimentName = new SimpleStringProperty();
    /** Set when something failed that deserves a dialog; the view clears it after showing. */
    private final StringProperty error = new SimpleStringProperty();
    private ReconstructionStatus last;
    private ReconstructionView view;
    private boolean viewChanged;
    private boolean seriesChanged;
    private boolean startWhenReady;
    private boolean fellBack;
    /** Every setting of the experiment, generated from its records (ui.settings). */
    private final BenchSettings panel;
    /** A reopened run's recorded curves, drawn before its first status. */
    private final EarlierCurves earlier = new EarlierCurves();

    /** Where the experiment on the bench came from, and where the one loading comes from. */
    private ExperimentSource source = ExperimentSource.made();
    private ExperimentSource pendingSource = ExperimentSource.made();

    /**
     * @param options where runs are stored and how often statuses and pictures come
     * @param runner  runs loading and closing off the FX thread and tells their outcome on it
     */
    public ReconstructionBenchViewModel(ExperimentRunner.Options options, TaskRunner runner) {
        this.options = options;
        this.runs = new RunLoader<>(runner, s -> s.run().unsubscribe(listener), message::set);
        this.panel = new BenchSettings(runs::current, this::loadEdited);
    }

    public void loadPreset(String name) {
        pendingSource = ExperimentSource.preset(name);
        load(name, () -> Presets.loadModel(name));
    }

    public void openFile(Path file) {
        pendingSource = ExperimentSource.file(file);
        load(String.valueOf(file.getFileName()), () -> ExperimentFiles.readModel(file));
    }

    /** Loads an experiment made elsewhere (the network builder's Train). */
    public void loadSpec(Experiment<ReconstructionStatus> spec) {
        pendingSource = ExperimentSource.made();
        load(spec.name(), () -> spec);
    }

    /** Loads the experiment the settings panel made from the one on the bench (any family of this bench). */
    @SuppressWarnings("unchecked")
    private void loadEdited(Experiment<?> spec) {
        pendingSource = ExperimentSource.made();
        load(spec.name(), () -> (Experiment<ReconstructionStatus>) spec);
    }

    /** Reopens the run in {@code runDir} at its newest checkpoint, paused, with the settings it had then. */
    public void openRun(Path runDir) {
        pendingSource = ExperimentSource.run(runDir);
        state.set("loading");
        showRunState(null);
        runs.load(String.valueOf(runDir.getFileName()), () -> ExperimentRunner.resumeReconstruction(runDir, options),
                s -> {
                    install(s);
                    message.set(s.resumeNote() != null ? s.resumeNote() : "reopened " + runDir.getFileName());
                }, this::loadFailed);
    }

    /** Where the experiment came from, for a session; a run is checkpointed first, to reopen where it is now. */
    public CompletableFuture<ExperimentSource> sessionSource() {
        ExperimentRunner.Session<Trainer, ReconstructionStatus> s = runs.current();
        ExperimentSource src = source;
        if (s == null) {
            return CompletableFuture.completedFuture(src);
        }
        return s.checkpointNow().thenApply(dir -> dir == null ? src : src.withRun(dir));
    }

    /** The experiment on the bench (an autoencoder, VAE, RBM or sigmoid belief net), or null before one has loaded. */
    public Experiment<ReconstructionStatus> spec() {
        ExperimentRunner.Session<Trainer, ReconstructionStatus> s = runs.current();
        return s == null ? null : s.spec();
    }

    /** Starts training as soon as the next run is ready (window option --start). */
    public void startWhenReady() {
        startWhenReady = true;
    }

    // ---- loading and closing (the one place that starts a run of this bench) ----

    /** The one place that starts a run of this bench. */
    private void load(String what, Supplier<? extends Experiment<ReconstructionStatus>> spec) {
        state.set("loading");
        showRunState(null);
        runs.load(what, () -> ExperimentRunner.startModel(spec.get(), options), this::install, this::loadFailed);
    }

    private void loadFailed(String msg) {
        if (runs.current() == null) {
            state.set("no experiment");
        } else {
            // the old run goes on: show its state again
            RunState st = last == null ? RunState.READY : last.progress().state();
            state.set(st.name().toLowerCase(Locale.ROOT));
            showRunState(st);
        }
        message.set(msg);
        error.set(msg);
        if (runs.current() == null && !fellBack) {
            // nothing loaded yet (a bad file on the command line): open the first preset instead
            fellBack = true;
            loadPreset(Presets.reconstructions().get(0));
        }
    }

    private void install(ExperimentRunner.Session<Trainer, ReconstructionStatus> next) {
        source = pendingSource;
        losses.clear();
        heldOut.clear();
        incoming.clear();
        view = null;
        last = null;
        seriesChanged = true;
        viewChanged = true;
        earlier.expect(next.recordedCurves());
        description.set(next.spec().name() + ": " + next.spec().description());
        experimentName.set(next.spec().name());
        panel.show(next.spec());
        next.run().subscribe(listener);
    }

    /** The current run's folder, or null before its first write. */
    public Path runDir() {
        ExperimentRunner.Session<Trainer, ReconstructionStatus> s = runs.current();
        return s == null ? null : s.runDir();
    }

    /** Stops the run and waits for it, and for replaced runs still stopping, to finish (the window closing). */
    public void close() {
        runs.close();
    }

    private void showRunState(RunState st) {
        runState.set(st);
        controls.show(st);
        canKeep.set(st != null && st != RunState.STARTING && st != RunState.READY);
        panel.follow(st, last != null && last.progress().iteration() > 0);
    }

    // ---- statuses (training thread -> queue; FX thread drains) ----

    /** Applies queued statuses; true when something changed. Called every frame. */
    public boolean pump() {
        ReconstructionStatus s;
        boolean any = drawEarlierCurves();
        while ((s = incoming.poll()) != null) {
            apply(s);
            any = true;
        }
        panel.pump();
        return any;
    }

    /**
     * A reopened run's curves as its metrics rows recorded them (one every sample interval), drawn before its first
     * status so that the live points continue them; true when there were some.
     */
    private boolean drawEarlierCurves() {
        RecordedCurves r = earlier.take();
        if (r == null) {
            return false;
        }
        r.losses().forEach((part, curve) -> {
            XYSeries series = losses.computeIfAbsent(part, ReconstructionBenchViewModel::newSeries);
            for (int i = 0; i < curve.size(); i++) {
                if (curve.x(i) > 0) {
                    series.addOrUpdate(curve.x(i), curve.y(i));
                }
            }
        });
        r.measured().forEach((m, curve) -> {
            if (m != Metric.MEAN_CODE_ACTIVATION) {
                XYSeries series = heldOut.computeIfAbsent(m.label(), ReconstructionBenchViewModel::newSeries);
                for (int i = 0; i < curve.size(); i++) {
                    series.addOrUpdate(curve.x(i), curve.y(i));
                }
            }
        });
        seriesChanged = true;
        return true;
    }

    private void apply(ReconstructionStatus s) {
        TrainingRun.Progress p = s.progress();
        last = s;
        long it = p.iteration();
        if (p.state() == RunState.RUNNING || p.state() == RunState.PAUSED || p.state() == RunState.FINISHED) {
            s.losses().forEach((k, v) -> {
                if (Double.isFinite(v) && it > 0) {
                    XYSeries series = losses.computeIfAbsent(k, key -> newSeries(key));
                    if (series.getItemCount() == 0 || series.getMaxX() < it) {
                        series.add(it, v);
                        seriesChanged = true;
                    }
                }
            });
        }
        if (s.evaluation() != null) {
            s.evaluation().values().forEach((m, v) -> {
                // the chart shows losses on one scale; the code activity has its own histogram
                if (Double.isFinite(v) && m != Metric.MEAN_CODE_ACTIVATION) {
                    XYSeries series = heldOut.computeIfAbsent(m.label(), key -> newSeries(key));
                    series.addOrUpdate((double) s.evaluation().iteration(), v.doubleValue());
                    seriesChanged = true;
                }
            });
        }
        if (s.view() != null) {
            view = s.view();
            viewChanged = true;
        }
        state.set(p.state().name().toLowerCase(Locale.ROOT));
        showRunState(p.state());
        message.set(p.message());
        numbers.set(describe(s));
        if (p.state() == RunState.READY && startWhenReady) {
            startWhenReady = false;
            start();
        }
    }

    /** "it 1,200 / 5,000   phase   312 it/s"; the rate is "– it/s" until one is measured. */
    public static String describe(ReconstructionStatus s) {
        TrainingRun.Progress p = s.progress();
        String rate = Double.isFinite(p.itersPerSecond()) ? String.format(Locale.ROOT, "%.0f it/s",
                p.itersPerSecond()) : "– it/s";
        String phase = s.phase() == null || s.phase().isEmpty() ? "" : "   " + s.phase();
        return String.format(Locale.ROOT, "it %,d / %,d%s   %s", p.iteration(), p.maxIterations(), phase, rate);
    }

    /**
     * Null when replacing the experiment loses nothing; else what would be lost ("1,200 iterations, running").
     * Running, or paused after at least one iteration, counts as progress.
     */
    public String progressAtRisk() {
        if (runs.current() == null || last == null) {
            return null;
        }
        RunState st = last.progress().state();
        long it = last.progress().iteration();
        if (st == RunState.RUNNING || st == RunState.PAUSED && it > 0) {
            return String.format(Locale.ROOT, "%,d iterations, %s", it, st == RunState.RUNNING ? "running" : "paused");
        }
        return null;
    }

    private static XYSeries newSeries(String key) {
        XYSeries series = new XYSeries(key, true, false);
        series.setMaximumItemCount(4000);
        return series;
    }

    public void start() {
        withRun(TrainingRun::start);
    }

    public void pause() {
        withRun(TrainingRun::pause);
    }

    public void step() {
        withRun(TrainingRun::step);
    }

    public void reset() {
        earlier.forget();
        losses.clear();
        heldOut.clear();
        seriesChanged = true;
        withRun(TrainingRun::reset);
    }

    private void withRun(Consumer<TrainingRun<org.latentlab.train.Trainer, ReconstructionStatus>> action) {
        ExperimentRunner.Session<Trainer, ReconstructionStatus> s = runs.current();
        if (s != null) {
            action.accept(s.run());
        }
    }

    /**
     * Keeps the current run for the comparison tab: its held-out reconstruction (or negative ELBO) curve and its
     * latest reconstructions. Returns a message.
     */
    public String keepForComparison() {
        ExperimentRunner.Session<Trainer, ReconstructionStatus> session = runs.current();
        if (session == null || view == null) {
            return "nothing to compare yet: train a run first";
        }
        HeldOutMeasure measure = HeldOutMeasure.of(session.spec());
        String key = measure.key();
        if (!heldOut.containsKey(key) || heldOut.get(key).getItemCount() == 0) {
            return "no held-out measurement yet: train past the first sample interval";
        }
        XYSeries copy;
        try {
            copy = heldOut.get(key).createCopy(0, heldOut.get(key).getItemCount() - 1);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        String name = session.spec().name() + " (" + (compared.size() + 1) + ")";
        copy.setKey(name);
        compared.add(new ComparedRun(name, last == null ? "" : last.settings(), measure, copy, view));
        return "kept " + name + " for comparison (" + measure.axisLabel() + ")";
    }

    public List<ComparedRun> compared() {
        return List.copyOf(compared);
    }

    public void clearComparison() {
        compared.clear();
    }

    /** True once since the last call when the curves changed. */
    public boolean takeSeriesChanged() {
        boolean c = seriesChanged;
        seriesChanged = false;
        return c;
    }

    /** True once since the last call when a new picture arrived. */
    public boolean takeViewChanged() {
        boolean c = viewChanged;
        viewChanged = false;
        return c;
    }

    public Map<String, XYSeries> losses() {
        return losses;
    }

    public Map<String, XYSeries> heldOut() {
        return heldOut;
    }

    public ReconstructionView view() {
        return view;
    }

    public ReconstructionStatus last() {
        return last;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyStringProperty numbersProperty() {
        return numbers;
    }

    public ReadOnlyObjectProperty<RunState> runStateProperty() {
        return runState;
    }

    public ReadOnlyStringProperty experimentNameProperty() {
        return experimentName;
    }

    /** Every setting of the experiment: all before the run, the live-safe ones while paused. */
    public SettingsPanelModel settingsPanel() {
        return panel.model();
    }

    /** Which run controls are offered now. */
    public RunControls controls() {
        return controls;
    }

    /** Keep for comparison: once the run has trained (running, paused, finished). */
    public ReadOnlyBooleanProperty canKeepProperty() {
        return canKeep.getReadOnlyProperty();
    }

    /** Set when a load failed; the view shows it in a dialog and clears it. */
    public StringProperty errorProperty() {
        return error;
    }
}
