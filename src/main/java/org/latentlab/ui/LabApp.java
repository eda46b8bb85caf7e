package org.latentlab.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Presets;
import org.latentlab.ui.training.TrainingView;
import org.latentlab.ui.training.TrainingViewModel;

/**
 * The window: the GAN training dashboard, opened on the default preset, ready to train. Named parameters:
 * {@code --preset=NAME}, {@code --experiment=FILE.json}, {@code --start=true} (start training at once).
 */
public final class LabApp extends Application {

    private TrainingViewModel viewModel;

    @Override
    public void start(Stage stage) {
        viewModel = new TrainingViewModel(ExperimentRunner.Options.defaults());
        TrainingView view = new TrainingView(viewModel, stage);
        Scene scene = new Scene(view, 1440, 900);
        scene.getStylesheets().add(LabApp.class.getResource("lab.css").toExternalForm());
        view.installShortcuts(scene);
        stage.setTitle("Latent Lab — GAN bench");
        stage.setScene(scene);
        stage.show();
        String preset = getParameters().getNamed().getOrDefault("preset", Presets.defaultName());
        if (Boolean.parseBoolean(getParameters().getNamed().getOrDefault("start", "false"))) {
            viewModel.startWhenReady();
        }
        String file = getParameters().getNamed().get("experiment");
        if (file != null) {
            viewModel.openFile(java.nio.file.Path.of(file));
        } else {
            viewModel.loadPreset(preset);
        }
        stage.setOnCloseRequest(e -> {
            viewModel.close();
            Platform.exit();
        });
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.close();
        }
    }
}
