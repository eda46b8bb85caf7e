package org.latentlab.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.latentlab.ui.common.Controls;

/**
 * Draws a {@link SettingsPanelModel}: one titled group per nested record, a labelled text field, check box or choice
 * box per setting (id {@code setting-training-beta} for {@code training.beta}), the live-safe ones marked ●, a
 * refused one outlined in red, a changed one in bold, and under them the one-line message with Apply and Revert.
 * An edit reaches the model when it ends (Enter, focus lost, a choice made); the model parses and checks it.
 */
public final class SettingsPanel extends VBox {

    private static final String INVALID_STYLE = "-fx-border-color: #d03030; -fx-border-width: 1.5;";
    private final SettingsPanelModel model;
    private final VBox groups = new VBox(4);

    public SettingsPanel(SettingsPanelModel model) {
        super(6);
        this.model = model;
        setId("settingsPanel");
        setPadding(new Insets(6));
        setPrefWidth(360);
        setMinWidth(300);
        Label title = Controls.sectionTitle("Settings");
        Label phase = new Label();
        phase.setId("settingsPhase");
        phase.setWrapText(true);
        phase.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        phase.textProperty().bind(model.phaseTextProperty());
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label message = new Label();
        message.setId("settingsMessage");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        message.styleProperty().bind(javafx.beans.binding.Bindings.when(model.messageIsErrorProperty())
                .then("-fx-text-fill: #c02020;").otherwise("-fx-text-fill: #205020;"));
        Button apply = Controls.idButton("settingsApply", "Apply", "Put the changed settings in force: before a run"
                + " the experiment is loaded again with them; while paused the run takes them at its next iteration,"
                + " recorded in the run folder's settings-changes.jsonl", model::apply);
        apply.disableProperty().bind(model.canApplyProperty().not());
        Button revert = Controls.idButton("settingsRevert", "Revert", "Show the settings in force again",
                model::revert);
        setFillWidth(true);
        getChildren().addAll(title, phase, scroll, message, new HBox(6, apply, revert));
        model.formProperty().addListener((o, a, g) -> rebuild(g));
        rebuild(model.formProperty().get());
    }

    private void rebuild(SettingGroup form) {
        groups.getChildren().clear();
        if (form == null) {
            return;
        }
        for (SettingGroup g : form.groups()) {
            groups.getChildren().add(titled(g));
        }
        if (!form.fields().isEmpty()) {
            TitledPane run = new TitledPane("Run", grid(form));
            run.setId("settingsGroup-run");
            groups.getChildren().add(run);
        }
    }

    private TitledPane titled(SettingGroup g) {
        VBox box = new VBox(4, grid(g));
        for (SettingGroup inner : g.groups()) {
            TitledPane t = titled(inner);
            t.setExpanded(true);
            box.getChildren().add(t);
        }
        TitledPane pane = new TitledPane(g.title(), box);
        pane.setId("settingsGroup-" + g.path().replace('.', '-'));
        return pane;
    }

    private GridPane grid(SettingGroup g) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(3);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setPercentWidth(60);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setPercentWidth(40);
        grid.getColumnConstraints().addAll(labels, controls);
        int row = 0;
        for (SettingField f : g.fields()) {
            Label label = new Label(f.label() + (model.isLiveSafe(f.path()) ? " ●" : ""));
            label.setWrapText(true);
            label.styleProperty().bind(javafx.beans.binding.Bindings.when(f.changedProperty())
                    .then("-fx-font-weight: bold;").otherwise(""));
            Node control = control(f);
            Tooltip tip = new Tooltip(f.help());
            tip.setShowDelay(Duration.millis(300));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            label.setTooltip(tip);
            if (control instanceof javafx.scene.control.Control c) {
                c.setTooltip(tip);
                c.setMaxWidth(Double.MAX_VALUE);
            }
            grid.addRow(row++, label, control);
        }
        return grid;
    }

    private Node control(SettingField f) {
        String id = "setting-" + f.path().replace('.', '-');
        switch (f.kind()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setId(id);
                box.setSelected(Boolean.parseBoolean(f.textProperty().get()));
                f.textProperty().addListener((o, a, v) -> box.setSelected(Boolean.parseBoolean(v)));
                box.selectedProperty().addListener((o, a, on) -> {
                    if (!String.valueOf(on).equals(f.textProperty().get())) {
                        f.textProperty().set(String.valueOf(on));
                        model.commit(f);
                    }
                });
                box.disableProperty().bind(f.editableProperty().not());
                return box;
            }
            case CHOICE -> {
                ChoiceBox<String> choice = new ChoiceBox<>();
                choice.setId(id);
                choice.getItems().setAll(f.choices());
                choice.setValue(f.textProperty().get());
                f.textProperty().addListener((o, a, v) -> choice.setValue(v));
                choice.valueProperty().addListener((o, a, v) -> {
                    if (v != null && !v.equals(f.textProperty().get())) {
                        f.textProperty().set(v);
                        model.commit(f);
                    }
                });
                choice.disableProperty().bind(f.editableProperty().not());
                return choice;
            }
            default -> {
                TextField field = new TextField();
                field.setId(id);
                field.setPrefColumnCount(7);
                field.textProperty().bindBidirectional(f.textProperty());
                field.setOnAction(e -> model.commit(f));
                field.focusedProperty().addListener((o, was, now) -> {
                    if (was && !now && f.editableProperty().get()) {
                        model.commit(f);
                    }
                });
                field.editableProperty().bind(f.editableProperty());
                field.disableProperty().bind(f.editableProperty().not());
                field.styleProperty().bind(javafx.beans.binding.Bindings.when(f.invalidProperty())
                        .then(INVALID_STYLE).otherwise(""));
                return field;
            }
        }
    }
}
