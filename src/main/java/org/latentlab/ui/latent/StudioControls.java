package org.latentlab.ui.latent;

import org.latentlab.ui.common.Controls;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.latentlab.latent.ImageShape;
import org.latentlab.ui.common.ImageConversion;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** The small controls the studio's panes share: buttons with tips, number fields, captioned pictures, titles. */
final class StudioControls {

    private StudioControls() {
    }

    static Button button(String text, String tip, Runnable action) {
        return Controls.button(text, tip, action);
    }

    static Button button(String id, String text, String tip, Runnable action) {
        return Controls.idButton(id, text, tip, action);
    }

    static TextField field(String text, double width, String id) {
        return Controls.field(id, text, width);
    }

    static Label title(String text) {
        return Controls.sectionTitle(text);
    }

    static Label styled(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        return l;
    }

    /** The field's whole number from min to max, or empty with the field marked and a tip saying what fits. */
    static Optional<Integer> intField(TextField f, int min, int max) {
        f.getStyleClass().remove("field-error");
        try {
            int v = Integer.parseInt(f.getText().trim());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            f.getStyleClass().add("field-error");
            f.setTooltip(new Tooltip("a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to "
                    + max)));
            return Optional.empty();
        }
    }

    /** The field's finite number, or empty with the field marked. */
    static Optional<Double> doubleField(TextField f) {
        f.getStyleClass().remove("field-error");
        try {
            double v = Double.parseDouble(f.getText().trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            f.getStyleClass().add("field-error");
            f.setTooltip(new Tooltip("a number, such as 0.05"));
            return Optional.empty();
        }
    }

    static ImageView bigView(String id, double size) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setFitWidth(size);
        v.setFitHeight(size);
        v.setPreserveRatio(true);
        v.setSmooth(false);
        return v;
    }

    /** Shows display values (or nothing) in a view. */
    static void showPicture(ImageView view, float[] display, ImageShape shape) {
        view.setImage(display == null || shape == null ? null : ImageConversion.picture(display, shape));
    }

    static Node captioned(String caption, ImageView view) {
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("view-pane");
        frame.setMinSize(view.getFitWidth() + 4, view.getFitHeight() + 4);
        frame.setMaxSize(view.getFitWidth() + 4, view.getFitHeight() + 4);
        return new VBox(2, styled(caption, "legend"), frame);
    }

    /** A file to save, asked of the person; empty when they cancel. */
    static Optional<Path> save(Window owner, String name, String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File f = fc.showSaveDialog(owner);
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    /** A one-way converter for combo boxes that show values by name. */
    static <T> StringConverter<T> names(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
