package org.latentlab.ui;

import static org.latentlab.ui.FxWait.waitFor;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * The whole window with a lesson (headless Monocle): the first step's action shows the geometry bench's toy surfaces
 * and runs Newton's method onto the saddle; Next loads a GAN preset, sets k through the bench's own field and trains
 * to an iteration, then pauses; presenter mode enlarges the fonts.
 */
class LessonWindowTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void nextPerformsTheStepsActionAndPresenterModeEnlargesTheFonts() throws Exception {
        Path file = dir.resolve("two-steps.json");
        Files.writeString(file, """
                {"title": "Two steps", "summary": "A test lesson.", "steps": [
                  {"title": "Newton on the saddle", "text": "Newton's method jumps **onto** the saddle.",
                   "action": {"tab": "geometry", "view": "toy", "set": {"toy.surface": "saddle",
                     "toy.method": "newton", "toy.step": "1", "toy.steps": "20", "toy.start": "0.05, 1.5"}},
                   "lookFor": "It converges after one step."},
                  {"title": "A GAN", "text": "- k = 3\\n- 30 iterations",
                   "action": {"preset": "ring8-minimax", "set": {"gan.k": "3"}, "run": "30"}}
                ]}
                """);
        Application app = FxToolkit.setupApplication(LabApp.class, "--lesson=" + file);
        try {
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#lesson-panel").tryQuery().isPresent(), "the panel is shown");
            assertEquals("step 1 of 2", robot.lookup("#lesson-position").queryAs(Label.class).getText());
            assertEquals("Newton's method jumps onto the saddle.", robot.lookup("#lesson-text")
                    .queryAs(org.latentlab.ui.lessons.LessonTextFlow.class).plainText());
            TabPane tabs = robot.lookup("#lab-tabs").queryAs(TabPane.class);
            assertEquals("Geometry", tabs.getSelectionModel().getSelectedItem().getText());
            Label report = robot.lookup("#toy-status").queryAs(Label.class);
            waitFor("Newton's path on the saddle", 30, () -> report.getText().contains("converged after 1 step"));

            robot.clickOn("#lesson-next");
            assertEquals("step 2 of 2", robot.lookup("#lesson-position").queryAs(Label.class).getText());
            Label message = robot.lookup("#lesson-message").queryAs(Label.class);
            waitFor("the run paused at its iteration", 90, () -> message.getText().startsWith("paused at iteration"));
            assertEquals("GAN bench", tabs.getSelectionModel().getSelectedItem().getText());
            Label description = robot.lookup("#descriptionLabel").queryAs(Label.class);
            assertTrue(description.getText().startsWith("ring8-minimax"), description.getText());
            long at = Long.parseLong(message.getText().replaceAll("[^0-9]", ""));
            assertTrue(at >= 30, message.getText());
            assertEquals("3", robot.lookup("#kField").queryAs(TextField.class).getText(), "k set through the form");
            assertFalse(message.getStyleClass().contains("message-error"));

            Label title = robot.lookup("#lesson-title").queryAs(Label.class);
            double before = title.getFont().getSize();
            BorderPane root = (BorderPane) title.getScene().getRoot();
            assertFalse(root.getStyleClass().contains(LessonsSetup.PRESENTER));
            MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
            CheckMenuItem presenter = (CheckMenuItem) bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "menu-presenter".equals(i.getId())).findFirst().orElseThrow();
            Platform.runLater(() -> presenter.setSelected(true));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(root.getStyleClass().contains(LessonsSetup.PRESENTER));
            waitFor("the larger font", () -> title.getFont().getSize() > before * 1.2);
            // 0.92em of 17 px (13 px outside presenter mode: 12 px)
            double rootSize = robot.lookup("#lesson-position").queryAs(Label.class).getFont().getSize();
            assertTrue(rootSize > 14.5, "presenter font " + rootSize);
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void thePresenterOptionOpensInPresenterMode() throws Exception {
        Application app = FxToolkit.setupApplication(LabApp.class, "--presenter", "--tab=builder");
        try {
            WaitForAsyncUtils.waitForFxEvents();
            BorderPane root = (BorderPane) robot.lookup("#lab-tabs").query().getScene().getRoot();
            assertTrue(root.getStyleClass().contains(LessonsSetup.PRESENTER));
            assertTrue(robot.lookup("#lesson-panel").tryQuery().isEmpty(), "no lesson asked: no panel");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }
}
