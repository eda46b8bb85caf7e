package org.latentlab.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.latentlab.core.LabException;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.DesignExperiments;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.ui.builder.BuilderView;
import org.latentlab.ui.builder.BuilderViewModel;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.geometry.GeometryView;
import org.latentlab.ui.latent.LatentStudioView;
import org.latentlab.ui.latent.LatentStudioViewModel;
import org.latentlab.ui.reconstruction.ReconstructionBenchView;
import org.latentlab.ui.studies.Lectures;
import org.latentlab.ui.studies.StudyContext;
import org.latentlab.ui.reconstruction.ReconstructionBenchViewModel;
import org.latentlab.ui.gan.GanBenchView;
import org.latentlab.ui.gan.GanBenchViewModel;
import org.latentlab.ui.gan.GanScoresViewModel;
import org.latentlab.experiment.evaluate.ScoringSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.latentlab.core.Failures;
import org.latentlab.experiment.Experiment;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.ui.common.ExperimentSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Locale;

/**
 * The window: five benches in tabs — the GAN dashboard, the autoencoder / VAE / RBM bench, the latent studio, the
 * geometry bench and the network builder — the training benches opened on a preset, ready to train. Each training
 * bench and the builder get a task runner of their own (a worker thread; outcomes told on the FX thread), closed
 * with the window. Options ({@code --help} lists them; a preset or file picks its bench):
 * {@code --preset=NAME}, {@code --experiment=FILE.json}, {@code --start=true} (start training at once),
 * {@code --tab=geometry}, {@code --tab=latent} or {@code --tab=builder} (open on the geometry bench, the latent
 * studio or the network builder), {@code --geometry=toy|hessian|surface|tangents|training} (the geometry bench's
 * sub-tab), {@code --analyse=FOLDER} (open a run or checkpoint folder in that sub-tab and start its computation: a
 * 2-D slice, the tangents, the curvature along training, or the Hessian panel's loss), {@code
 * --directions=random|hessian|pca} (the slice's plane), {@code --run=FOLDER} (a run reopened at its newest checkpoint on
 * its bench), {@code --session=FILE} (a session saved by File → Save session…, {@link LabSession}). {@link LaunchPlan} checks them all first: one that cannot
 * be used is left out and said in a line at the bottom of the window (the window opens on the default experiment
 * and tab instead), never a window that fails to open.
 */
public final class LabApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(LabApp.class);

    private GanBenchViewModel viewModel;
    private ReconstructionBenchViewModel modelViewModel;
    private LatentStudioViewModel latentViewModel;
    private BuilderViewModel builderViewModel;
    private final List<TaskRunner> runners = new ArrayList<>();
    private final Map<Tab, LaunchPlan.Tab> tabIds = new LinkedHashMap<>();
    private TabPane tabs;
    /** Shows a theory lecture in the geometry bench; false when there is none of that id. */
    private java.util.function.Predicate<String> showLecture = id -> false;
    /** The theory lecture shown, while its tab is; else null. */
    private java.util.function.Supplier<String> shownLecture = () -> null;
    private ReconstructionBenchView modelView;
    private GeometryView geometry;
    private LatentStudioView latentView;
    private org.latentlab.ui.sweep.SweepsView sweeps;
    private BorderPane root;
    private Label launchMessage;
    private HBox launchBar;

    /** A runner for one screen's jobs; every job tells its own failure, so the default only logs. */
    private TaskRunner runner(String threadName) {
        TaskRunner r = new FxTaskRunner(threadName, m -> LOG.warn("{}: {}", threadName, m));
        runners.add(r);
        return r;
    }

    @Override
    public void start(Stage stage) {
        LaunchPlan plan = LaunchPlan.of(getParameters().getRaw());
        List<String> messages = new ArrayList<>(plan.messages());
        ExperimentRunner.Options ganOptions = ExperimentRunner.Options.defaults();
        // the scores have a worker of their own: training their classifier takes minutes
        GanScoresViewModel scores = new GanScoresViewModel(runner("latentlab-gan-scores"), (spec, monitor, notes) ->
                ScoringSetup.prepare(spec, ganOptions.baseDir(), ScoringSetup.SAMPLE_SIZE, monitor, notes));
        viewModel = new GanBenchViewModel(ganOptions, runner("latentlab-gan-bench"), scores);
        GanBenchView view = new GanBenchView(viewModel, stage);
        modelViewModel = new ReconstructionBenchViewModel(ExperimentRunner.Options.defaults(),
                runner("latentlab-model-bench"));
        ReconstructionBenchView modelView = new ReconstructionBenchView(modelViewModel, stage,
                new StudyContext(stage, runner("latentlab-studies"), ganOptions.runsRoot()));
        Tab ganTab = new Tab("GAN bench", view);
        Tab modelTab = new Tab("Autoencoders · VAE · RBM", modelView);
        modelTab.setId("tab-models");
        GeometryView geometry = new GeometryView(stage, ganOptions.runsRoot(), runner("latentlab-geometry"));
        // the theory lectures: studies shown as the geometry bench's last tab, on a worker of their own
        org.latentlab.ui.studies.StudiesPane lectures = Lectures.all().isEmpty() ? null
                : new org.latentlab.ui.studies.StudiesPane(
                        new StudyContext(stage, runner("latentlab-lectures"), ganOptions.runsRoot()), Lectures.all());
        if (lectures != null) {
            lectures.setId("lectures");
        }
        Tab lecturesTab = lectures == null ? null
                : geometry.addSection("Theory lectures", lectures, "geometry-lectures");
        Tab geometryTab = new Tab("Geometry", geometry);
        geometryTab.setId("tab-geometry");
        latentViewModel = new LatentStudioViewModel();
        LatentStudioView latentView = new LatentStudioView(latentViewModel, stage);
        Tab latentTab = new Tab("Latent studio", latentView);
        latentTab.setId("tab-latent");
        // --builder-template=ID (e.g. dcgan-28) and --builder-open=FILE put a design on the builder's canvas
        TaskRunner builderRunner = runner("latentlab-builder");
        builderViewModel = plan.builderTemplate() == null ? new BuilderViewModel(builderRunner)
                : new BuilderViewModel(org.latentlab.experiment.DesignExperiments.template(plan.builderTemplate()), builderRunner);
        if (plan.builderOpen() != null) {
            attempt(messages, "--builder-open", () -> builderViewModel.open(plan.builderOpen()));
        }
        BuilderView builderView = new BuilderView(builderViewModel, stage);
        Tab builderTab = new Tab("Network builder", builderView);
        builderTab.setId("tab-builder");
        sweeps = new org.latentlab.ui.sweep.SweepsView(
                new org.latentlab.ui.sweep.SweepsViewModel(runner("latentlab-sweeps")), stage);
        Tab sweepsTab = new Tab("Sweeps", sweeps);
        sweepsTab.setId("tab-sweeps");
        TabPane tabs = new TabPane(ganTab, modelTab, latentTab, geometryTab, builderTab, sweepsTab);
        tabs.setId("lab-tabs");
        builderViewModel.setTrainer(t -> {
            if (t instanceof DesignExperiments.Gan g) {
                // asks first when that replaces a run with progress; the bench is shown once the design is on it
                view.loadSpec(g.spec(), () -> tabs.getSelectionModel().select(ganTab));
            } else if (t instanceof DesignExperiments.Model m) {
                modelView.loadSpec(m.spec(), () -> tabs.getSelectionModel().select(modelTab));
            }
        });
        tabs.getTabs().forEach(t -> t.setClosable(false));
        Label launchMessage = new Label();
        launchMessage.setId("launch-message");
        launchMessage.getStyleClass().add("message-error");
        Button dismiss = new Button("×");
        dismiss.setId("launch-message-close");
        HBox launchBar = new HBox(8, launchMessage, dismiss);
        launchBar.getStyleClass().add("status-bar");
        launchBar.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(tabs);
        dismiss.setOnAction(e -> root.setBottom(null));
        Scene scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(LabApp.class.getResource("lab.css").toExternalForm());
        view.installShortcuts(scene);
        stage.setTitle("Latent Lab");
        stage.setScene(scene);
        stage.show();

        tabIds.put(ganTab, LaunchPlan.Tab.GAN);
        tabIds.put(modelTab, LaunchPlan.Tab.MODELS);
        tabIds.put(latentTab, LaunchPlan.Tab.LATENT);
        tabIds.put(geometryTab, LaunchPlan.Tab.GEOMETRY);
        tabIds.put(builderTab, LaunchPlan.Tab.BUILDER);
        tabIds.put(sweepsTab, LaunchPlan.Tab.SWEEPS);
        this.tabs = tabs;
        this.modelView = modelView;
        this.geometry = geometry;
        this.latentView = latentView;
        this.root = root;
        this.launchMessage = launchMessage;
        this.launchBar = launchBar;
        // a theory lecture is shown in the geometry bench's last tab; false when there is no such lecture
        this.showLecture = id -> {
            if (lectures == null || Lectures.find(id).isEmpty()) {
                return false;
            }
            geometry.show(lecturesTab);
            return lectures.select(id);
        };
        this.shownLecture = () -> lectures != null && geometry.isShown(lecturesTab) ? lectures.selectedId() : null;
        // the menu bar (File: lessons and sessions; View; Lessons), the lessons panel and presenter mode
        LessonsSetup.install(stage, root, plan, new WindowLessonStage.Benches(tabs, java.util.Map.of("gan",
                ganTab, "models", modelTab, "latent", latentTab, "geometry", geometryTab, "builder", builderTab,
                "sweeps", sweepsTab), view, viewModel, modelView, modelViewModel, geometry, showLecture,
                builderView::showTemplate), messages);
        LabMenuBar.addSessionItems((javafx.scene.control.MenuBar) root.getTop(), stage, this::saveSession,
                this::openSession);
        sweeps.setOpeners(run -> {
            boolean gan;
            try {
                gan = ExperimentFiles.isGan(ExperimentFiles.readText(run.resolve("spec.json")), run.toString());
            } catch (LabException e) {
                say(List.of("sweeps: " + e.getMessage()));
                return;
            }
            if (gan) {
                viewModel.openRun(run);
            } else {
                modelViewModel.openRun(run);
            }
            tabs.getSelectionModel().select(gan ? ganTab : modelTab);
        }, run -> {
            latentViewModel.openFolder(run);
            tabs.getSelectionModel().select(latentTab);
        }, run -> {
            tabs.getSelectionModel().select(geometryTab);
            geometry.analyse(GeometryView.Section.HESSIAN, run.toString());
        });
        apply(plan, messages);
        stage.setOnCloseRequest(e -> {
            closeAll();
            Platform.exit();
        });
    }

    /**
     * Opens what {@code plan} names: each bench's run folder (reopened at its newest checkpoint, paused), experiment
     * file or preset, the tab and sub-tabs, the latent studio's model. At start and for File → Open session….
     */
    private void apply(LaunchPlan plan, List<String> given) {
        List<String> messages = new ArrayList<>(given);
        if (plan.start()) {
            if (plan.bench() == LaunchPlan.Bench.MODELS) {
                modelViewModel.startWhenReady();
            } else {
                viewModel.startWhenReady();
            }
        }
        if (plan.ganRun() != null) {
            viewModel.openRun(plan.ganRun());
        } else if (plan.ganFile() != null) {
            viewModel.openFile(plan.ganFile());
        } else {
            viewModel.loadPreset(plan.ganPreset());
        }
        if (plan.modelRun() != null) {
            modelViewModel.openRun(plan.modelRun());
        } else if (plan.modelFile() != null) {
            modelViewModel.openFile(plan.modelFile());
        } else {
            modelView.selectPreset(plan.modelPreset());
        }
        tabs.getSelectionModel().select(tabIds.entrySet().stream().filter(e -> e.getValue() == plan.tab())
                .map(Map.Entry::getKey).findFirst().orElseThrow());
        GeometryView.Section s = plan.section() == null ? GeometryView.Section.SURFACE : plan.section();
        attempt(messages, "--directions", () -> {
            if (plan.directions() != null) {
                geometry.setSliceDirections(plan.directions());
            }
        });
        attempt(messages, "--analyse", () -> {
            if (plan.analyse() != null) {
                geometry.analyse(s, plan.analyse());
            } else if (plan.section() != null) {
                geometry.select(s);
            }
        });
        if (plan.study() != null && !showLecture.test(plan.study())) {
            modelView.showStudy(plan.study());
        }
        attempt(messages, "latent studio", () -> openStudio(latentView, plan, messages));
        if (plan.sweep() != null) {
            sweeps.open(plan.sweep());
        }
        say(messages);
    }

    /** Shows {@code messages} in one line at the bottom of the window (none: the line goes). */
    private void say(List<String> messages) {
        if (messages.isEmpty()) {
            root.setBottom(null);
            return;
        }
        launchMessage.setText(String.join("  ·  ", messages));
        launchMessage.setTooltip(new Tooltip(String.join("\n", messages)));
        root.setBottom(launchBar);
        messages.forEach(m -> LOG.warn("window parameter: {}", m));
    }

    /** File → Open session…: the window as the session saved it; what cannot be restored is said in one line. */
    void openSession(Path file) {
        apply(LaunchPlan.of(List.of("--session=" + file)), List.of());
    }

    /**
     * File → Save session…: each bench's run is checkpointed on its own thread (the FX thread does not wait), then
     * the session is written; the outcome is said at the bottom of the window. Returns when it is written.
     */
    CompletableFuture<Path> saveSession(Path file) {
        LaunchPlan.Tab tab = tabIds.get(tabs.getSelectionModel().getSelectedItem());
        String section = geometry.section() == null ? null : geometry.section().name().toLowerCase(Locale.ROOT);
        String lecture = shownLecture.get();
        String study = tab == LaunchPlan.Tab.GEOMETRY && lecture != null ? lecture
                : modelView.shownStudy() != null ? modelView.shownStudy() : lecture;
        Tab latentTab = latentView.tabs().getSelectionModel().getSelectedItem();
        String latent = latentTab == null ? null : latentTab.getText();
        Path latentRun = latentViewModel.folder();
        Experiment<?> ganSpec = viewModel.specProperty().get();
        Experiment<?> modelSpec = modelViewModel.spec();
        CompletableFuture<Path> written = viewModel.sessionSource()
                .thenCombine(modelViewModel.sessionSource(), (g, m) -> {
                    new LabSession(LabSession.FORMAT, tab.id(), section, study, latent,
                            latentRun == null ? null : latentRun.toString(), bench(g, ganSpec, file, "gan"),
                            bench(m, modelSpec, file, "models")).write(file);
                    return file;
                }).orTimeout(120, TimeUnit.SECONDS);
        written.whenComplete((f, e) -> Platform.runLater(() -> say(e == null ? List.of() : List.of("session: "
                + Failures.message("saving " + file, e instanceof CompletionException c && c.getCause() != null
                ? c.getCause() : e)))));
        return written;
    }

    /** A bench in a session; an experiment made in the lab (no preset, file or run) is written beside it. */
    private static LabSession.Bench bench(ExperimentSource s, Experiment<?> spec, Path session, String which) {
        if (s.preset() == null && s.file() == null && s.runDir() == null && spec != null) {
            String name = session.getFileName().toString().replaceFirst("\\.json$", "");
            Path beside = session.toAbsolutePath().resolveSibling(name + "-" + which + ".json");
            ExperimentFiles.write(spec, beside);
            return new LabSession.Bench(null, beside.toString(), null);
        }
        return new LabSession.Bench(s.preset(), s.file() == null ? null : s.file().toString(),
                s.runDir() == null ? null : s.runDir().toString());
    }

    /** Runs one start-up step; a failure becomes a message (where and what), never a window that does not open. */
    private static void attempt(List<String> messages, String where, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            messages.add(where + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (!(e instanceof LabException || e instanceof IllegalArgumentException)) {
                LOG.warn("window parameter {} failed", where, e);
            }
        }
    }

    /**
     * The latent studio's start-up parameters: {@code --latent-run=FOLDER} opens a run or checkpoint folder,
     * {@code --latent-train=PRESET} (with {@code --latent-iterations=N}) trains a quick model there, and
     * {@code --latent-view=NAME} selects one of its tabs by name (e.g. {@code map}, {@code interpolation}).
     */
    private void openStudio(LatentStudioView view, LaunchPlan plan, List<String> messages) {
        if (plan.latentRun() != null) {
            latentViewModel.openFolder(plan.latentRun());
        } else if (plan.latentTrain() != null) {
            view.trainQuick(plan.latentTrain(), plan.latentIterations());
        }
        String sub = plan.latentView();
        if (sub != null) {
            String wanted = sub.toLowerCase(Locale.ROOT);
            view.tabs().getTabs().stream()
                    .filter(t -> t.getText().toLowerCase(Locale.ROOT).contains(wanted))
                    .findFirst().ifPresentOrElse(t -> view.tabs().getSelectionModel().select(t),
                            () -> messages.add("--latent-view: the latent studio has no tab '" + sub + "' (tabs: "
                                    + String.join(", ", view.tabs().getTabs().stream().map(Tab::getText).toList())
                                    + ")"));
        }
    }

    @Override
    public void stop() {
        closeAll();
    }

    /** Stops the runs (each waits for its last checkpoint) and then the runners; twice is harmless. */
    private void closeAll() {
        if (viewModel != null) {
            viewModel.close();
        }
        if (modelViewModel != null) {
            modelViewModel.close();
        }
        if (latentViewModel != null) {
            latentViewModel.close();
        }
        if (sweeps != null) {
            sweeps.stop();
        }
        runners.forEach(TaskRunner::close);
    }
}
