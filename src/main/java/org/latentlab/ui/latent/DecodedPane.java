package org.latentlab.ui.latent;

import static org.latentlab.ui.latent.StudioControls.button;
import static org.latentlab.ui.latent.StudioControls.styled;
import static org.latentlab.ui.latent.StudioControls.title;

import javafx.geometry.Insets;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentlab.ui.common.ImageConversion;

/** The decoded image of the current code, large, and a strip of random samples to start from. */
final class DecodedPane extends VBox {

    private static final double BIG = 280;

    private final ImageView image = new ImageView();
    private final ImageGridCanvas samples = new ImageGridCanvas("latent-samples", 34);
    private WritableImage pixels;

    DecodedPane(CodeViewModel vm) {
        super(6);
        image.setId("latent-image");
        image.setFitWidth(BIG);
        image.setFitHeight(BIG);
        image.setPreserveRatio(true);
        image.setSmooth(false);
        StackPane frame = new StackPane(image);
        frame.getStyleClass().add("view-pane");
        frame.setMinSize(BIG + 4, BIG + 4);
        frame.setMaxSize(BIG + 4, BIG + 4);
        samples.setOnCell((r, c) -> vm.startFromSample(c));
        samples.setPrefHeight(40);
        samples.setMaxWidth(BIG + 4);
        getChildren().addAll(title("Decoded"), frame, title("Samples"), samples,
                styled("Click a sample to start from it.", "legend"),
                button("latent-new-samples", "New samples", "eight new random codes to start from", vm::newSamples));
        setPadding(new Insets(8));
        setMinWidth(BIG + 20);
        vm.frameProperty().addListener((o, a, f) -> draw(f));
        vm.samplesProperty().addListener((o, a, p) -> samples.setImages(p == null ? null : p.display(),
                p == null ? null : p.shape(), 1, p == null ? 0 : p.display().length));
    }

    private void draw(StudioSession.Frame f) {
        if (f == null) {
            pixels = null;
            image.setImage(null);
            return;
        }
        WritableImage drawn = ImageConversion.draw(f.argb(), f.width(), f.height(), pixels);
        if (drawn != pixels) {
            pixels = drawn;
            image.setImage(drawn);
        }
    }
}
