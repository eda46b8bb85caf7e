package org.latentlab.ui.studies;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.experiment.randomlabels.RandomLabelsOptions;
import org.latentlab.experiment.randomlabels.RandomLabelsResult;
import org.latentlab.experiment.sensitivity.SensitivityOptions;
import org.latentlab.experiment.sensitivity.SensitivityResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The random-labels and sensitivity lectures as a person sees them: the introduction first, then, as results arrive,
 * the curves and table or the scatter and its correlations (results made by hand, so nothing trains here).
 */
@ExtendWith(ApplicationExtension.class)
class TheoryLecturesPanesTest {

    private RandomLabelsPane labels;
    private SensitivityPane sensitivity;

    @Start
    void start(Stage stage) {
        labels = new RandomLabelsPane(new RandomLabelsViewModel(new DirectTaskRunner(), Path.of(".")));
        sensitivity = new SensitivityPane(new SensitivityViewModel(new DirectTaskRunner(), Path.of(".")));
        stage.setScene(new Scene(new HBox(labels, sensitivity), 1600, 800));
        stage.show();
    }

    private static String texts(Node table) {
        StringBuilder b = new StringBuilder();
        for (Node n : ((GridPane) table).getChildren()) {
            b.append(((Label) n).getText()).append('|');
        }
        return b.toString();
    }

    @Test
    void bothLecturesAreListedAndFoundByTheirIds() {
        assertTrue(Lectures.find("random-labels").isPresent());
        assertTrue(Lectures.find("Sensitivity").isPresent());
    }

    @Test
    void randomLabelsShowsTheCurvesAndSaysWhichRunIsStillTraining(FxRobot robot) {
        assertTrue(robot.lookup("#random-labels-intro").tryQuery().isPresent());
        assertTrue(robot.lookup("#random-labels-curves").tryQuery().isEmpty());
        RandomLabelsOptions o = new RandomLabelsOptions(1000, 1000, 1000, 100, 0.5, false);
        RandomLabelsResult r = new RandomLabelsResult(o, "mlp", List.of(
                new RandomLabelsResult.Run("true labels", "1,000 digits", 0, new long[] {0, 100, 200},
                        new double[] {0.1, 0.97, 1.0}, new double[] {0.1, 0.88, 0.9}, 200, 3.0),
                new RandomLabelsResult.Run("all shuffled", "1,000 digits, shuffled", 900, new long[] {0, 100},
                        new double[] {0.1, 0.4}, new double[] {0.1, 0.09}, -1, Double.NaN)), 5, false);
        robot.interact(() -> labels.model().result().set(r));
        assertTrue(robot.lookup("#random-labels-curves").tryQuery().isPresent());
        String table = texts(robot.lookup("#random-labels-table").query());
        assertTrue(table.contains("iteration 200 (3 s)"), table);
        assertTrue(table.contains("not yet (training)"), table);
        assertTrue(table.contains("|40.0|9.0|"), table);
    }

    @Test
    void sensitivityShowsTheScatterAndItsCorrelationsFromThreeRuns(FxRobot robot) {
        assertTrue(robot.lookup("#sensitivity-intro").tryQuery().isPresent());
        SensitivityOptions o = new SensitivityOptions(new int[] {250}, new double[] {0, 0.5, 1}, 100, 100, 10);
        List<SensitivityResult.Point> points = List.of(
                new SensitivityResult.Point(250, 0, 1.0, 0.8, 0.5, 0.1),
                new SensitivityResult.Point(250, 0.5, 1.0, 0.55, 2.0, 0.3),
                new SensitivityResult.Point(250, 1, 1.0, 0.1, 2.4, 0.3));
        robot.interact(() -> sensitivity.model().result().set(new SensitivityResult(o, "mlp", points.subList(0, 2),
                1, false)));
        assertTrue(robot.lookup("#sensitivity-scatter").tryQuery().isPresent());
        Label c = robot.lookup("#sensitivity-correlation").queryAs(Label.class);
        assertTrue(c.getText().contains("at least 3 runs"), c.getText());
        robot.interact(() -> sensitivity.model().result().set(new SensitivityResult(o, "mlp", points, 2, true)));
        assertEquals("Pearson r (gap, log ‖J‖_F) = 0.84, Spearman ρ (gap, ‖J‖_F) = 1.00 over 3 runs", c.getText());
        String table = texts(robot.lookup("#sensitivity-table").query());
        assertTrue(table.contains("|250|100|100.0|10.0|90.0|2.400|"), table);
        assertFalse(table.contains("NaN"), table);
    }
}
