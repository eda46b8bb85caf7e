package org.latentlab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tangent panel driven as a person would: train the plain, denoising and contractive autoencoders here for a few
 * iterations, see the singular values as bars and the top tangent vectors as images in each column, then move the
 * t slider and see x + t·v and its decoding change.
 */
@ExtendWith(ApplicationExtension.class)
class TangentViewTest {

    @TempDir
    static Path runs;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Backend.init();
        GeometryView view = new GeometryView(stage, runs);
        stage.setScene(new Scene(view, 1400, 850));
        stage.show();
    }

    @Test
    void tangentsShowBarsAndImagesAndTheSliderMovesTheImage(FxRobot robot) throws Exception {
        robot.clickOn("#geometry-tangents");
        robot.interact(() -> robot.lookup("#tangent-iterations").queryAs(TextField.class).setText("20"));
        robot.clickOn("#tangent-train");
        Pane tangents = robot.lookup("#tangent-2-tangents").queryAs(Pane.class);
        ImageView moved = robot.lookup("#tangent-2-moved").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> tangents.getChildren().size() == 6
                && moved.getImage() != null);
        String compared = robot.lookup("#tangent-compared").queryAs(Label.class).getText();
        assertTrue(compared.contains("784-196-784") && compared.contains("20 iterations each")
                && compared.contains("differ only in regularisation"), compared);
        for (int c = 0; c < 3; c++) {
            assertEquals(6, robot.lookup("#tangent-" + c + "-tangents").queryAs(Pane.class).getChildren().size(),
                    "six tangent images in column " + c);
            String source = robot.lookup("#tangent-" + c + "-source").queryAs(Label.class).getText();
            assertTrue(source.startsWith(new String[] {"tangent-ae ", "tangent-dae ", "tangent-cae "}[c]), source);
            assertTrue(source.contains("code 196") && source.contains("iteration 20"), source);
            // the bars: blue and red (the ones shown as images) columns drawn on the chart
            WritableImage bars = snapshot(robot, robot.lookup("#tangent-" + c + "-bars").query());
            int red = countNear(bars, Color.web("#e15759"));
            assertTrue(red > 60, "red bars in column " + c + ": " + red + " pixels of " + bars.getWidth() + " x "
                    + bars.getHeight());
            assertTrue(countNear(bars, Color.web("#4e79a7")) > 60, "blue bars in column " + c);
        }
        // tangent images are signed patterns; v1 may be nearly one-signed (a brightness direction), but v2 is
        // orthogonal to it and so has both signs
        ImageView v2 = (ImageView) ((javafx.scene.layout.VBox) tangents.getChildren().get(1)).getChildren().get(0);
        int red = countWhere(v2.getImage(), p -> p.getRed() > p.getBlue() + 0.2);
        int blue = countWhere(v2.getImage(), p -> p.getBlue() > p.getRed() + 0.2);
        assertTrue(red > 20 && blue > 20, "v2: red " + red + ", blue " + blue + " pixels");

        Shots.take(robot, stage, "geometry-tangents.png");
        ImageView decoded = robot.lookup("#tangent-2-decoded").queryAs(ImageView.class);
        Image movedBefore = moved.getImage();
        Image decodedBefore = decoded.getImage();
        Slider t = robot.lookup("#tangent-t").queryAs(Slider.class);
        robot.interact(() -> t.setValue(4));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> moved.getImage() != movedBefore);
        assertNotNull(decoded.getImage());
        assertFalse(samePixels(movedBefore, moved.getImage()), "x + t·v differs from x");
        assertFalse(samePixels(decodedBefore, decoded.getImage()), "its decoding differs from x's");
        assertEquals("t = 4.00", robot.lookup("#tangent-t-value").queryAs(Label.class).getText());
    }

    private static WritableImage snapshot(FxRobot robot, Node node) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = node.snapshot(null, null));
        return out[0];
    }

    private static int countNear(Image img, Color c) {
        return countWhere(img, p -> Math.abs(p.getRed() - c.getRed()) < 0.03 && Math.abs(p.getGreen() - c.getGreen())
                < 0.03 && Math.abs(p.getBlue() - c.getBlue()) < 0.03);
    }

    private static int countWhere(Image img, java.util.function.Predicate<Color> test) {
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (test.test(r.getColor(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean samePixels(Image a, Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
