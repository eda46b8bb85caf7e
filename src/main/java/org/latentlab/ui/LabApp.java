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
import org.latentlab.ui.studies.StudyContext;
import org.latentlab.ui.reconstruction.ReconstructionBenchViewModel;
import org.latentlab.ui.gan.GanBenchView;
import org.latentlab.ui.gan.GanBenchViewModel;
import org.latentlab.ui.gan.GanScoresViewModel;
import org.latentlab.experiment.evaluate.ScoringSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
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
 * --directions=random|hessian|pca} (the slice's plane). {@link LaunchPlan} checks them all first: one that cannot
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
        GeometryView geometry = new GeometryView(stage, ganOptions.runsRoot(),
                runner("latentlab-geometry"),
                new StudyContext(stage, runner("latentlab-lectures"), ganOptions.runsRoot()));
        Tab geometryTab = new Tab("Geometry", geometry);
        geometryTab.setId("tab-geometry");
        latentViewModel = new LatentStudioViewModel();
        LatentStudioView latentView = new LatentStudioView(latentViewModel, stage);
        Tab latentTab = new Tab("Latent studio", latentView);
        latentTab.setId("tab-latent");
        // --builder-template=ID (e.g. dcgan-28) and --builder-open=FILE put a design on the builder's canvas
        TaskRunner builderRunner = runner("latentlab-builder");
        builderViewModel = plan.builderTemplate() == null ? new BuilderViewModel(builderRunner)
                : new BuilderViewModel(DesignTemplates.get(plan.builderTemplate()), builderRunner);
        if (plan.builderOpen() != null) {
            attempt(messages, "--builder-open", () -> builderViewModel.open(plan.builderOpen()));
        }
        Tab builderTab = new Tab("Network builder", new BuilderView(builderViewModel, stage));
        builderTab.setId("tab-builder");
        org.latentlab.ui.sweep.SweepsView sweeps = new org.latentlab.ui.sweep.SweepsView(
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

        if (plan.bench() == LaunchPlan.Bench.MODELS) {
            viewModel.loadPreset(plan.ganPreset());
            if (plan.start()) {
                modelViewModel.startWhenReady();
            }
            if (plan.modelFile() != null) {
                modelViewModel.openFile(plan.modelFile());
            } else {
                modelView.selectPreset(plan.modelPreset());
            }
        } else {
            if (plan.start()) {
                viewModel.startWhenReady();
            }
            if (plan.ganFile() != null) {
                viewModel.openFile(plan.ganFile());
            } else {
                viewModel.loadPreset(plan.ganPreset());
            }
            modelView.selectPreset(plan.modelPreset());
        }
        Tab shown = switch (plan.tab()) {
            case GAN -> ganTab;
            case MODELS -> modelTab;
            case LATENT -> latentTab;
            case GEOMETRY -> geometryTab;
            case BUILDER -> builderTab;
            case SWEEPS -> sweepsTab;
        };
        sweeps.setOpeners(run -> {
            latentViewModel.openFolder(run);
            tabs.getSelectionModel().select(latentTab);
        }, run -> {
            tabs.getSelectionModel().select(geometryTab);
            geometry.analyse(GeometryView.Section.HESSIAN, run.toString());
        });
        if (plan.sweep() != null) {
            sweeps.open(plan.sweep());
        }
        tabs.getSelectionModel().select(shown);
        if (plan.tab() == LaunchPlan.Tab.GEOMETRY) {
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
        }
        if (plan.study() != null && !geometry.showLecture(plan.study())) {
            modelView.showStudy(plan.study());
        }
        attempt(messages, "latent studio", () -> openStudio(latentView, plan, messages));
        if (!messages.isEmpty()) {
            String line = String.join("  ·  ", messages);
            launchMessage.setText(line);
            launchMessage.setTooltip(new Tooltip(String.join("\n", messages)));
            root.setBottom(launchBar);
            messages.forEach(m -> LOG.warn("window parameter: {}", m));
        }
        stage.setOnCloseRequest(e -> {
            closeAll();
            Platform.exit();
        });
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
        runners.forEach(TaskRunner::close);
    }
}
