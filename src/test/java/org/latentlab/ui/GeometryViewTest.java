package org.latentlab.ui;

import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.train.Backend;
import org.latentlab.ui.geometry.GeometryView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The geometry bench driven as a person would: a click on the saddle −x² + 3y² runs gradient descent from there and
 * reports the Hessian and the verdict; a spectrum of a small autoencoder trained here (into a run folder) shows
 * progress, then a density, and a second request is read back from the checkpoint's analysis folder.
 */
@ExtendWith(ApplicationExtension.class)
class GeometryViewTest {

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path runs;

    private GeometryView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Backend.init();
        view = new GeometryView(stage, runs);
        stage.setScene(new Scene(view, 1400, 850));
        stage.show();
    }

    @Test
    void clickOnTheSaddleRunsAPathAndGivesTheVerdict(FxRobot robot) throws Exception {
        TextArea report = robot.lookup("#toy-report").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxWait.textOf(report).contains("Click anywhere"));
        javafx.scene.layout.Region pane = robot.lookup("#toy-contour").queryAs(javafx.scene.layout.Region.class);
        assertTrue(pane.getWidth() > 100);
        // a point left of the saddle point and a little above the x axis (the plot square starts at 40, 10)
        double side = Math.min(pane.getWidth() - 50, pane.getHeight() - 40);
        javafx.geometry.Point2D origin = pane.localToScreen(0, 0);
        robot.clickOn(origin.getX() + 40 + side * 0.3, origin.getY() + 10 + side * 0.45);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxWait.textOf(report).contains("START"));
        String text = FxWait.textOf(report);
        assertTrue(text.contains("gradient descent"), text);
        // −x² + 3y² has eigenvalues −2 and 6 everywhere: a saddle curvature at both ends of the path
        assertTrue(text.contains("λ1 = -2.0000") && text.contains("λ2 = 6.0000"), text);
        assertTrue(text.contains("saddle"), text);
        // from x ≈ −0.8, x grows by 1.1 per step: the path runs off, and the panel says why
        assertTrue(text.contains("diverged") && text.contains("unbounded below"), text);
        assertTrue(text.contains("|∇L| ≤ 1.0E-6"), "the one convergence / critical-point rule is stated: " + text);
        Shots.take(robot, stage, "geometry-toy-saddle.png");
    }

    @Test
    void aTypedFormulaIsChosenAndGarbageIsReported(FxRobot robot) throws Exception {
        TextArea report = robot.lookup("#toy-report").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxWait.textOf(report).contains("Click anywhere"));
        javafx.scene.control.ComboBox<?> function = robot.lookup("#toy-function")
                .queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.control.Label status = robot.lookup("#toy-status").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.TextField typed = robot.lookup("#toy-expression")
                .queryAs(javafx.scene.control.TextField.class);
        // set, not typed: the headless robot's key map does not produce '*' and '+' reliably
        robot.interact(() -> typed.setText("x*y +"));
        assertTrue(String.valueOf(function.getValue()).startsWith("typed expression"), "typing chose the formula");
        robot.clickOn("#toy-plot");
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("cannot plot 'x*y +'"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status: " + status.getText() + "; expression: " + typed.getText(), e);
        }
        assertTrue(FxWait.textOf(report).contains("−x² + 3y²"), "the saddle is still what is drawn");
        robot.interact(() -> typed.setText("x^2 + y^2"));
        robot.clickOn("#toy-expression").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxWait.textOf(report).startsWith("L = x^2 + y^2"));
    }

    @Test
    void spectrumShowsProgressThenAHistogram(FxRobot robot) throws Exception {
        robot.clickOn("#geometry-hessian");
        TextArea report = robot.lookup("#hessian-report").queryAs(TextArea.class);
        robot.clickOn("#hessian-train");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> FxWait.textOf(report).startsWith("Opened ring8-ae-2d"));
        ProgressBar progress = robot.lookup("#hessian-progress").queryAs(ProgressBar.class);
        double[] seen = {0};
        progress.progressProperty().addListener((o, was, now) -> {
            if (now.doubleValue() > 0 && now.doubleValue() < 1) {
                seen[0] = now.doubleValue();
            }
        });
        robot.clickOn("#hessian-spectrum");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> FxWait.textOf(report).contains("Spectral density")
                || FxWait.textOf(report).contains("Exact spectrum"));
        assertTrue(seen[0] > 0, "progress was shown while computing");
        assertTrue(progress.getProgress() == 1.0);
        assertTrue(FxWait.textOf(report).contains("negative"), FxWait.textOf(report));
        Shots.take(robot, stage, "geometry-spectrum.png");
        assertTrue(FxWait.textOf(report).contains("loss ") && FxWait.textOf(report).contains("8835 parameters"),
                FxWait.textOf(report));
        String once = FxWait.textOf(report);
        robot.clickOn("#hessian-spectrum");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> FxWait.textOf(report).length() > once.length());
        javafx.scene.control.Label message = robot.lookup("#hessian-message").queryAs(javafx.scene.control.Label.class);
        assertTrue(message.getText().startsWith("read from"), message.getText());
        String added = FxWait.textOf(report).substring(once.length());
        String first = once.substring(once.indexOf("Spectral density"));
        assertTrue(added.contains(first.substring(0, first.indexOf("trace"))), "the same numbers: " + added);
    }
}
