package org.latentlab.ui;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.ui.models.ModelBenchView;
import org.latentlab.ui.models.ModelBenchViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the autoencoder / VAE bench headless: pick a preset, train, see pictures and curves, keep for comparison. */
@ExtendWith(ApplicationExtension.class)
class ModelBenchViewTest {

    @TempDir
    static Path runs;

    private ModelBenchViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ModelBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40));
        ModelBenchView view = new ModelBenchView(vm, stage);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private static void waitFor(String what, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> condition.get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void denoisingRunShowsCorruptedInputsCurvesAndComparison(FxRobot robot) {
        ComboBox<String> presets = robot.lookup("#model-preset").queryComboBox();
        robot.interact(() -> presets.setValue("mnist-dae"));
        waitFor("the run to be ready", () -> "ready".equals(vm.stateProperty().get()));
        robot.clickOn("#model-start");
        waitFor("a held-out measurement", () -> vm.heldOut().containsKey("held-out reconstruction")
                && vm.heldOut().get("held-out reconstruction").getItemCount() >= 1);
        robot.interact(vm::pause);
        waitFor("the run to pause", () -> "paused".equals(vm.stateProperty().get()));
        waitFor("a picture", () -> vm.view() != null);
        ImageView inputs = robot.lookup("#model-inputs").queryAs(ImageView.class);
        ImageView corrupted = robot.lookup("#model-corrupted").queryAs(ImageView.class);
        ImageView filters = robot.lookup("#model-filters").queryAs(ImageView.class);
        assertNotNull(inputs.getImage(), "held-out inputs drawn");
        assertNotNull(corrupted.getImage(), "a denoising AE shows its corrupted inputs");
        assertTrue(corrupted.isVisible());
        assertNotNull(filters.getImage(), "first-layer filters drawn");
        assertTrue(vm.losses().containsKey("reconstruction"), "the loss chart has the reconstruction part");
        robot.clickOn("#model-keep");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.compared().size(), "the run is kept for comparison");
    }
}
