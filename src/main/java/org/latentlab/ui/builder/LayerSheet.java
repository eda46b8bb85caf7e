package org.latentlab.ui.builder;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.latentlab.model.Shape;
import org.latentlab.model.edit.LayerNode;
import org.latentlab.model.edit.LayerProperties;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.ModelFamily;
import org.latentlab.model.edit.NetworkGraph;
import org.latentlab.model.edit.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The property sheet (ControlsFX {@link PropertySheet}) of the selected layer: one typed editor per parameter, a
 * number field with its accepted range, a list for activations and paddings. A value is committed on Enter or when
 * the field loses focus, as one undoable edit; a value out of range is refused with the reason in the status line
 * and the field shows the stored value again. With a network's input selected it edits the input's shape; the
 * design's data shape is always at the top.
 */
final class LayerSheet extends VBox {

    private final BuilderViewModel vm;
    private final PropertySheet sheet = new PropertySheet();
    private final Label heading = new Label();

    LayerSheet(BuilderViewModel vm) {
        super(4);
        this.vm = vm;
        getStyleClass().add("builder-sheet");
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        sheet.setId("builder-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> ((Item) item).editor());
        VBox.setVgrow(sheet, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(heading, sheet);
        vm.designProperty().addListener((o, a, b) -> Platform.runLater(this::refresh));
        vm.selection().addListener((javafx.collections.SetChangeListener<String>) c -> Platform.runLater(
                this::refresh));
        refresh();
    }

    void refresh() {
        ModelDesign d = vm.designProperty().get();
        List<PropertySheet.Item> items = new ArrayList<>();
        if (d.family() != ModelFamily.NETWORK) {
            items.add(new Item("data shape", "Design", "the shape of one data example: 784, or 1x28x28 (channels x"
                    + " height x width); what a discriminator or encoder takes and a generator or decoder makes",
                    String.class, d.data().toString(), List.of(), v -> vm.setDataShape(parseShape((String) v))));
        }
        String selected = vm.selection().size() == 1 ? vm.selection().iterator().next() : null;
        Optional<Role> role = selected == null ? Optional.empty() : d.roleOf(selected);
        if (role.isPresent()) {
            NetworkGraph g = d.graph(role.get());
            Optional<LayerNode> layer = g.layer(selected);
            if (layer.isPresent()) {
                heading.setText(layer.get().name() + " — " + NodeView.describe(layer.get().layer()) + " (in "
                        + role.get().id() + ")");
                for (LayerProperties.Property p : LayerProperties.of(layer.get().layer())) {
                    String id = selected;
                    items.add(new Item(p.name(), "Layer: " + layer.get().layer().type(),
                            p.description() + (p.range() == null ? "" : "; accepted: " + p.range()),
                            javaType(p), p.value(), p.choices(), v -> vm.setProperty(id, p.name(), v)));
                }
            } else {
                heading.setText("input of " + role.get().id() + " (" + g.name() + ")");
                Role r = role.get();
                items.add(new Item("input shape", "Input", "the shape entering " + g.name() + ": for a generator"
                        + " the noise size, for a decoder the code size", String.class, g.input().shape().toString(),
                        List.of(), v -> vm.setInputShape(r, parseShape((String) v))));
            }
        } else {
            heading.setText(vm.selection().isEmpty() ? "Select a layer to edit its parameters"
                    : vm.selection().size() + " nodes selected");
        }
        sheet.getItems().setAll(items);
    }

    private static Class<?> javaType(LayerProperties.Property p) {
        return switch (p.type()) {
            case INT -> Integer.class;
            case DOUBLE -> Double.class;
            case ENUM -> p.value() == null ? String.class : p.value().getClass();
            case STRING -> String.class;
        };
    }

    /** {@code 784}, {@code 1x28x28}, {@code [1, 28, 28]} or {@code 1,28,28}. */
    static Shape parseShape(String text) {
        String t = text.trim().replace("[", "").replace("]", "");
        String[] parts = t.split("\\s*[x×,]\\s*|\\s+");
        List<Integer> dims = new ArrayList<>();
        for (String s : parts) {
            if (!s.isBlank()) {
                try {
                    dims.add(Integer.parseInt(s.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a shape: write 784 or 1x28x28");
                }
            }
        }
        return Shape.of(dims);
    }

    /** One row of the sheet, committing through an edit. */
    private final class Item implements PropertySheet.Item {
        private final String name;
        private final String category;
        private final String description;
        private final Class<?> type;
        private final Object value;
        private final List<?> choices;
        private final Consumer<Object> commit;

        Item(String name, String category, String description, Class<?> type, Object value, List<?> choices,
             Consumer<Object> commit) {
            this.name = name;
            this.category = category;
            this.description = description;
            this.type = type;
            this.value = value;
            this.choices = choices;
            this.commit = commit;
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object v) {
            if (v == null || v.equals(value)) {
                return;
            }
            try {
                commit.accept(v);
            } catch (IllegalArgumentException e) {
                vm.error(name + ": " + e.getMessage());
            }
            Platform.runLater(LayerSheet.this::refresh);
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }

        PropertyEditor<?> editor() {
            String id = "prop-" + name.replace(' ', '-');
            if (!choices.isEmpty()) {
                ComboBox<Object> box = new ComboBox<>(FXCollections.observableArrayList(choices));
                box.setId(id);
                box.setConverter(new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(Object o) {
                        return o instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(o);
                    }

                    @Override
                    public Object fromString(String s) {
                        return null;
                    }
                });
                box.setValue(value);
                box.setOnAction(e -> setValue(box.getValue()));
                return new Editor(box, box::setValue);
            }
            TextField field = new TextField(value == null ? "" : value.toString());
            field.setId(id);
            Runnable apply = () -> {
                if (field.getScene() == null) {
                    return; // the sheet was rebuilt under the field (after its own edit): nothing to commit
                }
                String text = field.getText().trim();
                if (text.equals(value == null ? "" : value.toString())) {
                    return;
                }
                Object parsed;
                try {
                    parsed = parse(text);
                } catch (NumberFormatException e) {
                    vm.error(name + " must be " + (type == Integer.class ? "a whole number" : "a number")
                            + ", not '" + text + "'");
                    field.setText(value == null ? "" : value.toString());
                    return;
                }
                setValue(parsed);
            };
            field.setOnAction(e -> apply.run());
            field.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    apply.run();
                }
            });
            return new Editor(field, v -> field.setText(v == null ? "" : v.toString()));
        }

        private Object parse(String text) {
            if (type == Integer.class) {
                return Integer.parseInt(text);
            }
            if (type == Double.class) {
                return Double.parseDouble(text.replace(',', '.').toLowerCase(Locale.ROOT));
            }
            return text;
        }
    }

    /** Shows the stored value; commits happen in the field's own handlers. */
    private record Editor(Node node, Consumer<Object> show) implements PropertyEditor<Object> {
        @Override
        public Node getEditor() {
            return node;
        }

        @Override
        public Object getValue() {
            return null;
        }

        @Override
        public void setValue(Object value) {
            show.accept(value);
        }
    }
}
