package org.latentlab.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Presets;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.DesignExperiments;
import org.latentlab.ui.builder.BuilderView;
import org.latentlab.ui.builder.BuilderViewModel;
import org.latentlab.ui.geometry.GeometryView;
import org.latentlab.ui.latent.LatentStudioView;
import org.latentlab.ui.latent.LatentStudioViewModel;
import org.latentlab.ui.models.ModelBenchView;
import org.latentlab.ui.models.ModelBenchViewModel;
import org.latentlab.ui.training.TrainingView;
import org.latentlab.ui.training.TrainingViewModel;

/**
 * The window: five benches in tabs — the GAN dashboard, the autoencoder / VAE / RBM bench, the latent studio, the
 * geometry bench and the network builder — the training benches opened on a preset, ready to train. Named parameters (a preset or file picks its bench):
 * {@code --preset=NAME}, {@code --experiment=FILE.json}, {@code --start=true} (start training at once),
 * {@code --tab=geometry}, {@code --tab=latent} or {@code --tab=builder} (open on the geometry bench, the latent
 * studio or the network builder), {@code --geometry=toy|hessian|surface|tangents|training} (the geometry bench's
 * sub-tab), {@code --analyse=FOLDER} (open a run or checkpoint folder in that sub-tab and start its computation: a
 * 2-D slice, the tangents, the curvature along training, or the Hessian panel's loss), {@code
 * --directions=random|hessian|pca} (the slice's plane).
 */
public final class LabApp extends Application {

    private TrainingViewModel viewModel;
    private ModelBenchViewModel modelViewModel;
    private LatentStudioViewModel latentViewModel;
    private BuilderViewModel builderViewModel;

    @Override
    public void start(Stage stage) {
        viewModel = new TrainingViewModel(ExperimentRunner.Options.defaults());
        TrainingView view = new TrainingView(viewModel, stage);
        modelViewModel = new ModelBenchViewModel(ExperimentRunner.Options.defaults());
        ModelBenchView modelView = new ModelBenchView(modelViewModel, stage);
        Tab ganTab = new Tab("GAN bench", view);
        Tab modelTab = new Tab("Autoencoders · VAE · RBM", modelView);
        modelTab.setId("tab-models");
        GeometryView geometry = new GeometryView(stage);
        Tab geometryTab = new Tab("Geometry", geometry);
        geometryTab.setId("tab-geometry");
        latentViewModel = new LatentStudioViewModel();
        LatentStudioView latentView = new LatentStudioView(latentViewModel, stage);
        Tab latentTab = new Tab("Latent studio", latentView);
        latentTab.setId("tab-latent");
        String template = getParameters().getNamed().get("builder-template");
        builderViewModel = template == null ? new BuilderViewModel()
                : new BuilderViewModel(org.latentlab.model.edit.DesignTemplates.get(template));
        String design = getParameters().getNamed().get("builder-open");
        if (design != null) {
            builderViewModel.open(java.nio.file.Path.of(design));
        }
        Tab builderTab = new Tab("Network builder", new BuilderView(builderViewModel, stage));
        builderTab.setId("tab-builder");
        TabPane tabs = new TabPane(ganTab, modelTab, latentTab, geometryTab, builderTab);
        builderViewModel.setTrainer(t -> {
            if (t instanceof DesignExperiments.Gan g) {
                view.loadSpec(g.spec()); // asks first when that replaces a run with progress
                tabs.getSelectionModel().select(ganTab);
            } else if (t instanceof DesignExperiments.Model m) {
                modelView.loadSpec(m.spec());
                tabs.getSelectionModel().select(modelTab);
            }
        });
        tabs.getTabs().forEach(t -> t.setClosable(false));
        Scene scene = new Scene(tabs, 1440, 900);
        scene.getStylesheets().add(LabApp.class.getResource("lab.css").toExternalForm());
        view.installShortcuts(scene);
        stage.setTitle("Latent Lab");
        stage.setScene(scene);
        stage.show();
        String preset = getParameters().getNamed().getOrDefault("preset", Presets.defaultName());
        String file = getParameters().getNamed().get("experiment");
        boolean start = Boolean.parseBoolean(getParameters().getNamed().getOrDefault("start", "false"));
        String tab = getParameters().getNamed().get("tab");
        boolean models = file != null ? !ExperimentFiles.isGan(ExperimentFiles.readText(java.nio.file.Path.of(file)),
                file) : Presets.isModel(preset);
        if (models) {
            tabs.getSelectionModel().select(modelTab);
            viewModel.loadPreset(Presets.defaultName());
            if (start) {
                modelViewModel.startWhenReady();
            }
            if (file != null) {
                modelViewModel.openFile(java.nio.file.Path.of(file));
            } else {
                modelView.selectPreset(preset);
            }
        } else {
            if (start) {
                viewModel.startWhenReady();
            }
            if (file != null) {
                viewModel.openFile(java.nio.file.Path.of(file));
            } else {
                viewModel.loadPreset(preset);
            }
            modelView.selectPreset(Presets.MODEL_NAMES.get(0));
        }
        String section = getParameters().getNamed().get("geometry");
        String analyse = getParameters().getNamed().get("analyse");
        if ("geometry".equals(tab) || section != null || analyse != null) {
            tabs.getSelectionModel().select(geometryTab);
            GeometryView.Section s = section == null ? GeometryView.Section.SURFACE : GeometryView.section(section);
            String directions = getParameters().getNamed().get("directions");
            if (directions != null) {
                geometry.setSliceDirections(directions);
            }
            if (analyse != null) {
                geometry.analyse(s, analyse);
            } else if (section != null) {
                geometry.select(s);
            }
        } else if ("latent".equals(tab)) {
            tabs.getSelectionModel().select(latentTab);
        } else if ("builder".equals(tab)) {
            tabs.getSelectionModel().select(builderTab);
        }
        openStudio(latentView, getParameters().getNamed());
        // --builder-template=ID (e.g. dcgan-28) and --builder-open=FILE put a design on the builder's canvas
        stage.setOnCloseRequest(e -> {
            viewModel.close();
            modelViewModel.close();
            latentViewModel.close();
            builderViewModel.close();
            Platform.exit();
        });
    }

    /**
     * The latent studio's start-up parameters: {@code --latent-run=FOLDER} opens a run or checkpoint folder,
     * {@code --latent-train=PRESET} (with {@code --latent-iterations=N}) trains a quick model there, and
     * {@code --latent-view=NAME} selects one of its tabs by name (e.g. {@code map}, {@code interpolation}).
     */
    private void openStudio(LatentStudioView view, java.util.Map<String, String> named) {
        String run = named.get("latent-run");
        String train = named.get("latent-train");
        if (run != null) {
            latentViewModel.openFolder(java.nio.file.Path.of(run));
        } else if (train != null) {
            int iterations = Integer.parseInt(named.getOrDefault("latent-iterations",
                    Integer.toString(org.latentlab.experiment.StudioModels.QUICK_ITERATIONS)));
            view.trainQuick(train, iterations);
        }
        String sub = named.get("latent-view");
        if (sub != null) {
            view.tabs().getTabs().stream()
                    .filter(t -> t.getText().toLowerCase(java.util.Locale.ROOT).contains(
                            sub.toLowerCase(java.util.Locale.ROOT)))
                    .findFirst().ifPresent(t -> view.tabs().getSelectionModel().select(t));
        }
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.close();
        }
        if (modelViewModel != null) {
            modelViewModel.close();
        }
        if (latentViewModel != null) {
            latentViewModel.close();
        }
        if (builderViewModel != null) {
            builderViewModel.close();
        }
    }
}
