package org.latentlab.ui.latent;

import static org.latentlab.ui.latent.StudioControls.bigView;
import static org.latentlab.ui.latent.StudioControls.button;
import static org.latentlab.ui.latent.StudioControls.showPicture;
import static org.latentlab.ui.latent.StudioControls.styled;
import static org.latentlab.ui.latent.StudioControls.title;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.Locale;

/**
 * The encoded-data tab: the examples' codes on a plane coloured by label, the example under the mouse, the labels'
 * colours, and for a GAN the search that finds its examples' codes by inversion.
 */
final class EncodedDataPane extends HBox {

    private static final String HOVER_HINT = "hover over a point to see its example; click to load its code";

    private final EncodedDataViewModel vm;
    private final EncodedCanvas plane = new EncodedCanvas();
    private final ImageView hoverImage = bigView("latent-encoded-image", 150);
    private final Label hoverLabel = new Label(HOVER_HINT);
    private final FlowPane legend = new FlowPane(8, 4);
    private LoadedModel model;

    EncodedDataPane(EncodedDataViewModel vm, javafx.beans.value.ObservableValue<LoadedModel> loaded) {
        super(8);
        this.vm = vm;
        plane.setOnHover(i -> {
            EncodedDataViewModel.EncodedExample e = vm.example(i);
            if (e != null) {
                showPicture(hoverImage, e.display(), model.shape());
                hoverLabel.setText(e.caption());
            }
        });
        plane.setOnPick(vm::pick);
        hoverLabel.setWrapText(true);
        hoverLabel.setId("latent-encoded-label");
        legend.setPrefWrapLength(150);
        Label hint = styled("The cross marks the current code. Click a point to load its code.", "legend");
        hint.setWrapText(true);
        Button findCodes = button("latent-invert-examples", "Find codes by inversion", "a GAN has no encoder: find"
                + " codes for 500 of its examples by inverting G on them at once (200 Adam steps)",
                () -> vm.findCodes(500, 200));
        findCodes.setWrapText(true);
        Button cancel = button("Cancel", "stop finding codes", vm::cancel);
        ProgressBar progress = new ProgressBar();
        progress.setId("latent-encoded-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("latent-encoded-status");
        status.setWrapText(true);
        status.getStyleClass().add("legend");
        status.textProperty().bind(vm.messageProperty());
        findCodes.visibleProperty().bind(Bindings.createBooleanBinding(() -> loaded.getValue() != null
                && !loaded.getValue().hasEncoder(), loaded));
        findCodes.disableProperty().bind(vm.findingProperty());
        findCodes.managedProperty().bind(findCodes.visibleProperty());
        for (var n : new javafx.scene.Node[] {cancel, progress}) {
            n.visibleProperty().bind(vm.findingProperty().and(findCodes.visibleProperty()));
            n.managedProperty().bind(findCodes.visibleProperty());
        }
        status.visibleProperty().bind(findCodes.visibleProperty());
        status.managedProperty().bind(findCodes.visibleProperty());
        VBox side = new VBox(8, title("Example"), hoverImage, hoverLabel, findCodes, progress, cancel, status,
                title("Labels"), legend, hint);
        side.setPrefWidth(190);
        side.setMinWidth(170);
        getChildren().addAll(plane, side);
        HBox.setHgrow(plane, Priority.ALWAYS);
        setPadding(new Insets(8));
        vm.viewProperty().addListener((o, a, v) -> {
            plane.setPoints(v == null ? null : v.points(), v == null ? null : v.set().labels(),
                    v == null ? "" : v.xAxis(), v == null ? "" : v.yAxis());
            markCode();
        });
    }

    /** The cross follows the current code. */
    void markCode() {
        plane.setMarker(vm.position());
    }

    /** The legend and the hint of the model just opened (or just given codes by inversion). */
    void show(LoadedModel l) {
        model = l;
        legend.getChildren().clear();
        for (int c : l.classes()) {
            Region swatch = new Region();
            swatch.setMinSize(10, 10);
            swatch.setStyle("-fx-background-color: " + web(EncodedCanvas.PALETTE[c % EncodedCanvas.PALETTE.length])
                    + ";");
            HBox item = new HBox(4, swatch, new Label(l.className(c)));
            item.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(item);
        }
        if (l.encoded() == null) {
            hoverLabel.setText("A GAN has no encoder: find codes for its examples by inversion to see them here.");
            plane.setEmptyText("No codes of examples yet: press \"Find codes by inversion\".");
        } else {
            hoverLabel.setText(HOVER_HINT);
        }
        hoverImage.setImage(null);
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
