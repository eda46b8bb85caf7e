package org.latentlab.ui;

import static org.latentlab.ui.FxWait.waitFor;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.ExperimentRunner;
import javafx.scene.control.Label;
import org.jfree.chart.fx.ChartViewer;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.common.ReplaceRunDialog;
import org.latentlab.ui.reconstruction.HeldOutMeasure;
import org.latentlab.ui.reconstruction.ReconstructionBenchView;
import org.latentlab.ui.reconstruction.ReconstructionBenchViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the autoencoder / VAE bench headless: pick a preset, train, see pictures and curves, keep for comparison. */
@ExtendWith(ApplicationExtension.class)
class ReconstructionBenchViewTest {

    @TempDir
    static Path runs;

    private ReconstructionBenchViewModel vm;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner("test-model-bench", m -> { });
        vm = new ReconstructionBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40), runner);
        ReconstructionBenchView view = new ReconstructionBenchView(vm, stage);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
        runner.close();
    }


    @Test
    void denoisingRunShowsCorruptedInputsCurvesAndComparison(FxRobot robot) {
        // the preset measures every 250 iterations: measured every 20, the first held-out point comes sooner
        ReconstructionExperiment dae = Presets.loadReconstruction("mnist-dae").withIntervals(20, 1000);
        ReconstructionBenchView view = robot.lookup("#modelBenchView").query();
        robot.interact(() -> view.loadSpec(dae));
        waitFor("the run to be ready", () -> "mnist-dae".equals(vm.experimentNameProperty().get())
                && "ready".equals(vm.stateProperty().get()));
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

    private boolean enabled(FxRobot robot, String id) {
        return !robot.lookup(id).queryButton().isDisabled();
    }

    @Test
    void buttonsFollowTheRunAndTheRateIsNeverNaN(FxRobot robot) {
        assertFalse(enabled(robot, "#model-start"), "nothing loaded: no Start");
        assertFalse(enabled(robot, "#model-step"), "nothing loaded: no Step");
        assertFalse(enabled(robot, "#model-pause"), "nothing loaded: no Pause");
        robot.interact(() -> vm.loadPreset("ring8-ae-2d"));
        waitFor("the run to be ready", () -> "ready".equals(vm.stateProperty().get()));
        Label numbers = robot.lookup("#model-numbers").query();
        assertTrue(enabled(robot, "#model-start") && enabled(robot, "#model-step"));
        assertFalse(enabled(robot, "#model-pause"), "ready: nothing to pause");
        assertFalse(numbers.getText().contains("NaN"), numbers.getText());
        robot.clickOn("#model-step");
        waitFor("one iteration", () -> numbers.getText().startsWith("it 1 /"));
        assertFalse(numbers.getText().contains("NaN"), numbers.getText());
        robot.clickOn("#model-start");
        waitFor("the run to train", () -> "running".equals(vm.stateProperty().get()));
        assertTrue(enabled(robot, "#model-pause"));
        assertFalse(enabled(robot, "#model-start"), "running: no Start");
        assertFalse(enabled(robot, "#model-step"), "running: no Step");
        robot.clickOn("#model-pause");
        waitFor("the run to pause", () -> "paused".equals(vm.stateProperty().get()));
        assertEquals("Resume", robot.lookup("#model-start").queryButton().getText());
        assertTrue(enabled(robot, "#model-start") && enabled(robot, "#model-step"));
        assertFalse(enabled(robot, "#model-pause"));
        assertFalse(numbers.getText().contains("NaN"), numbers.getText());
    }

    @Test
    void kindsOfHeldOutMeasureGetTheirOwnChartsAndAVaeItsKlAxis(FxRobot robot) {
        ReconstructionBenchView view = robot.lookup("#modelBenchView").query();
        robot.interact(() -> view.setReplaceAsker(ReplaceRunDialog.Asker.always(ReplaceRunDialog.Choice.DISCARD)));
        for (String preset : new String[] {"mnist-ae", "mnist-vae"}) {
            String name = preset + "-from-the-builder";
            ReconstructionExperiment e = Presets.loadReconstruction(preset).withIterations(400).withIntervals(10, 1000).withName(name);
            robot.interact(() -> view.loadSpec(e));
            waitFor(name + " to be ready", () -> name.equals(vm.experimentNameProperty().get())
                    && "ready".equals(vm.stateProperty().get()));
            assertEquals(name, robot.lookup("#model-preset").queryComboBox().getValue(),
                    "the list names what is on the bench, not the last preset");
            robot.clickOn("#model-start");
            String key = HeldOutMeasure.of(e).key();
            waitFor("a held-out measurement", () -> vm.heldOut().containsKey(key)
                    && vm.heldOut().get(key).getItemCount() >= 1);
            robot.clickOn("#model-pause");
            waitFor("the run to pause", () -> "paused".equals(vm.stateProperty().get()));
            waitFor("a picture", () -> vm.view() != null);
            robot.clickOn("#model-keep");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(2, vm.compared().size());
        ChartViewer activity = robot.lookup("#activity-chart").query();
        String axis = activity.getChart().getXYPlot().getDomainAxis().getLabel();
        assertTrue(axis.contains("KL") && axis.contains("nats"), axis);
        WaitForAsyncUtils.waitForFxEvents();
        ChartViewer ce = robot.lookup("#compare-chart-cross-entropy").query();
        ChartViewer elbo = robot.lookup("#compare-chart-negative-elbo").query();
        assertEquals(1, ce.getChart().getXYPlot().getDataset().getSeriesCount(), "one run per measure");
        assertEquals(1, elbo.getChart().getXYPlot().getDataset().getSeriesCount());
        assertTrue(ce.getChart().getXYPlot().getRangeAxis().getLabel().contains("cross-entropy"));
        assertTrue(elbo.getChart().getXYPlot().getRangeAxis().getLabel().contains("negative ELBO"));
    }

    @Test
    void choosingAnotherPresetWhileRunningAsksAndCancelKeepsTheRun(FxRobot robot) {
        ComboBox<String> presets = robot.lookup("#model-preset").queryComboBox();
        robot.interact(() -> presets.setValue("ring8-ae-2d"));
        waitFor("the run to be ready", () -> "ready".equals(vm.stateProperty().get()));
        robot.clickOn("#model-start");
        waitFor("the run to train", () -> "running".equals(vm.stateProperty().get()));
        robot.interact(() -> presets.setValue("mnist-ae"));
        waitFor("the question", () -> robot.lookup("#replaceDialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#replaceDialog").query();
        assertTrue(pane.getContentText().contains("ring8-ae-2d") && pane.getContentText().contains("mnist-ae"),
                pane.getContentText());
        robot.interact(() -> robot.lookup("#replaceCancel").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ring8-ae-2d", presets.getValue(), "cancel puts the list back on what runs");
        assertEquals("ring8-ae-2d", vm.experimentNameProperty().get());
        assertEquals("running", vm.stateProperty().get(), "cancel keeps the run going");
        robot.interact(() -> presets.setValue("mnist-ae"));
        waitFor("the question again", () -> robot.lookup("#replaceDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#replacePause").queryButton().fire());
        waitFor("the run to pause", () -> "paused".equals(vm.stateProperty().get()));
        assertEquals("ring8-ae-2d", vm.experimentNameProperty().get(), "pause keeps the run");
    }
}
