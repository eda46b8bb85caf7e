package org.latentlab.ui.geometry;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.latentlab.experiment.GeometryModels;

/** The list every geometry section shows for a GAN: D's loss (G fixed) or G's loss (D fixed). */
final class LossPartChooser {

    private LossPartChooser() {
    }

    static ComboBox<GeometryModels.Part> create(String id, String tooltip) {
        ComboBox<GeometryModels.Part> part = new ComboBox<>();
        part.getItems().addAll(GeometryModels.Part.values());
        part.getSelectionModel().select(GeometryModels.Part.DISCRIMINATOR);
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
        part.setId(id);
        part.setTooltip(new Tooltip(tooltip));
        return part;
    }
}
