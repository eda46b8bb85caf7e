package org.latentlab.ui.latent;

import static org.latentlab.ui.latent.StudioControls.button;
import static org.latentlab.ui.latent.StudioControls.field;
import static org.latentlab.ui.latent.StudioControls.intField;
import static org.latentlab.ui.latent.StudioControls.title;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The code panel: one slider per code dimension (dragging one redraws the decoded image at once), Random, Reset,
 * copy and paste of the code, and an example's code; for a conditional G, the class it is asked for.
 */
final class CodePane extends VBox {

    private final CodeViewModel vm;
    private final VBox sliderBox = new VBox(2);
    private final List<Slider> sliders = new ArrayList<>();
    private final List<Label> sliderValues = new ArrayList<>();
    private final TextField exampleIndex = field("0", 60, "latent-example-index");
    /** A conditional G's class selector, beside the sliders; empty for other models. */
    private final HBox classRow = new HBox(4);
    private boolean syncing;

    CodePane(CodeViewModel vm) {
        super(6);
        this.vm = vm;
        HBox buttons = new HBox(4, button("latent-random", "Random", "a random code from the prior", vm::randomise),
                button("latent-reset", "Reset", "back to the code you started from", vm::reset),
                button("latent-copy", "Copy code", "copy the code to the clipboard as comma-separated numbers",
                        this::copy),
                button("latent-paste", "Paste", "load a code from the clipboard (comma-separated numbers)",
                        () -> vm.paste(Clipboard.getSystemClipboard().getString())));
        HBox fromExample = new HBox(4, new Label("example #"), exampleIndex, button("latent-encode", "Encode",
                "start from the code of this example (its encoder's code)",
                () -> intField(exampleIndex, 0, Integer.MAX_VALUE).ifPresent(vm::startFromExample)));
        fromExample.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(sliderBox);
        scroll.setFitToWidth(true);
        scroll.setId("latent-sliders");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sliderBox.setPadding(new Insets(4));
        classRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title("Code"), buttons, fromExample, classRow, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setPadding(new Insets(8));
        setPrefWidth(330);
        setMinWidth(280);
        vm.codeVersionProperty().addListener((o, a, b) -> syncSliders());
    }

    private void copy() {
        ClipboardContent c = new ClipboardContent();
        c.putString(vm.codeText());
        Clipboard.getSystemClipboard().setContent(c);
        vm.copied();
    }

    /** One slider per dimension of the model just opened, over its ranges, showing the current code. */
    void show(LoadedModel l) {
        sliderBox.getChildren().clear();
        sliders.clear();
        sliderValues.clear();
        exampleIndex.setTooltip(new Tooltip(l.exampleNoun() + " index, 0 to " + (l.examples().size() - 1)));
        classRow.getChildren().clear();
        if (l.conditional()) {
            // a conditional G (Mirza and Osindero 2014) decodes every code with the class chosen here
            ComboBox<String> classes = new ComboBox<>(FXCollections.observableArrayList(l.generatorClasses()));
            classes.setId("latent-class");
            classes.getSelectionModel().select(0);
            classes.setTooltip(new Tooltip(l.infoGan()
                    ? "the value of InfoGAN's categorical code (Chen et al. 2016), learned without labels: it"
                    + " often picks the digit"
                    : "the class G is asked for: the same code drawn as each class"));
            classes.getSelectionModel().selectedIndexProperty().addListener((o, a, k) -> {
                if (k.intValue() >= 0) {
                    vm.setClass(k.intValue());
                }
            });
            Label name = new Label(l.infoGan() ? "Categorical code" : "Class");
            name.setMinWidth(34);
            classRow.getChildren().addAll(name, classes);
        }
        int noise = l.codeSize() - l.continuousCodes();
        for (int j = 0; j < l.codeSize(); j++) {
            int dim = j;
            // an InfoGAN's continuous codes c1, c2, ... (the code's last values) come first, then the noise
            Label name = new Label(j < noise ? "z" + j : "c" + (j - noise + 1));
            if (j >= noise) {
                name.setTooltip(new Tooltip("InfoGAN's continuous code " + (j - noise + 1) + ", drawn U(-1, 1) in"
                        + " training: it often turns the digit's slant or width"));
            }
            name.setMinWidth(34);
            Slider s = new Slider(l.sliderMin()[j], l.sliderMax()[j], 0);
            s.setId("latent-slider-" + j);
            HBox.setHgrow(s, Priority.ALWAYS);
            Label value = new Label("0");
            value.setMinWidth(52);
            value.getStyleClass().add("legend");
            s.valueProperty().addListener((o, a, v) -> {
                value.setText(String.format(Locale.ROOT, "%.3f", v.doubleValue()));
                if (!syncing) {
                    vm.setDimension(dim, v.doubleValue());
                }
            });
            HBox row = new HBox(4, name, s, value);
            row.setAlignment(Pos.CENTER_LEFT);
            sliders.add(s);
            sliderValues.add(value);
            if (j >= noise) {
                sliderBox.getChildren().add(j - noise, row);
            } else {
                sliderBox.getChildren().add(row);
            }
        }
        syncSliders();
    }

    /** The sliders follow a code replaced as a whole (their range widens to take it). */
    private void syncSliders() {
        double[] z = vm.code();
        if (z == null || z.length != sliders.size()) {
            return;
        }
        syncing = true;
        try {
            for (int j = 0; j < z.length; j++) {
                Slider s = sliders.get(j);
                s.setMin(Math.min(s.getMin(), z[j]));
                s.setMax(Math.max(s.getMax(), z[j]));
                s.setValue(z[j]);
                sliderValues.get(j).setText(String.format(Locale.ROOT, "%.3f", z[j]));
            }
        } finally {
            syncing = false;
        }
    }
}
