package org.latentlab.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.train.Backend;
import org.latentlab.ui.geometry.GeometryView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The curvature-along-training panel: a tiny ring autoencoder trained here for 60 iterations keeps six checkpoints,
 * and the panel lists and plots one row per checkpoint, the loss falling, with no one-checkpoint warning.
 */
@ExtendWith(ApplicationExtension.class)
class AlongTrainingViewTest {

    @TempDir
    static Path runs;

    @Start
    void start(Stage stage) {
        Backend.init();
        stage.setScene(new Scene(new GeometryView(stage, runs), 1400, 850));
        stage.show();
    }

    @Test
    void everyCheckpointGivesAPoint(FxRobot robot) throws Exception {
        robot.clickOn("#geometry-training");
        robot.interact(() -> {
            robot.lookup("#training-iterations").queryAs(TextField.class).setText("60");
            robot.lookup("#training-examples").queryAs(TextField.class).setText("32");
            robot.lookup("#training-runs").queryAs(TextField.class).setText("1");
            robot.lookup("#training-steps").queryAs(TextField.class).setText("8");
        });
        TextArea table = robot.lookup("#training-table").queryAs(TextArea.class);
        robot.clickOn("#training-train");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> FxWait.textOf(table).contains("top_eigenvalue"));
        assertEquals(1.0, robot.lookup("#training-progress").queryAs(ProgressBar.class).getProgress());
        String[] rows = Arrays.stream(FxWait.textOf(table).split("\n")).filter(l -> l.trim().matches("\\d+ .*"))
                .toArray(String[]::new);
        assertEquals(6, rows.length, FxWait.textOf(table));
        for (int i = 0; i < rows.length; i++) {
            String[] f = rows[i].trim().split("\\s+");
            assertEquals(10L * (i + 1), Long.parseLong(f[0]), rows[i]);
            assertTrue(Double.parseDouble(f[2]) > 0, "the top eigenvalue of a trained autoencoder's loss: " + rows[i]);
            double negative = Double.parseDouble(f[3]);
            assertTrue(negative >= 0 && negative <= 1, rows[i]);
        }
        double first = Double.parseDouble(rows[0].trim().split("\\s+")[1]);
        double last = Double.parseDouble(rows[5].trim().split("\\s+")[1]);
        assertTrue(last < first, "the loss falls along training: " + first + " -> " + last);
        Label note = robot.lookup("#training-note").queryAs(Label.class);
        assertFalse(note.isVisible() && !note.getText().isEmpty(), note.getText());
    }
}
