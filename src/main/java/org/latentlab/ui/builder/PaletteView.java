package org.latentlab.ui.builder;

import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.latentlab.model.edit.Palette;

/**
 * The palette: the layer kinds in their groups (core, convolution, output heads). Drag an entry onto the canvas to
 * add that layer where it is dropped, into the network chosen above the palette; a double click adds it beside the
 * selected layer. The drag is a plain press-drag-release gesture (the entry follows as a ghost on the canvas), not
 * the platform's drag and drop, so it behaves the same everywhere.
 */
final class PaletteView extends VBox {

    private final BuilderViewModel vm;
    private final GraphCanvas canvas;

    PaletteView(BuilderViewModel vm, GraphCanvas canvas) {
        super(4);
        this.vm = vm;
        this.canvas = canvas;
        getStyleClass().add("builder-palette");
        for (Palette.Group group : Palette.Group.values()) {
            VBox items = new VBox(2);
            for (Palette.Entry entry : Palette.entries(group)) {
                items.getChildren().add(item(entry));
            }
            TitledPane pane = new TitledPane(group.title(), items);
            pane.setCollapsible(true);
            getChildren().add(pane);
        }
    }

    private Label item(Palette.Entry entry) {
        Label l = new Label(entry.label());
        l.getStyleClass().add("palette-item");
        l.setId("palette-" + entry.id());
        l.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip(entry.description() + "\nDrag onto the canvas, or double-click to add beside the"
                + " selection.");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        l.setTooltip(tip);
        l.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.addLayerBeside(entry);
            }
        });
        l.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> canvas.showGhost(entry.label(), e.getSceneX(),
                e.getSceneY()));
        l.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (canvas.hideGhost() && canvas.containsScene(e.getSceneX(), e.getSceneY())) {
                vm.addLayer(entry, canvas.toWorld(e.getSceneX(), e.getSceneY()));
                canvas.requestFocus();
            }
        });
        return l;
    }
}
