package org.latentlab.ui.geometry;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.latentlab.experiment.GeometryModels;

/** The list every geometry section shows for a GAN: D's loss (G fixed) or G's loss (D fixed). */
final class LossPartChooser {

    private LossPartChooser() {
    }

    /** The list bound to {@code loss}: its value is the loss's part, enabled only for a GAN. */
    static ComboBox<GeometryModels.Part> create(String id, String tooltip, LossChoice loss) {
        ComboBox<GeometryModels.Part> part = new ComboBox<>();
        part.getItems().addAll(GeometryModels.Part.values());
        part.setConverter(new StringConverter<>() {
            @Override
            public String toString(GeometryModels.Part p) {
                return p == null ? "" : p == GeometryModels.Part.DISCRIMINATOR ? "D's loss (G fixed)"
                        : "G's loss (D fixed)";
            }

            @Override
            public GeometryModels.Part fromString(String s) {
                return null;
            }
        });
        part.valueProperty().bindBidirectional(loss.partProperty());
        part.disableProperty().bind(loss.ganProperty().not());
        part.setId(id);
        part.setTooltip(new Tooltip(tooltip));
        return part;
    }
}
