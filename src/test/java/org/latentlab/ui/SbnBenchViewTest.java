package org.latentlab.ui;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Presets;
import org.latentlab.train.Metric;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.reconstruction.HeldOutMeasure;
import org.latentlab.ui.reconstruction.ReconstructionBenchView;
import org.latentlab.ui.reconstruction.ReconstructionBenchViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.ui.FxWait.waitFor;

/**
 * The autoencoder / VAE / RBM bench trains the sigmoid belief net preset picked from its list: the held-out bound
 * curve, dreams, reconstructions and generative filters under their own titles, and a run kept for comparison by
 * its bound.
 */
@ExtendWith(ApplicationExtension.class)
class SbnBenchViewTest {

    @TempDir
    static Path runs;

    private ReconstructionBenchViewModel vm;
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner("test-sbn-bench", m -> { });
        vm = new ReconstructionBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40), runner);
        stage.setScene(new Scene(new ReconstructionBenchView(vm, stage), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
        runner.close();
    }

    @Test
    void theBenchTrainsTheSbnPresetAndShowsItsPictures(FxRobot robot) {
        ComboBox<String> presets = robot.lookup("#model-preset").queryComboBox();
        assertTrue(presets.getItems().contains("mnist-sbn"), "listed: " + presets.getItems());
        robot.interact(() -> presets.setValue("mnist-sbn"));
        waitFor("the run to be ready", () -> "mnist-sbn".equals(vm.experimentNameProperty().get())
                && "ready".equals(vm.stateProperty().get()));
        robot.clickOn("#model-start");
        String bound = Metric.HELD_OUT_NEGATIVE_BOUND.label();
        waitFor("a held-out bound", () -> vm.heldOut().containsKey(bound) && vm.heldOut().get(bound).getItemCount() >= 1);
        robot.clickOn("#model-pause");
        waitFor("the run to pause", () -> "paused".equals(vm.stateProperty().get()));
        waitFor("a picture", () -> vm.view() != null);
        WaitForAsyncUtils.waitForFxEvents();
        double value = vm.heldOut().get(bound).getY(0).doubleValue();
        assertTrue(value > 50 && value < 544, "a negative bound in nats per binarised MNIST image, below 784 log 2: "
                + value);
        assertTrue(vm.losses().containsKey("negative bound"), "the loss chart: " + vm.losses().keySet());
        for (String id : new String[] {"#model-inputs", "#model-reconstructions", "#model-samples", "#model-filters"}) {
            assertNotNull(robot.lookup(id).queryAs(ImageView.class).getImage(), id + " drawn");
        }
        assertTrue(robot.lookup((Label l) -> l.getText().startsWith("samples of the generative net: dreams"))
                .tryQuery().isPresent(), "the samples say they are dreams of the generative net");
        assertTrue(robot.lookup((Label l) -> l.getText().startsWith("generative filters"))
                .tryQuery().isPresent(), "the filters say they are generative");
        assertTrue(((Label) robot.lookup("#model-numbers").query()).getText().contains("wake-sleep 784-100-20"));
        robot.clickOn("#model-keep");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.compared().size());
        assertEquals(HeldOutMeasure.NEGATIVE_BOUND, vm.compared().get(0).measure());
        assertEquals(Presets.loadSbn("mnist-sbn").name(), presets.getValue());
    }
}
