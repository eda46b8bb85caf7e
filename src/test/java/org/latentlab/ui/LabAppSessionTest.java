package org.latentlab.ui;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanTimelineFiles;
import org.latentlab.experiment.geometry.TinyRuns;
import org.latentlab.train.GanStatus;
import org.latentlab.train.GanTrainer;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.ui.FxWait.waitFor;

/**
 * The whole window (headless Monocle) saved as a session and opened again from it: the same tab and sub-tab, the
 * GAN run reopened at the iteration and with the experiment saved, and its timeline read from the run folder, so
 * the slider goes back to an earlier picture at once.
 */
class LabAppSessionTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aSavedSessionReopensTheSameTabsRunAndTimeline() throws Exception {
        Path runDir;
        try (ExperimentRunner.Session<GanTrainer, GanStatus> s = ExperimentRunner.start(TinyRuns.ringGan(120),
                new ExperimentRunner.Options(dir.resolve("runs"), Path.of("."), 10, 10))) {
            s.run().subscribe(st -> { }); // statuses, and the views the timeline keeps, go to listeners only
            s.run().start();
            s.run().awaitIdle(60_000);
            runDir = s.runDir();
        }
        int snapshots = GanTimelineFiles.read(runDir).views().size();
        assertTrue(snapshots >= 3, "the run wrote a timeline: " + snapshots);

        Path session = dir.resolve("class.json");
        Application app = FxToolkit.setupApplication(LabApp.class, "--run=" + runDir, "--tab=geometry",
                "--geometry=hessian");
        try {
            Label iteration = robot.lookup("#iterationLabel").queryAs(Label.class);
            waitFor("the run reopened at 120", () -> iteration.getText().startsWith("it 120 "));
            ((LabApp) app).saveSession(session).get(60, TimeUnit.SECONDS);
        } finally {
            FxToolkit.cleanupApplication(app);
        }
        LabSession saved = LabSession.read(session);
        assertEquals(runDir.toAbsolutePath().normalize().toString(), saved.gan().run());
        assertEquals("geometry", saved.tab());
        assertEquals("hessian", saved.geometry());

        app = FxToolkit.setupApplication(LabApp.class, "--session=" + session);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            TabPane tabs = robot.lookup("#lab-tabs").queryAs(TabPane.class);
            assertEquals("tab-geometry", tabs.getSelectionModel().getSelectedItem().getId());
            TabPane geometryTabs = (TabPane) ((javafx.scene.layout.BorderPane) tabs.getSelectionModel()
                    .getSelectedItem().getContent()).getCenter();
            assertEquals("geometry-hessian", geometryTabs.getSelectionModel().getSelectedItem().getId());
            Label iteration = robot.lookup("#iterationLabel").queryAs(Label.class);
            Label description = robot.lookup("#descriptionLabel").queryAs(Label.class);
            waitFor("the run reopened at 120", () -> iteration.getText().startsWith("it 120 "));
            assertTrue(description.getText().startsWith("tiny-gan"), description.getText());

            Slider slider = robot.lookup("#timelineSlider").queryAs(Slider.class);
            Label label = robot.lookup("#timelineLabel").queryAs(Label.class);
            waitFor("the timeline read back", () -> slider.getMax() >= snapshots - 1);
            assertTrue(label.getText().contains("live"), label.getText());
            robot.interact(() -> slider.setValue(0));
            String shown = label.getText();
            assertTrue(shown.startsWith("iteration ") && !shown.startsWith("iteration 120 ")
                    && shown.contains("snapshot 1 of"), shown);
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }
}
