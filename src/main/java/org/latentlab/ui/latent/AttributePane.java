package org.latentlab.ui.latent;

import static org.latentlab.ui.latent.StudioControls.button;
import static org.latentlab.ui.latent.StudioControls.field;
import static org.latentlab.ui.latent.StudioControls.intField;
import static org.latentlab.ui.latent.StudioControls.styled;
import static org.latentlab.ui.latent.StudioControls.title;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Optional;

/** The attributes tab: an attribute vector between two classes with its strength, and the analogy a − b + c. */
final class AttributePane extends VBox {

    private final ComboBox<Integer> classFrom = new ComboBox<>();
    private final ComboBox<Integer> classTo = new ComboBox<>();
    private final TextField analogyA = field("0", 56, "latent-analogy-a");
    private final TextField analogyB = field("1", 56, "latent-analogy-b");
    private final TextField analogyC = field("2", 56, "latent-analogy-c");
    private final ImageGridCanvas analogyRow = new ImageGridCanvas("latent-analogy", 90);
    private LoadedModel model;

    AttributePane(AttributeViewModel vm) {
        super(8);
        classFrom.setId("latent-class-from");
        classTo.setId("latent-class-to");
        classFrom.setConverter(StudioControls.names(c -> model == null ? c.toString() : model.className(c)));
        classTo.setConverter(StudioControls.names(c -> model == null ? c.toString() : model.className(c)));
        HBox classes = new HBox(6, new Label("from class A"), classFrom, new Label("to class B"), classTo,
                button("latent-attribute-compute", "Compute vector", "mean code of class B minus mean code of class A"
                        + " (encoded examples)", () -> {
                            if (classFrom.getValue() != null && classTo.getValue() != null) {
                                vm.computeAttribute(classFrom.getValue(), classTo.getValue());
                            }
                        }));
        classes.setAlignment(Pos.CENTER_LEFT);
        Slider strength = new Slider(-3, 3, 0);
        strength.setId("latent-strength");
        strength.setShowTickMarks(true);
        strength.setShowTickLabels(true);
        strength.setMajorTickUnit(1);
        strength.setPrefWidth(360);
        strength.valueProperty().bindBidirectional(vm.strengthProperty());
        strength.disableProperty().bind(vm.attributeProperty().isNull());
        Label strengthValue = new Label();
        strengthValue.textProperty().bind(vm.strengthProperty().asString("s = %.2f"));
        Label attribute = styled("", "legend");
        attribute.setId("latent-attribute");
        attribute.textProperty().bind(vm.attributeTextProperty());
        HBox strengthRow = new HBox(8, new Label("strength"), strength, strengthValue);
        strengthRow.setAlignment(Pos.CENTER_LEFT);
        Label hint = styled("Moving the strength slider adds Δs·v to the current code: s = 1 takes a typical A to a"
                + " typical B; negative s removes the attribute.", "description");
        HBox analogyControls = new HBox(6, new Label("a #"), analogyA, new Label("b #"), analogyB,
                new Label("c #"), analogyC, button("latent-analogy-run", "a − b + c", "load the code a − b + c of"
                        + " three examples' codes into the sliders", () -> {
                            Optional<Integer> a = intField(analogyA, 0, Integer.MAX_VALUE);
                            Optional<Integer> b = intField(analogyB, 0, Integer.MAX_VALUE);
                            Optional<Integer> c = intField(analogyC, 0, Integer.MAX_VALUE);
                            if (a.isPresent() && b.isPresent() && c.isPresent()) {
                                vm.analogy(a.get(), b.get(), c.get());
                            }
                        }));
        analogyControls.setAlignment(Pos.CENTER_LEFT);
        analogyRow.setPrefHeight(96);
        analogyRow.setMaxWidth(4 * 96);
        getChildren().addAll(title("Attribute vector"), classes, attribute, strengthRow, hint, new Separator(),
                title("Analogy"), analogyControls, analogyRow,
                styled("Shown: a, b, c (the examples) and what a − b + c decodes to.", "legend"));
        setPadding(new Insets(8));
        vm.analogyProperty().addListener((o, a, p) -> analogyRow.setImages(p == null ? null : p.display(),
                p == null ? null : p.shape(), 1, 4));
    }

    /** The class lists and example tips of the model just opened (or just given codes by inversion). */
    void show(LoadedModel l) {
        model = l;
        classFrom.getItems().setAll(l.classes());
        classTo.getItems().setAll(l.classes());
        if (l.classes().size() >= 2) {
            classFrom.setValue(l.classes().get(0));
            classTo.setValue(l.classes().get(1));
        }
        for (TextField f : new TextField[] {analogyA, analogyB, analogyC}) {
            f.setTooltip(new Tooltip(l.exampleNoun() + " index, 0 to " + (l.examples().size() - 1)));
        }
    }
}
