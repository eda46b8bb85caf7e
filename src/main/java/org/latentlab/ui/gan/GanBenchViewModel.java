package org.latentlab.ui.gan;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.LabException;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.GanRunRecorder;
import org.latentlab.ui.common.ExperimentSource;
import org.latentlab.experiment.evaluate.LiveSamples;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.GanView;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.GanStatus;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.RunControls;
import org.latentlab.ui.common.RunLoader;
import org.latentlab.ui.settings.BenchSettings;
import org.latentlab.ui.settings.SettingsPanelModel;
import org.latentlab.experiment.GanGameJacobian;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The GAN bench's state. Statuses arrive on the training thread and are only queued there; {@link #pump()}, called
 * once per frame on the FX thread, turns the newest into properties and the queued ones into chart points, so a
 * run going flat out can never flood the FX event queue. Loading an experiment, closing a run and writing exports
 * are jobs for the {@link TaskRunner} it is given (a worker in the window, the caller's thread in tests); each
 * failure becomes the one-line message.
 */
public final class GanBenchViewModel {

    private static final int MAX_QUEUED = 2_000;

    private final ExperimentRunner.Options options;
    private final ConcurrentLinkedQueue<GanStatus> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<GanView> latestView = new AtomicReference<>();
    /** A BiGAN's latest encoder view from the training thread, drained each frame. */
    private final BiganEncoderFeed encoder = new BiganEncoderFeed();
    private final AtomicReference<GanStatus> latestStatus = new AtomicReference<>();
    private final Consumer<GanStatus> listener = this::onStatus;
    /** The run on the bench; loading and closing runs are jobs for the task runner. */
    private final RunLoader<ExperimentRunner.Session<GanTrainer, GanStatus>> runs;
    private final GanCurves curves = new GanCurves();
    private final RunControls controls = new RunControls();
    private final GanExports exports;
    private final OptimalDViewModel optimal = new OptimalDViewModel();
    private final BilinearGameViewModel xyGame = new BilinearGameViewModel();
    private final GameJacobianViewModel jacobian;
    private final GanComparisonViewModel comparison;
    /** The live scores of image GANs and the nearest-neighbour gallery. */
    private final GanScoresViewModel scores;
    /** The pictures kept at growing intervals, and which is shown: the newest or an earlier one. */
    private final GanTimelineViewModel timeline = new GanTimelineViewModel();

    /** Where the experiment came from, reopening run folders, and the curves a reopened run recorded. */
    private final GanRunSessions sessions;
    private boolean startWhenReady;
    private double modes = Double.NaN;
    /** After Reset: statuses still on their way from before it are not charted. */
    private volatile boolean awaitingReset;

    private final ObjectProperty<GanExperiment> spec = new SimpleObjectProperty<>();
    private final ObjectProperty<GanStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<GanView> view = new SimpleObjectProperty<>();
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.STARTING);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty();
    /** The settings in force, the experiment described with them, and the forms refilled from the run. */
    private final GanSettingsInForce inForce;
    private final StringProperty iterationText = new SimpleStringProperty("");
    private final StringProperty lossText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final GanSettingsForm settings = new GanSettingsForm();
    private final GanRemediesForm remedies = new GanRemediesForm();
    /** Every setting of the experiment, generated from its records (ui.settings); the data folder it loads from. */
    private final BenchSettings panel;

    /**
     * @param options where runs are stored and how often statuses and views come
     * @param runner  runs loading, closing and exports off the FX thread and tells their outcome on it
     */
    public GanBenchViewModel(ExperimentRunner.Options options, TaskRunner runner) {
        this(options, runner, GanScoresViewModel.off());
    }

    /** As {@link #GanBenchViewModel(ExperimentRunner.Options, TaskRunner)}, with the live scores of image GANs. */
    public GanBenchViewModel(ExperimentRunner.Options options, TaskRunner runner, GanScoresViewModel scores) {
        this.options = options;
        this.scores = scores;
        this.runs = new RunLoader<>(runner, s -> s.run().unsubscribe(listener), m -> say(m, true));
        this.exports = new GanExports(runner, this::runDir, this::say);
        this.jacobian = new GameJacobianViewModel(runner, this::captureGame);
        this.comparison = new GanComparisonViewModel(exports, this::say);
        this.sessions = new GanRunSessions(runs, options, timeline, this::install, error::set, this::say);
        this.panel = new BenchSettings(runs::current, e -> sessions.load(e.name(), () -> (GanExperiment) e,
                sessions.baseDir(), ExperimentSource.made()));
        this.inForce = new GanSettingsInForce(settings, remedies, panel);
        timeline.shownProperty().addListener((o, a, v) -> optimal.show(v));
        controls.show(RunState.STARTING);
        settings.follow(RunState.STARTING);
        remedies.follow(RunState.STARTING);
    }

    // ---- loading (the one place that starts a GAN run) ----
    public void loadPreset(String name) {
        sessions.loadPreset(name);
    }

    public void openFile(Path file) {
        sessions.load(String.valueOf(file.getFileName()), () -> ExperimentFiles.readGan(file),
                file.toAbsolutePath().getParent(), ExperimentSource.file(file));
    }

    public void loadSpec(GanExperiment s) {
        sessions.load(s.name(), () -> s, options.baseDir(), ExperimentSource.made());
    }

    /**
     * Reopens the run in {@code runDir} at its newest checkpoint, paused, with the pictures of its timeline and the
     * curves it recorded up to that checkpoint.
     */
    public void openRun(Path runDir) {
        sessions.openRun(runDir);
    }

    /** Where the experiment came from, for a session; a run is checkpointed first, to reopen where it is now. */
    public CompletableFuture<ExperimentSource> sessionSource() {
        return sessions.sessionSource();
    }

    private void install(ExperimentRunner.Session<GanTrainer, GanStatus> next) {
        GanExperiment s = (GanExperiment) next.spec();
        sessions.installed(next);
        queue.clear();
        latestView.set(null);
        encoder.clear();
        latestStatus.set(null);
        modes = GanRunRecorder.modesOf(s);
        curves.prepare(s);
        comparison.prepare(s);
        optimal.prepare(s.training().loss());
        jacobian.clear();
        timeline.clear();
        inForce.prepare(s);
        spec.set(s);
        view.set(null);
        scores.prepare(s, (count, seed) -> LiveSamples.capture(next.run(), count, seed));
        next.run().subscribe(listener);
    }

    /** Starts training as soon as the next loaded experiment is ready (the window's --start option). */
    public void startWhenReady() {
        startWhenReady = true;
    }

    // ---- run commands (FX thread) ----

    public void start() {
        withRun(TrainingRun::start);
    }

    public void pause() {
        withRun(TrainingRun::pause);
    }

    /** One whole iteration while paused. */
    public void step() {
        withRun(TrainingRun::step);
    }

    /** One part of an iteration while paused: {@link GanTrainer#DISCRIMINATOR} or {@link GanTrainer#GENERATOR}. */
    public void stepPart(int part) {
        withRun(r -> r.stepPart(part));
    }

    public void reset() {
        withRun(r -> {
            awaitingReset = true;
            sessions.reset();
            queue.clear();
            curves.clear();
            timeline.clear();
            comparison.restart();
            scores.reset();
            r.reset();
        });
    }

    /**
     * Applies the learning rates and k typed in {@link #settings()} and the remedies set in {@link #remedies()}, or
     * says what is wrong with them (and marks them invalid). Returns true when applied.
     */
    public boolean applySettings() {
        GanSettings current = spec.get() == null ? null : inForce.current();
        if (current == null) {
            return false;
        }
        String rateProblem = settings.check(current);
        String remedyProblem = remedies.check(spec.get(), current);
        String problem = rateProblem != null ? rateProblem : remedyProblem;
        if (problem != null) {
            say(problem, true);
            return false;
        }
        double d = settings.discriminatorRate();
        double g = settings.generatorRate();
        int k = settings.discriminatorSteps();
        GanRemediesForm.Remedies cures = remedies.parsed();
        ExperimentRunner.Session<GanTrainer, GanStatus> s = runs.current();
        if (s != null) {
            // recorded in the run folder with the iteration, as a change made in the settings panel is
            s.changeSettings(spec.get().withTraining(current), spec.get().withTraining(cures.applyTo(
                    current.withLearningRates(d, g).withDiscriminatorSteps(k))), e -> { });
        }
        return true;
    }

    private void withRun(Consumer<TrainingRun<GanTrainer, GanStatus>> action) {
        ExperimentRunner.Session<GanTrainer, GanStatus> s = runs.current();
        if (s != null) {
            action.accept(s.run());
        }
    }

    /** Copies of the game at the run's point, taken on its thread; fails with no run or no Jacobian (a random loss). */
    private CompletableFuture<GanGameJacobian.Point> captureGame() {
        ExperimentRunner.Session<GanTrainer, GanStatus> s = runs.current();
        return s == null || spec.get() == null ? CompletableFuture.failedFuture(new LabException(
                "no run on the bench: load an experiment and pause it")) : GanGameJacobian.captureFrom(s.run(),
                spec.get().seed());
    }

    /** Stops the run and waits for it, and for replaced runs still stopping, to finish (the window closing). */
    public void close() {
        runs.close();
    }

    /** The current run's folder, or null before the first iteration. */
    public Path runDir() {
        ExperimentRunner.Session<GanTrainer, GanStatus> s = runs.current();
        return s == null ? null : s.runDir();
    }

    // ---- statuses (training thread -> queue; FX thread drains) ----

    private void onStatus(GanStatus s) {
        if (awaitingReset) {
            // the rebuilt run says READY: at iteration 0, or at its checkpoint for a reopened run
            if (s.iteration() != 0 && s.state() != RunState.READY) {
                return;
            }
            awaitingReset = false;
        }
        if (queue.size() < MAX_QUEUED) {
            queue.add(s);
        }
        latestStatus.set(s);
        if (s.view() != null) {
            latestView.set(s.view());
        }
        encoder.offer(s);
    }

    /** Drains what arrived since the last frame (FX thread; tests call it themselves). True if anything changed. */
    public boolean pump() {
        boolean any = drawEarlierCurves();
        GanStatus s;
        while ((s = queue.poll()) != null) {
            curves.add(s, modes);
            comparison.record(s);
            timeline.record(s.view(), s.maxIterations());
            any = true;
        }
        GanStatus last = latestStatus.getAndSet(null);
        if (last != null) {
            show(last);
        }
        encoder.pump();
        GanView v = latestView.getAndSet(null);
        if (v != null) {
            view.set(v);
            timeline.record(v, status.get() == null ? 0 : status.get().maxIterations());
            any = true;
        }
        if (any) {
            curves.fire();
        }
        panel.pump();
        return any;
    }

    /** A reopened run's recorded curves, drawn before its first status is; true when there were some. */
    private boolean drawEarlierCurves() {
        org.latentlab.experiment.RecordedCurves earlier = sessions.takeEarlierCurves();
        if (earlier != null) {
            curves.addRecorded(earlier, modes);
            comparison.recordEarlier(earlier);
        }
        return earlier != null;
    }

    private void show(GanStatus last) {
        RunState wasState = state.get();
        status.set(last);
        iterationText.set(GanBenchText.iteration(last));
        lossText.set(GanBenchText.losses(last, spec.get()));
        inForce.follow(last, spec.get());
        panel.follow(last.state(), last.iteration() > 0 || last.partialSteps() > 0);
        state.set(last.state());
        scores.follow(last.iteration(), last.state());
        running.set(last.state() == RunState.RUNNING);
        controls.show(last.state());
        settings.follow(last.state());
        remedies.follow(last.state());
        jacobian.follow(last.state());
        if (startWhenReady && last.state() == RunState.READY) {
            startWhenReady = false;
            start();
        }
        if (last.message() != null && !last.message().isEmpty()) {
            say(last.message(), last.state() == RunState.FAILED || last.fault());
            if (last.state() == RunState.FAILED) {
                error.set(last.message());
            }
        } else if (last.state() == RunState.RUNNING && wasState != RunState.RUNNING) {
            say("", false); // what was said before the run resumed; what is said while it runs stays
        }
    }

    /** Null when replacing the experiment loses nothing; else what would be lost ({@link GanBenchText#atRisk}). */
    public String progressAtRisk() {
        return runs.current() == null ? null : GanBenchText.atRisk(status.get(), state.get());
    }

    /** Shows a one-line message in the status bar. */
    void say(String text, boolean isError) {
        message.set(text);
        messageIsError.set(isError);
    }

    // ---- what the view shows ----

    GanCurves curves() {
        return curves;
    }

    /** "D* vs D": the optimal discriminator of the newest view beside the learned D. */
    public OptimalDViewModel optimal() {
        return optimal;
    }

    /** The run's pictures kept at growing intervals, and the one shown (the timeline slider). */
    public GanTimelineViewModel timeline() {
        return timeline;
    }

    /** The xy game's paths for the step size and steps chosen. */
    public BilinearGameViewModel xyGame() {
        return xyGame;
    }

    /** The game's Jacobian at the paused point. */
    public GameJacobianViewModel jacobian() {
        return jacobian;
    }

    /** The runs kept for comparison, and the run on the bench as it would be kept. */
    public GanComparisonViewModel comparison() {
        return comparison;
    }

    /** Keeps the run on the bench for the Compare tab and says so in the status bar. */
    public void keepForComparison() {
        say(comparison.keep(), false);
    }

    /** The files the bench writes: charts, the view, the run's metrics. */
    public GanExports exports() {
        return exports;
    }

    /** The live scores of image GANs and the nearest-neighbour gallery. */
    public GanScoresViewModel scores() {
        return scores;
    }

    /** Which run controls are offered now. */
    public RunControls controls() {
        return controls;
    }

    /** The learning rates and k as typed, editable while the run does not run. */
    public GanSettingsForm settings() {
        return settings;
    }

    /** The remedies for mode collapse, set beside the learning rates and applied with them. */
    public GanRemediesForm remedies() {
        return remedies;
    }

    /** Every setting of the experiment: all before the run, the live-safe ones while paused. */
    public SettingsPanelModel settingsPanel() {
        return panel.model();
    }

    public int chartPointCount() {
        return curves.pointCount();
    }

    /** Points on the divergence chart (toy mixtures, one per measurement). */
    public int divergencePointCount() {
        return curves.divergencePointCount();
    }

    public ReadOnlyObjectProperty<GanExperiment> specProperty() {
        return spec;
    }

    public ReadOnlyObjectProperty<GanStatus> statusProperty() {
        return status;
    }

    /** A BiGAN's latest reconstructions and code scatter (null for other GANs and before the first view). */
    public ReadOnlyObjectProperty<org.latentlab.train.BiganView> encoderViewProperty() {
        return encoder.property();
    }

    public ReadOnlyObjectProperty<GanView> viewProperty() {
        return view;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    /** Set when something failed that deserves a dialog; the view clears it after showing. */
    public StringProperty errorProperty() {
        return error;
    }

    /** The experiment as it runs now (name, networks, loss, k, optimisers with their current learning rates). */
    public ReadOnlyStringProperty descriptionProperty() {
        return inForce.description();
    }

    /** "it 1,200 / 20,000   312 it/s   12.4 s". */
    public ReadOnlyStringProperty iterationTextProperty() {
        return iterationText;
    }

    /** The latest losses and D's outputs, named for the loss in use. */
    public ReadOnlyStringProperty lossTextProperty() {
        return lossText;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
