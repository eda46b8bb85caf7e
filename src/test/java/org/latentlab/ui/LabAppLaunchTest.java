package org.latentlab.ui;

import static org.latentlab.ui.FxWait.waitFor;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.Presets;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole window started as from the command line (headless Monocle): an experiment file that is missing or not
 * JSON still opens the window, on the default experiment, with one line at the bottom saying what was wrong.
 */
class LabAppLaunchTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void anExperimentFileWithAJsonSyntaxErrorOpensTheWindowOnTheDefaultExperiment() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, Presets.text("ring8-nsgan").replaceFirst("\\{", "{ \"name\" \"x\",\n"));
        assertOpensOnTheDefault("--experiment=" + file, "--experiment", "broken.json", "line");
    }

    @Test
    void aMissingExperimentFileOpensTheWindowOnTheDefaultExperiment() throws Exception {
        Path file = dir.resolve("nowhere.json");
        assertOpensOnTheDefault("--experiment=" + file, "--experiment", "nowhere.json", "no such experiment file");
    }

    private void assertOpensOnTheDefault(String arg, String... fragments) throws Exception {
        Application app = FxToolkit.setupApplication(LabApp.class, arg);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Label message = robot.lookup("#launch-message").queryAs(Label.class);
            String text = message.getText();
            assertTrue(message.isVisible() && message.getScene() != null, "the message is shown");
            assertFalse(text.contains("\n") || text.contains("Exception"), text);
            for (String f : fragments) {
                assertTrue(text.contains(f), () -> "'" + text + "' should mention '" + f + "'");
            }
            TabPane tabs = robot.lookup("#lab-tabs").queryAs(TabPane.class);
            assertEquals("GAN bench", tabs.getSelectionModel().getSelectedItem().getText());
            Label description = robot.lookup("#descriptionLabel").queryAs(Label.class);
            waitFor("the default experiment", () -> description.getText().startsWith(Presets.defaultName() + " "));

            robot.clickOn("#launch-message-close");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(null, message.getScene(), "the line is dismissed");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }

}
