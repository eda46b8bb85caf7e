package org.latentlab.ui.latent;

import static org.latentlab.ui.latent.StudioControls.bigView;
import static org.latentlab.ui.latent.StudioControls.button;
import static org.latentlab.ui.latent.StudioControls.captioned;
import static org.latentlab.ui.latent.StudioControls.field;
import static org.latentlab.ui.latent.StudioControls.intField;
import static org.latentlab.ui.latent.StudioControls.save;
import static org.latentlab.ui.latent.StudioControls.showPicture;
import static org.latentlab.ui.latent.StudioControls.styled;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.latentlab.latent.Interpolation;

import java.io.File;

/**
 * The interpolation tab: endpoints A and B (the current code or an example's), the linear and the spherical strip,
 * a scrubber with both paths shown large at t, animation, and export.
 */
final class InterpolationPane extends ScrollPane {

    private final InterpolationViewModel vm;
    private final TextField frames = field("10", 50, "latent-frames");
    private final TextField indexA = field("0", 56, "latent-index-a");
    private final TextField indexB = field("1", 56, "latent-index-b");
    private final ImageGridCanvas strip = new ImageGridCanvas("latent-strip", 48);
    private final Slider scrub = new Slider(0, 1, 0);
    private final ToggleButton animate = new ToggleButton("Animate");
    private final ImageView linear = bigView("latent-scrub-linear", 170);
    private final ImageView spherical = bigView("latent-scrub-spherical", 170);
    private final ComboBox<Interpolation.Method> exportMethod = new ComboBox<>();
    private final Timeline animation = new Timeline(new KeyFrame(Duration.millis(90), e -> advance()));

    InterpolationPane(InterpolationViewModel vm, Window owner) {
        this.vm = vm;
        FlowPane endpoints = new FlowPane(6, 6,
                button("latent-set-a", "A ← current code", "the current code becomes endpoint A",
                        () -> vm.setEndpointFromCode(true)),
                button("latent-set-b", "B ← current code", "the current code becomes endpoint B",
                        () -> vm.setEndpointFromCode(false)),
                new Separator(Orientation.VERTICAL), new Label("#"), indexA,
                button("latent-example-a", "A ← example", "encode this example as endpoint A",
                        () -> intField(indexA, 0, Integer.MAX_VALUE).ifPresent(i -> vm.setEndpointFromExample(true,
                                i))),
                new Label("#"), indexB,
                button("latent-example-b", "B ← example", "encode this example as endpoint B",
                        () -> intField(indexB, 0, Integer.MAX_VALUE).ifPresent(i -> vm.setEndpointFromExample(false,
                                i))),
                new Separator(Orientation.VERTICAL), new Label("frames"), frames,
                button("latent-interpolate", "Interpolate", "decode the frames of both paths from A to B",
                        () -> intField(frames, 2, 64).ifPresent(vm::interpolate)));
        endpoints.setAlignment(Pos.CENTER_LEFT);
        Label which = styled("", "legend");
        which.textProperty().bind(vm.endpointsProperty());
        VBox rowNames = new VBox();
        for (String name : new String[] {"linear", "spherical"}) {
            Label l = new Label(name);
            l.setMinWidth(64);
            l.setMaxHeight(Double.MAX_VALUE);
            VBox.setVgrow(l, Priority.ALWAYS);
            rowNames.getChildren().add(l);
        }
        strip.setOnCell((r, c) -> scrub.setValue(strip.columns() <= 1 ? 0 : (double) c / (strip.columns() - 1)));
        strip.setMinHeight(80);
        HBox stripRow = new HBox(4, rowNames, strip);
        HBox.setHgrow(strip, Priority.ALWAYS);
        scrub.setId("latent-scrub");
        scrub.valueProperty().addListener((o, a, t) -> {
            vm.scrub(t.doubleValue());
            markStrip(t.doubleValue());
        });
        HBox.setHgrow(scrub, Priority.ALWAYS);
        animate.setId("latent-animate");
        animate.setTooltip(new Tooltip("play the frames over and over"));
        animation.setCycleCount(Timeline.INDEFINITE);
        animate.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                animation.play();
            } else {
                animation.stop();
            }
        });
        HBox scrubRow = new HBox(8, new Label("t"), scrub, animate);
        scrubRow.setAlignment(Pos.CENTER_LEFT);
        HBox big = new HBox(12, captioned("linear at t", linear), captioned("spherical at t", spherical));
        VBox box = new VBox(8, endpoints, which, stripRow, scrubRow, big, exportRow(owner));
        box.setPadding(new Insets(8));
        setContent(box);
        setFitToWidth(true);
        vm.pathProperty().addListener((o, a, r) -> showPath(r));
        vm.scrubbedProperty().addListener((o, a, s) -> {
            InterpolationViewModel.PathResult r = vm.pathProperty().get();
            showPicture(linear, s == null ? null : s.linear(), r == null ? null : r.shape());
            showPicture(spherical, s == null ? null : s.spherical(), r == null ? null : r.shape());
        });
    }

    private HBox exportRow(Window owner) {
        exportMethod.getItems().setAll(Interpolation.Method.values());
        exportMethod.setValue(Interpolation.Method.SPHERICAL);
        exportMethod.setId("latent-export-method");
        exportMethod.setConverter(StudioControls.names(m -> m == Interpolation.Method.LINEAR ? "linear"
                : "spherical"));
        HBox export = new HBox(6, new Label("Export"),
                button("latent-export-strip", "Strip PNG…", "both rows as one PNG",
                        () -> save(owner, "interpolation.png", "PNG image", "*.png").ifPresent(vm::exportStrip)),
                new Label("path"), exportMethod,
                button("latent-export-gif", "Animated GIF…", "the chosen path's frames as a looping GIF",
                        () -> save(owner, "interpolation.gif", "GIF animation", "*.gif")
                                .ifPresent(f -> vm.exportGif(f, exportMethod.getValue(), 90))),
                button("latent-export-sequence", "PNG sequence…", "the chosen path's frames as numbered PNG files in"
                        + " a folder", () -> {
                            DirectoryChooser dc = new DirectoryChooser();
                            dc.setTitle("Folder for the frames");
                            File dir = dc.showDialog(owner);
                            if (dir != null) {
                                vm.exportSequence(dir.toPath(), exportMethod.getValue());
                            }
                        }));
        export.setAlignment(Pos.CENTER_LEFT);
        return export;
    }

    /** The example fields' tips name the examples of the model just opened; animation stops. */
    void show(LoadedModel l) {
        animate.setSelected(false);
        for (TextField f : new TextField[] {indexA, indexB}) {
            f.setTooltip(new Tooltip(l.exampleNoun() + " index, 0 to " + (l.examples().size() - 1)));
        }
    }

    /** Outlines the linear frame nearest to t. */
    private void markStrip(double t) {
        if (strip.columns() > 0) {
            strip.mark(0, (int) Math.round(t * (strip.columns() - 1)));
        }
    }

    private void showPath(InterpolationViewModel.PathResult r) {
        if (r == null) {
            strip.setImages(null, null, 0, 0);
            return;
        }
        strip.setImages(r.bothRows(), r.shape(), 2, r.frames());
        strip.setPrefHeight(2 * 56);
        if (scrub.getValue() != 0) {
            scrub.setValue(0);
        } else {
            markStrip(0);
        }
    }

    private void advance() {
        scrub.setValue(vm.nextFrame(scrub.getValue()));
    }
}
