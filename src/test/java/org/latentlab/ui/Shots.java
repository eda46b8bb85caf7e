package org.latentlab.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** With {@code -Dlatentlab.shots=DIR} a UI test leaves pictures of its window there (for the README); else nothing. */
final class Shots {

    private Shots() {
    }

    static void take(FxRobot robot, Stage stage, String name) throws Exception {
        String dir = System.getProperty("latentlab.shots");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage[] img = new BufferedImage[1];
        robot.interact(() -> img[0] = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        ImageIO.write(img[0], "png", Path.of(dir, name).toFile());
    }
}
