package org.latentlab.ui.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.core.DirectTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wake-sleep study's explaining-away half, driven as a person would: clamp the house off and on. */
@ExtendWith(ApplicationExtension.class)
class WakeSleepPaneTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new WakeSleepPane(new WakeSleepViewModel(new DirectTaskRunner())), 1200, 850));
        stage.show();
    }

    @Test
    void clampingTheHouseOffAndOnChangesThePosteriorTable(FxRobot robot) {
        Label neither = robot.lookup("#wake-sleep-exact-0").queryAs(Label.class);
        Label both = robot.lookup("#wake-sleep-q-3").queryAs(Label.class);
        assertEquals("4.54e-05", neither.getText());
        assertEquals("0.250000", both.getText());
        robot.clickOn("#wake-sleep-clamp");
        WaitForAsyncUtils.waitForFxEvents();
        Label lesson = robot.lookup("#wake-sleep-lesson").queryAs(Label.class);
        assertTrue(lesson.getText().contains("The house is still"), lesson.getText());
        assertEquals("0.999955", robot.lookup("#wake-sleep-exact-0").queryAs(Label.class).getText());
        robot.clickOn("#wake-sleep-clamp");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#wake-sleep-lesson").queryAs(Label.class).getText().contains("explains the other"
                + " away"));
    }
}
