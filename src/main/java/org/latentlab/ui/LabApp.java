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
import org.latentlab.ui.geometry.GeometryView;
import org.latentlab.ui.models.ModelBenchView;
import org.latentlab.ui.models.ModelBenchViewModel;
import org.latentlab.ui.training.TrainingView;
import org.latentlab.ui.training.TrainingViewModel;

/**
 * The window: two benches in tabs, the GAN dashboard and the autoencoder / VAE / RBM bench, each opened on a
 * preset, ready to train. Named parameters (a preset or file picks its bench):
 * {@code --preset=NAME}, {@code --experiment=FILE.json}, {@code --start=true} (start training at once),
 * {@code --tab=geometry} (open on the geometry bench), {@code --geometry=toy|hessian|surface|tangents|training} (its
 * sub-tab), {@code --analyse=FOLDER} (open a run or checkpoint folder in that sub-tab and start its computation: a
 * 2-D slice, the tangents, the curvature along training, or the Hessian panel's loss), {@code
 * --directions=random|hessian|pca} (the slice's plane).
 */
public final class LabApp extends Application {

    private TrainingViewModel viewModel;
    private ModelBenchViewModel modelViewModel;

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
        TabPane tabs = new TabPane(ganTab, modelTab, geometryTab);
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
        }
        stage.setOnCloseRequest(e -> {
            viewModel.close();
            modelViewModel.close();
            Platform.exit();
        });
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.close();
        }
        if (modelViewModel != null) {
            modelViewModel.close();
        }
    }
}
