package org.latentlab.ui.training;

import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jfree.data.xy.XYSeries;
import org.latentlab.core.LabException;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.GanView;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.GanStatus;
import org.latentlab.train.RunState;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The dashboard's state. Statuses arrive on the training thread and are only queued there; {@link #pump()}, called
 * once per frame on the FX thread, turns the newest into properties and the queued ones into chart points, so a
 * run going flat out can never flood the FX event queue. Loading data and building a run happen on a worker.
 */
public final class TrainingViewModel {

    private static final int MAX_QUEUED = 2_000;
    private static final int MAX_CHART_POINTS = 20_000;

    private final ExperimentRunner.Options options;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "latentlab-loader");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<GanStatus> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<GanView> latestView = new AtomicReference<>();
    private final AtomicReference<GanStatus> latestStatus = new AtomicReference<>();
    private final Consumer<GanStatus> listener = this::onStatus;

    private ExperimentRunner.Session<GanTrainer, GanStatus> session;
    private long generation;
    private boolean startWhenReady;
    /** After Reset: statuses still on their way from before it are not charted. */
    private volatile boolean awaitingReset;

    private final ObjectProperty<GanExperiment> spec = new SimpleObjectProperty<>();
    private final ObjectProperty<GanStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<GanView> view = new SimpleObjectProperty<>();
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.STARTING);
    private final StringProperty message = new SimpleStringProperty("");
    /** The experiment as it runs now: its spec with the settings last applied (learning rates, k). */
    private final StringProperty description = new SimpleStringProperty("");
    private GanSettings describedSettings;
    private final BooleanProperty messageIsError = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty running = new SimpleBooleanProperty(false);

    final XYSeries discriminatorLoss = series("D loss");
    final XYSeries generatorLoss = series("G loss");
    final XYSeries realScore = series("D(x)");
    final XYSeries fakeScore = series("D(G(z))");
    final XYSeries metric = series("modes covered");
    final XYSeries metricReference = series("reference");

    public TrainingViewModel(ExperimentRunner.Options options) {
        this.options = options;
    }

    private static XYSeries series(String name) {
        XYSeries s = new XYSeries(name, true, true);
        s.setMaximumItemCount(MAX_CHART_POINTS);
        return s;
    }

    // ---- commands (FX thread) ----

    public void loadPreset(String name) {
        load(() -> Presets.loadGan(name), options.baseDir());
    }

    public void openFile(Path file) {
        load(() -> ExperimentFiles.readGan(file), file.toAbsolutePath().getParent());
    }

    public void loadSpec(GanExperiment s) {
        load(() -> s, options.baseDir());
    }

    private interface SpecSource {
        GanExperiment get();
    }

    private void load(SpecSource source, Path baseDir) {
        long gen = ++generation;
        message.set("loading…");
        messageIsError.set(false);
        loader.execute(() -> {
            try {
                GanExperiment s = source.get();
                ExperimentRunner.Options o = new ExperimentRunner.Options(options.runsRoot(), baseDir,
                        options.statusIntervalMillis(), options.viewIntervalMillis());
                ExperimentRunner.Session<GanTrainer, GanStatus> next = ExperimentRunner.start(s, o);
                Platform.runLater(() -> install(gen, s, next));
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (gen == generation) {
                        error.set(e.getMessage());
                        message.set(e.getMessage());
                        messageIsError.set(true);
                        if (session == null) {
                            // nothing loaded yet (a bad file on the command line): open the default instead
                            loadPreset(Presets.defaultName());
                        }
                    }
                });
            }
        });
    }

    private void install(long gen, GanExperiment s, ExperimentRunner.Session<GanTrainer, GanStatus> next) {
        if (gen != generation) {
            closeLater(next);
            return;
        }
        closeSession();
        session = next;
        queue.clear();
        latestView.set(null);
        latestStatus.set(null);
        clearCharts();
        metric.setKey(s.dataset().kind() == org.latentlab.experiment.DatasetSpec.Kind.IMAGES
                ? Metric.DIVERSITY.label() : Metric.MODES_COVERED.label());
        metricReference.setKey(s.dataset().kind() == org.latentlab.experiment.DatasetSpec.Kind.IMAGES
                ? Metric.DIVERSITY_REAL.label() : "modes in the data");
        ScoreLabels labels = ScoreLabels.of(s.training().loss());
        realScore.setKey(labels.real());
        fakeScore.setKey(labels.fake());
        describedSettings = s.training();
        description.set(describe(s, s.training()));
        spec.set(s);
        view.set(null);
        next.run().subscribe(listener);
    }

    public void start() {
        withRun(TrainingRun::start);
    }

    /** Starts training as soon as the next loaded experiment is ready (the window's --start option). */
    public void startWhenReady() {
        startWhenReady = true;
    }

    public void pause() {
        withRun(TrainingRun::pause);
    }

    public void step(TrainingRun.Step step) {
        withRun(r -> r.step(step));
    }

    public void reset() {
        withRun(r -> {
            awaitingReset = true;
            queue.clear();
            clearCharts();
            r.reset();
        });
    }

    /** Validates and applies learning rates and k; returns an error message, or null when applied. */
    public String applySettings(String lrD, String lrG, String k) {
        double d;
        double g;
        int steps;
        try {
            d = Double.parseDouble(lrD.trim());
            g = Double.parseDouble(lrG.trim());
            steps = Integer.parseInt(k.trim());
        } catch (NumberFormatException e) {
            return "learning rates must be numbers (e.g. 2e-4) and k a whole number";
        }
        try {
            GanSettings current = spec.get().training();
            current.withLearningRates(d, g).withDiscriminatorSteps(steps);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        withRun(r -> r.modify(t -> {
            t.updateSettings(t.settings().withLearningRates(d, g).withDiscriminatorSteps(steps));
            return "settings: " + t.describeSettings();
        }));
        return null;
    }

    private void withRun(Consumer<TrainingRun<GanTrainer, GanStatus>> action) {
        if (session != null) {
            action.accept(session.run());
        }
    }

    /** Stops the run and waits for its thread to finish its current operation (window closing). */
    public void close() {
        generation++;
        ExperimentRunner.Session<GanTrainer, GanStatus> s = session;
        session = null;
        if (s != null) {
            s.run().unsubscribe(listener);
            s.close();
        }
        loader.shutdownNow();
    }

    private void closeSession() {
        if (session != null) {
            ExperimentRunner.Session<GanTrainer, GanStatus> s = session;
            session = null;
            s.run().unsubscribe(listener);
            closeLater(s);
        }
    }

    /** Closes a session on its own thread: the FX thread never waits for a run to stop. */
    private static void closeLater(ExperimentRunner.Session<GanTrainer, GanStatus> s) {
        Thread closer = new Thread(s::close, "latentlab-close");
        closer.setDaemon(false);
        closer.start();
    }

    /** The current run's folder, or null before the first iteration. */
    public Path runDir() {
        return session == null ? null : session.runDir();
    }

    // ---- statuses (training thread -> queue; FX thread drains) ----

    private void onStatus(GanStatus s) {
        if (awaitingReset) {
            if (s.iteration() != 0) {
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
    }

    /** Drains what arrived since the last frame (FX thread). Returns true if anything changed. */
    public boolean pump() {
        GanStatus last = null;
        GanStatus s;
        boolean any = false;
        while ((s = queue.poll()) != null) {
            addChartPoints(s);
            any = true;
        }
        last = latestStatus.getAndSet(null);
        if (last != null) {
            status.set(last);
            if (last.settings() != null && !last.settings().equals(describedSettings) && spec.get() != null) {
                describedSettings = last.settings();
                description.set(describe(spec.get(), last.settings()));
            }
            state.set(last.state());
            running.set(last.state() == RunState.RUNNING);
            if (startWhenReady && last.state() == RunState.READY) {
                startWhenReady = false;
                start();
            }
            if (last.message() != null && !last.message().isEmpty()) {
                message.set(last.message());
                messageIsError.set(last.state() == RunState.FAILED
                        || last.fault());
                if (last.state() == RunState.FAILED) {
                    error.set(last.message());
                }
            } else if (last.state() == RunState.RUNNING) {
                message.set("");
                messageIsError.set(false);
            }
        }
        GanView v = latestView.getAndSet(null);
        if (v != null) {
            view.set(v);
            any = true;
        }
        if (any) {
            fireCharts();
        }
        return any;
    }

    private void addChartPoints(GanStatus s) {
        if (s.iteration() == 0 && s.partialSteps() == 0) {
            return;
        }
        double x = chartX(s);
        addIfFinite(discriminatorLoss, x, s.discriminatorLoss());
        addIfFinite(generatorLoss, x, s.generatorLoss());
        addIfFinite(realScore, x, s.realScore());
        addIfFinite(fakeScore, x, s.fakeScore());
        if (s.evaluation() != null) {
            Evaluation v = s.evaluation();
            if (v.has(Metric.MODES_COVERED)) {
                addIfFinite(metric, v.iteration(), v.get(Metric.MODES_COVERED));
                if (spec.get() != null) {
                    addIfFinite(metricReference, s.evaluation().iteration(), modeCount());
                }
            } else if (v.has(Metric.DIVERSITY)) {
                addIfFinite(metric, v.iteration(), v.get(Metric.DIVERSITY));
                addIfFinite(metricReference, v.iteration(), v.get(Metric.DIVERSITY_REAL));
            }
        }
    }

    private double modeCount() {
        GanExperiment s = spec.get();
        try {
            return org.latentlab.data.ToyDistribution.named(s.dataset().name()).modes().size();
        } catch (LabException e) {
            return Double.NaN;
        }
    }

    private static void addIfFinite(XYSeries series, double x, double y) {
        if (Double.isFinite(y)) {
            // a status repeated at the same point (pause, a view requested) replaces, never stacks
            int i = series.indexOf(x);
            if (i >= 0) {
                series.updateByIndex(i, y);
            } else {
                series.add(x, y, false);
            }
        }
    }

    /**
     * Where a status goes on the iteration axis. A whole iteration i is drawn at i; the p-th D or G update made by
     * hand (Step D / Step G) after iteration i is drawn at i + p / (p + 1): between i and i + 1, in the order made,
     * however many there are, and before the next whole iteration.
     */
    public static double chartX(GanStatus s) {
        int p = s.partialSteps();
        return s.iteration() + (p == 0 ? 0 : p / (p + 1.0));
    }

    /** The experiment's description with the settings in force now (after Apply, the applied ones). */
    public static String describe(GanExperiment s, GanSettings t) {
        return s.name() + " — " + s.description() + "\n" + s.generator() + "     " + s.discriminator()
                + "\nloss " + t.loss().id() + ", k = " + t.discriminatorSteps() + ", batch " + t.batchSize() + ", G "
                + t.generatorOptimizer() + ", D " + t.discriminatorOptimizer()
                + (t.labelSmoothing() ? ", one-sided label smoothing" : "")
                + (t.instanceNoise() > 0 ? ", instance noise " + t.instanceNoise() : "")
                + ", " + s.iterations() + " iterations, seed " + s.seed() + "\n" + t.loss().formula();
    }

    /**
     * Null when replacing the experiment loses nothing; else what would be lost ("1,200 iterations, running").
     * Running, or paused after at least one update, counts as progress.
     */
    public String progressAtRisk() {
        GanStatus s = status.get();
        RunState st = state.get();
        if (session == null || s == null) {
            return null;
        }
        boolean progress = s.iteration() > 0 || s.partialSteps() > 0;
        if (st == RunState.RUNNING || st == RunState.PAUSED && progress) {
            return String.format(Locale.ROOT, "%,d iterations%s, %s", s.iteration(),
                    s.partialSteps() > 0 ? " and " + s.partialSteps() + " single steps" : "",
                    st == RunState.RUNNING ? "running" : "paused");
        }
        return null;
    }

    private void clearCharts() {
        for (XYSeries s : allSeries()) {
            s.clear();
        }
    }

    private void fireCharts() {
        for (XYSeries s : allSeries()) {
            s.fireSeriesChanged();
        }
    }

    private XYSeries[] allSeries() {
        return new XYSeries[] {discriminatorLoss, generatorLoss, realScore, fakeScore, metric, metricReference};
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<GanExperiment> specProperty() {
        return spec;
    }

    public ReadOnlyObjectProperty<GanStatus> statusProperty() {
        return status;
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

    /** The experiment as it runs now (name, networks, loss, k, optimisers with their current learning rates). */
    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    /** Set when something failed that deserves a dialog; the view clears it after showing. */
    public StringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public int chartPointCount() {
        return discriminatorLoss.getItemCount();
    }

    /** "it 1,200 / 20,000   312 it/s   12.4 s"; single steps since the last iteration as "it 1,200 +2 D +1 G". */
    public static String describe(GanStatus s) {
        if (s == null) {
            return "";
        }
        String partial = (s.partialDiscriminatorSteps() > 0 ? " +" + s.partialDiscriminatorSteps() + " D" : "")
                + (s.partialGeneratorSteps() > 0 ? " +" + s.partialGeneratorSteps() + " G" : "");
        return String.format(Locale.ROOT, "it %,d%s / %,d   %s   %.1f s", s.iteration(), partial, s.maxIterations(),
                Double.isNaN(s.itersPerSecond()) ? "– it/s" : String.format(Locale.ROOT, "%.0f it/s",
                        s.itersPerSecond()), s.elapsedMillis() / 1000.0);
    }
}
