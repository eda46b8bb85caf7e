package org.latentlab.ui;

import static org.latentlab.ui.FxWait.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.Checkpoint;
import org.latentlab.experiment.Checkpoints;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SettingsChanges;
import org.latentlab.experiment.geometry.TinyRuns;
import org.latentlab.train.RunState;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.gan.GanBenchView;
import org.latentlab.ui.gan.GanBenchViewModel;
import org.latentlab.ui.reconstruction.ReconstructionBenchView;
import org.latentlab.ui.reconstruction.ReconstructionBenchViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated settings panel on both benches, driven headless: a setting changed before the run loads the
 * experiment again with it; one changed while paused reaches the run, which records it in its folder's
 * settings-changes.jsonl with the iteration and saves it in the checkpoint; one that shapes a network stays locked.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsPanelViewTest {

    @TempDir
    static Path runs;

    private GanBenchViewModel gan;
    private ReconstructionBenchViewModel models;
    private FxTaskRunner runner;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        runner = new FxTaskRunner("test-settings-panel", m -> { });
        ExperimentRunner.Options options = new ExperimentRunner.Options(runs, Path.of("."), 20, 40);
        gan = new GanBenchViewModel(options, runner);
        models = new ReconstructionBenchViewModel(options, runner);
    }

    @AfterEach
    void close() {
        gan.close();
        models.close();
        runner.close();
    }

    /** Types {@code text} into the setting's field and ends the edit with Enter, as a person does. */
    private static void type(FxRobot robot, String path, String text) {
        TextField f = robot.lookup("#setting-" + path.replace('.', '-')).queryAs(TextField.class);
        robot.interact(() -> {
            f.setText(text);
            f.fireEvent(new ActionEvent());
        });
    }

    private static JsonNode checkpointState(Path runDir) throws Exception {
        Path newest = Checkpoints.newestIntact(runDir);
        return ExperimentFiles.mapper().readTree(newest.resolve("state.json").toFile());
    }

    @Test
    void ganBenchBeforeTheRunAndWhilePaused(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setScene(new Scene(new GanBenchView(gan, stage), 1280, 800));
            stage.show();
            gan.loadSpec(TinyRuns.ringGan(1000));
        });
        waitFor("the GAN run to be ready", () -> gan.stateProperty().get() == RunState.READY);
        robot.clickOn("#settingsToggle");
        type(robot, "iterations", "600");
        robot.clickOn("#settingsApply");
        waitFor("the experiment loaded again with 600 iterations", () -> gan.specProperty().get() != null
                && gan.specProperty().get().iterations() == 600 && gan.stateProperty().get() == RunState.READY);

        for (int i = 0; i < 3; i++) {
            robot.clickOn("#stepButton");
        }
        waitFor("three iterations", () -> gan.statusProperty().get().iteration() == 3
                && gan.stateProperty().get() == RunState.PAUSED);
        assertTrue(robot.lookup("#setting-training-batchSize").queryAs(TextField.class).isDisabled(),
                "the batch size is locked while paused");
        type(robot, "training.discriminatorSteps", "2");
        type(robot, "training.generatorOptimizer.learningRate", "0.0005");
        robot.clickOn("#settingsApply");
        waitFor("the run to take k = 2", () -> gan.statusProperty().get().settings().discriminatorSteps() == 2);
        assertEquals(0.0005, gan.statusProperty().get().settings().generatorOptimizer().learningRate());
        Path runDir = gan.runDir();
        List<SettingsChanges.Entry> log = SettingsChanges.read(runDir);
        assertEquals(List.of("training.discriminatorSteps", "training.generatorOptimizer.learningRate"),
                log.stream().map(SettingsChanges.Entry::field).toList());
        assertEquals(3, log.get(0).iteration());
        assertEquals(1, log.get(0).oldValue().asInt());
        assertEquals(2, log.get(0).newValue().asInt());

        robot.interact(gan::close); // closing saves the last checkpoint
        JsonNode state = checkpointState(runDir);
        assertEquals(3, state.get("iteration").asLong());
        assertEquals(2, state.at("/settings/discriminatorSteps").asInt());
        assertEquals(0.0005, state.at("/settings/generatorOptimizer/learningRate").asDouble());
        GanExperiment saved = ExperimentFiles.readGan(runDir.resolve("spec.json"));
        assertEquals(600, saved.iterations(), "the change before the run is in the experiment itself");
    }

    @Test
    void autoencoderBenchWhilePaused(FxRobot robot) throws Exception {
        ReconstructionExperiment spec = TinyRuns.ringModel(Family.VAE, 1000, 1000);
        robot.interact(() -> {
            stage.setScene(new Scene(new ReconstructionBenchView(models, stage), 1280, 800));
            stage.show();
            models.loadSpec(spec);
        });
        waitFor("the VAE run to be ready", () -> models.runStateProperty().get() == RunState.READY);
        robot.clickOn("#model-settings");
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#model-step");
        }
        waitFor("four iterations", () -> models.last() != null && models.last().progress().iteration() == 4
                && models.runStateProperty().get() == RunState.PAUSED);
        type(robot, "training.beta", "abc");
        assertTrue(models.settingsPanel().field("training.beta").invalidProperty().get());
        type(robot, "training.beta", "4000");
        assertEquals("training.beta must be in (0, 1000], not 4000.0",
                robot.lookup("#settingsMessage").queryLabeled().getText());
        type(robot, "training.beta", "4");
        robot.clickOn("#settingsApply");
        waitFor("the run to take beta = 4", () -> ((ReconstructionExperiment) models.settingsPanel().inForce())
                .training().beta() == 4.0);
        Path runDir = runs.toFile().listFiles((d, n) -> n.endsWith("-tiny-vae"))[0].toPath();
        List<SettingsChanges.Entry> log = SettingsChanges.read(runDir);
        assertEquals(1, log.size());
        assertEquals("training.beta", log.get(0).field());
        assertEquals(4, log.get(0).iteration());
        assertEquals(4.0, log.get(0).newValue().asDouble());

        robot.interact(models::close);
        JsonNode state = checkpointState(runDir);
        assertEquals(4, state.get("iteration").asLong());
        AutoencoderSettings inCheckpoint = ExperimentFiles.mapper().treeToValue(state.get("settings"),
                AutoencoderSettings.class);
        assertEquals(4.0, inCheckpoint.beta());
        assertEquals(4, Checkpoint.savedIteration(Checkpoints.newestIntact(runDir)));
    }
}
