package org.latentlab.ui;

import static org.latentlab.ui.FxWait.waitFor;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.StudioModels;
import org.latentlab.latent.LatentMap;
import org.latentlab.ui.latent.ImageGridCanvas;
import org.latentlab.ui.latent.LatentStudioView;
import org.latentlab.ui.latent.LatentStudioViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the latent studio headless on a VAE trained here for a few dozen iterations: a slider redraws the decoded
 * image, a map cell loads its code into the sliders, an interpolation strip has the frames asked for, an inversion
 * shows its pictures and verdict, and a folder that is not a run gives a message rather than a stack trace.
 */
@ExtendWith(ApplicationExtension.class)
class LatentStudioViewTest {

    private static StudioModels.Studio studio;

    @TempDir
    static Path notARun;

    private LatentStudioViewModel vm;

    @BeforeAll
    static void trainTinyModel() {
        studio = StudioModels.trainQuick(Presets.loadReconstruction("mnist-vae"), 40, Monitor.NONE);
    }

    @Start
    void start(Stage stage) {
        vm = new LatentStudioViewModel();
        LatentStudioView view = new LatentStudioView(vm, stage);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
    }


    private void installAndWait(FxRobot robot) {
        robot.interact(() -> vm.install(studio));
        waitFor("the model to open", () -> vm.loadedProperty().get() != null
                && vm.code().frameProperty().get() != null && vm.map().mapProperty().get() != null
                && vm.interpolation().pathProperty().get() != null);
    }

    private static int[] pixels(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    @Test
    void movingASliderRedrawsTheDecodedImage(FxRobot robot) {
        installAndWait(robot);
        assertEquals(20, robot.lookup(".slider").queryAll().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("latent-slider-")).count(),
                "one slider per code dimension");
        ImageView view = robot.lookup("#latent-image").queryAs(ImageView.class);
        assertNotNull(view.getImage(), "the first code is drawn");
        int[] before = pixels(view.getImage());
        long sequence = vm.code().frameProperty().get().sequence();
        Slider slider = robot.lookup("#latent-slider-0").queryAs(Slider.class);
        double target = slider.getValue() > 0 ? slider.getMin() : slider.getMax();
        robot.interact(() -> slider.setValue(target));
        waitFor("the new decode", () -> vm.code().frameProperty().get().sequence() > sequence);
        assertEquals(target, vm.code().frameProperty().get().code()[0], 1e-12,
                "the decoded code has the slider's value");
        int[] after = pixels(view.getImage());
        assertFalse(Arrays.equals(before, after), "the picture changed");
    }

    @Test
    void clickingAMapCellLoadsItsCodeIntoTheSliders(FxRobot robot) {
        installAndWait(robot);
        ImageGridCanvas map = robot.lookup("#latent-map").queryAs(ImageGridCanvas.class);
        assertEquals(20, map.rows(), "the default map is 20 x 20");
        LatentMap m = vm.map().mapProperty().get().map();
        int row = 4;
        int col = 13;
        double[] b = map.cellBounds(row, col);
        Point2D centre = map.canvas().localToScreen(b[0] + b[2] / 2, b[1] + b[2] / 2);
        robot.clickOn(centre);
        WaitForAsyncUtils.waitForFxEvents();
        double[] expected = m.code(row, col);
        assertArrayEquals(expected, vm.code().code(), 1e-12, "the view model holds the cell's code");
        for (int j = 0; j < expected.length; j++) {
            Slider s = robot.lookup("#latent-slider-" + j).queryAs(Slider.class);
            assertEquals(expected[j], s.getValue(), 1e-12, "slider " + j + " shows the cell's code");
        }
    }

    @Test
    void anInterpolationStripHasTheFramesAskedFor(FxRobot robot) {
        installAndWait(robot);
        robot.interact(() -> robot.lookup("#latent-tabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        TextField frames = robot.lookup("#latent-frames").queryAs(TextField.class);
        robot.interact(() -> frames.setText("7"));
        robot.interact(() -> robot.lookup("#latent-set-b").queryButton().fire());
        robot.clickOn("#latent-interpolate");
        waitFor("the strip", () -> vm.interpolation().pathProperty().get() != null
                && vm.interpolation().pathProperty().get().frames() == 7);
        ImageGridCanvas strip = robot.lookup("#latent-strip").queryAs(ImageGridCanvas.class);
        assertEquals(7, strip.columns(), "seven frames per path");
        assertEquals(2, strip.rows(), "a linear and a spherical row");
        assertEquals(14, strip.images().length);
        Slider scrub = robot.lookup("#latent-scrub").queryAs(Slider.class);
        robot.interact(() -> scrub.setValue(1));
        waitFor("the last frame shown big", () -> vm.interpolation().scrubbedProperty().get() != null);
        assertArrayEquals(vm.interpolation().pathProperty().get().sphericalFrames()[6],
                vm.interpolation().scrubbedProperty().get().spherical(), 0f);
        Path png = notARun.resolve("strip.png");
        Path gif = notARun.resolve("path.gif");
        robot.interact(() -> {
            vm.interpolation().exportStrip(png);
            vm.interpolation().exportGif(gif, org.latentlab.latent.Interpolation.Method.SPHERICAL, 90);
        });
        waitFor("the exported files", () -> java.nio.file.Files.isRegularFile(png)
                && java.nio.file.Files.isRegularFile(gif));
    }

    @Test
    void anInversionShowsTheTargetItsReconstructionAndTheVerdict(FxRobot robot) {
        installAndWait(robot);
        robot.interact(() -> robot.lookup("#latent-tabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(3));
        robot.interact(() -> {
            robot.lookup("#latent-inversion-index").queryAs(TextField.class).setText("3");
            robot.lookup("#latent-inversion-steps").queryAs(TextField.class).setText("30");
        });
        robot.clickOn("#latent-invert");
        Label result = robot.lookup("#latent-inversion-result").queryAs(Label.class);
        waitFor("the inversion's result", () -> result.getText().startsWith("final error"));
        assertTrue(result.getText().contains("after 30 steps"), result.getText());
        for (String id : new String[] {"#latent-inversion-target", "#latent-inversion-current",
            "#latent-inversion-nearest"}) {
            assertNotNull(robot.lookup(id).queryAs(ImageView.class).getImage(), id + " is drawn");
        }
        assertFalse(robot.lookup("#latent-inversion-progress").query().isVisible(), "no progress once done");
        assertFalse(robot.lookup("#latent-invert").queryButton().isDisabled(), "Invert can be pressed again");
    }

    @Test
    void aFolderThatIsNotARunIsReportedInTheStatusLine(FxRobot robot) {
        robot.interact(() -> vm.openFolder(notARun));
        waitFor("the message", () -> !vm.busyProperty().get() && vm.errorProperty().get());
        Label status = robot.lookup("#latent-status").queryAs(Label.class);
        assertTrue(status.getText().contains("neither a run folder"), status.getText());
    }
}
