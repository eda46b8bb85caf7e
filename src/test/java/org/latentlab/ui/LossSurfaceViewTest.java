package org.latentlab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loss-surface panel driven as a person would: train the tiny 2-D ring autoencoder here for 60 iterations (six
 * checkpoints), scan a 9 × 9 slice on the trajectory's principal components with the range fitted to it, and see
 * progress, then a surface with no cell left grey and the orange trajectory labelled by iteration; the CSV export
 * writes the scan and the trajectory.
 */
@ExtendWith(ApplicationExtension.class)
class LossSurfaceViewTest {

    @TempDir
    static Path runs;

    private GeometryView view;

    @Start
    void start(Stage stage) {
        Backend.init();
        view = new GeometryView(stage, runs);
        stage.setScene(new Scene(view, 1400, 850));
        stage.show();
    }

    @Test
    void aSliceShowsProgressThenAFilledSurfaceWithTheTrajectory(FxRobot robot) throws Exception {
        robot.clickOn("#geometry-surface");
        TextArea report = robot.lookup("#surface-report").queryAs(TextArea.class);
        robot.interact(() -> {
            robot.lookup("#surface-preset").queryAs(ComboBox.class).setValue("ring8-ae-2d");
            robot.lookup("#surface-iterations").queryAs(TextField.class).setText("60");
            robot.lookup("#surface-examples").queryAs(TextField.class).setText("64");
            robot.lookup("#surface-grid").queryAs(TextField.class).setText("9");
        });
        robot.clickOn("#surface-train");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> FxWait.textOf(report).startsWith("Opened"));
        assertTrue(FxWait.textOf(report).contains("ring8-ae-2d"), FxWait.textOf(report));

        robot.interact(() -> robot.lookup("#surface-directions").queryAs(ComboBox.class).getSelectionModel()
                .select(2));
        assertTrue(robot.lookup("#surface-fit").queryAs(CheckBox.class).isSelected(),
                "principal components fit the range to the trajectory");
        ProgressBar progress = robot.lookup("#surface-progress").queryAs(ProgressBar.class);
        List<Double> seen = new ArrayList<>();
        progress.progressProperty().addListener((o, was, now) -> seen.add(now.doubleValue()));
        robot.clickOn("#surface-scan");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> FxWait.textOf(report).startsWith("2-D slice"));
        String text = FxWait.textOf(report);
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 1), "progress shown while scanning: " + seen);
        assertEquals(1.0, progress.getProgress());
        assertTrue(text.contains("9 × 9") && text.contains("principal components"), text);
        // the initial weights and six checkpoints
        assertTrue(text.contains("Trajectory: 7 points"), text);
        double range = Double.parseDouble(robot.lookup("#surface-range").queryAs(TextField.class).getText());
        assertTrue(range > 0 && range != 1.0, "the range was fitted to the trajectory: " + range);

        WritableImage shot = snapshot(robot, robot.lookup("#surface-contour").query());
        int[] counts = count(shot);
        int area = (int) (shot.getWidth() * shot.getHeight());
        assertTrue(counts[0] > area / 5, "the heat map covers the plot: " + counts[0] + " of " + area);
        // a pending cell would be a grey block of hundreds of pixels; a few can be anti-aliased text
        assertTrue(counts[1] < 200, "no cell is left pending (grey): " + counts[1]);
        assertTrue(counts[2] > 30, "the orange trajectory is drawn: " + counts[2] + " pixels");

        Path csv = runs.resolve("export.csv");
        assertTrue(Files.size(csvOf(robot, csv)) > 0);
        List<String> trajectory = Files.readAllLines(runs.resolve("export-trajectory.csv"));
        assertEquals(7, trajectory.stream().filter(l -> l.matches("\\d+,.*")).count(), trajectory.toString());
        assertEquals(81, Files.readAllLines(csv).stream().filter(l -> l.matches("\\d+,\\d+,.*\\d")).count());
    }

    @Test
    void aCancelledScanContinuesWhereItStopped(FxRobot robot) throws Exception {
        robot.clickOn("#geometry-surface");
        TextArea report = robot.lookup("#surface-report").queryAs(TextArea.class);
        robot.interact(() -> {
            robot.lookup("#surface-iterations").queryAs(TextField.class).setText("60");
            robot.lookup("#surface-examples").queryAs(TextField.class).setText("500");
            robot.lookup("#surface-grid").queryAs(TextField.class).setText("41");
        });
        robot.clickOn("#surface-train");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> FxWait.textOf(report).startsWith("Opened"));
        ProgressBar progress = robot.lookup("#surface-progress").queryAs(ProgressBar.class);
        robot.clickOn("#surface-scan");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> progress.getProgress() > 0.5);
        robot.clickOn("#surface-cancel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> FxWait.textOf(report).startsWith("Scan stopped"));
        // the rows computed so far stay drawn: part of the plot is heat map, part still grey
        int[] partial = count(snapshot(robot, robot.lookup("#surface-contour").query()));
        assertTrue(partial[0] > 1000 && partial[1] > 1000, "computed and pending cells: " + partial[0] + ", "
                + partial[1]);
        robot.clickOn("#surface-continue");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> FxWait.textOf(report).startsWith("2-D slice"));
        String text = FxWait.textOf(report);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) cells came from the earlier").matcher(text);
        assertTrue(m.find(), text);
        int resumed = Integer.parseInt(m.group(1));
        assertTrue(resumed >= 41 && resumed < 41 * 41, "whole rows kept, not all: " + resumed);
        assertTrue(count(snapshot(robot, robot.lookup("#surface-contour").query()))[1] < 200, "no cell pending");
    }

    /** Writes the CSV export without the file dialog (the button opens a chooser). */
    private Path csvOf(FxRobot robot, Path file) {
        robot.interact(() -> view.exportSurfaceCsv(file));
        return file;
    }

    private static WritableImage snapshot(FxRobot robot, Node node) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = node.snapshot(null, null));
        return out[0];
    }

    /** {saturated heat-map pixels, pending-grey pixels, trajectory-orange pixels}. */
    private static int[] count(WritableImage img) {
        PixelReader r = img.getPixelReader();
        int[] c = new int[3];
        Color pending = Color.web("#d9d9d9");
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color p = r.getColor(x, y);
                if (p.getSaturation() > 0.3 && p.getBrightness() > 0.25) {
                    c[0]++;
                }
                if (Math.abs(p.getRed() - pending.getRed()) < 0.01 && Math.abs(p.getGreen() - pending.getGreen())
                        < 0.01 && Math.abs(p.getBlue() - pending.getBlue()) < 0.01) {
                    c[1]++;
                }
                if (p.getRed() > 0.95 && p.getGreen() > 0.55 && p.getGreen() < 0.70 && p.getBlue() < 0.25) {
                    c[2]++;
                }
            }
        }
        return c;
    }
}
