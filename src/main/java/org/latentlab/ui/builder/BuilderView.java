package org.latentlab.ui.builder;

import org.latentlab.ui.common.Controls;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.latentlab.model.edit.DesignCheck;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.model.edit.Diagnostic;
import org.latentlab.model.edit.Role;

import java.io.File;

/**
 * The network builder: the palette on the left, the canvas in the middle with the problems and the cost table
 * under it, the selected layer's property sheet on the right, and a toolbar for templates, files, undo / redo and
 * Train. Keyboard: Ctrl+Z undo, Ctrl+Shift+Z (or Ctrl+Y) redo, Delete removes the selection or the selected
 * connection, Ctrl+C / Ctrl+V copy and paste layers, Ctrl+S save, Ctrl+0 fits the design in view.
 */
public final class BuilderView extends BorderPane {

    private final BuilderViewModel vm;
    private final Window owner;
    private final GraphCanvas canvas;
    private final ListView<Diagnostic> problems = new ListView<>();
    private final Tab problemsTab = new Tab("Problems");
    private final ComboBox<DesignTemplates.Template> templates = new ComboBox<>();

    public BuilderView(BuilderViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        getStyleClass().add("builder");
        canvas = new GraphCanvas(vm);
        setTop(toolbar());
        PaletteView palette = new PaletteView(vm, canvas);
        ScrollPane paletteScroll = new ScrollPane(palette);
        paletteScroll.setFitToWidth(true);
        paletteScroll.setPrefWidth(180);
        VBox left = new VBox(4, targetChooser(), paletteScroll);
        VBox.setVgrow(paletteScroll, Priority.ALWAYS);
        left.setPadding(new Insets(4));
        setLeft(left);
        LayerSheet sheet = new LayerSheet(vm);
        sheet.setPrefWidth(300);
        sheet.setPadding(new Insets(4));
        setRight(sheet);
        problems.setId("builder-problems");
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Diagnostic d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : (d.isError() ? "✖ " : "⚠ ") + d);
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (!empty && d != null) {
                    getStyleClass().add(d.isError() ? "problem-error" : "problem-warning");
                }
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null && !d.nodes().isEmpty()) {
                vm.selection().clear();
                vm.selection().addAll(d.nodes());
            }
        });
        problems.setPlaceholder(new Label("No problems: the design can be trained."));
        problemsTab.setContent(problems);
        problemsTab.setClosable(false);
        Tab costTab = new Tab("Parameters · memory · FLOPs", new CostTable(vm));
        costTab.setClosable(false);
        TabPane bottom = new TabPane(problemsTab, costTab);
        SplitPane centre = new SplitPane(canvas, bottom);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.68);
        setCenter(centre);
        vm.checkProperty().addListener((o, a, c) -> showProblems(c));
        showProblems(vm.checkProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        Platform.runLater(canvas::fit);
        canvas.widthProperty().addListener((o, a, w) -> {
            if (a.doubleValue() == 0 && w.doubleValue() > 0) {
                Platform.runLater(canvas::fit);
            }
        });
    }

    /**
     * Puts the template with this id on the canvas, as choosing it in the Template list does (undoable, fitted);
     * a {@link org.latentlab.core.LabException} naming the known ids if there is none.
     */
    public void showTemplate(String id) {
        DesignTemplates.Template t = org.latentlab.experiment.DesignExperiments.template(id);
        if (t.equals(templates.getValue())) { // the list fires only on a change: the design may have been edited
            vm.loadTemplate(t);
            Platform.runLater(canvas::fit);
        } else {
            templates.setValue(t);
        }
    }

    private javafx.scene.Node toolbar() {
        templates.setId("builder-template");
        templates.getItems().setAll(org.latentlab.experiment.DesignExperiments.templates());
        templates.setConverter(new StringConverter<>() {
            @Override
            public String toString(DesignTemplates.Template t) {
                return t == null ? "" : t.title();
            }

            @Override
            public DesignTemplates.Template fromString(String s) {
                return null;
            }
        });
        templates.setPromptText("Template…");
        templates.getItems().stream().filter(t -> t.design().equals(vm.designProperty().get())).findFirst()
                .ifPresent(templates::setValue);
        templates.setOnAction(e -> {
            DesignTemplates.Template t = templates.getValue();
            if (t != null) {
                vm.loadTemplate(t);
                Platform.runLater(canvas::fit);
            }
        });
        Button open = button("Open…", "open a design, a network or an experiment file (JSON): an experiment's networks go on the canvas and Train uses its data and settings", this::open);
        Button save = button("Save…", "save the design as JSON (Ctrl+S)", this::save);
        Button export = button("Export DL4J…", "compile each network for DL4J and write its configuration JSON"
                + " and model zip (DL4J's ModelSerializer and Netron open them)", this::export);
        Button undo = button("Undo", "Ctrl+Z", vm::undo);
        undo.setId("builder-undo");
        undo.setMnemonicParsing(false); // layer names have underscores
        undo.textProperty().bind(vm.undoLabelProperty());
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("Redo", "Ctrl+Shift+Z", vm::redo);
        redo.setId("builder-redo");
        redo.setMnemonicParsing(false);
        redo.textProperty().bind(vm.redoLabelProperty());
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Button delete = button("Delete", "remove the selected layers or connection (Delete)", vm::deleteSelection);
        Button copy = button("Copy", "Ctrl+C", vm::copySelection);
        Button paste = button("Paste", "Ctrl+V: into the network chosen on the left", vm::paste);
        Button arrange = button("Arrange", "lay every network out left to right", () -> {
            vm.arrange();
            Platform.runLater(canvas::fit);
        });
        Button fit = button("Fit", "fit the whole design in view (Ctrl+0), however small its text gets; the wheel"
                + " zooms, dragging the background pans", canvas::fitAll);
        fit.setId("builder-fit");
        Button train = button("Train", "train the design with the data and settings of its template's preset (or of the experiment it was opened from), in its bench",
                vm::train);
        train.setId("builder-train");
        train.getStyleClass().add("accent");
        // the undo / redo labels name the edit ("Undo Rename 'd1' to '...'"): bounded, the whole label in the
        // tooltip, so a long one never squeezes the other buttons
        for (Button b : new Button[] {undo, redo}) {
            b.setMaxWidth(UNDO_WIDTH);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setPrefWidth(Region.USE_COMPUTED_SIZE);
            b.getTooltip().textProperty().bind(b.textProperty().concat(" (")
                    .concat(b == undo ? "Ctrl+Z" : "Ctrl+Shift+Z").concat(")"));
        }
        // a row that wraps onto a second line when the window is narrow, instead of squeezing buttons to "…"
        FlowPane row = new FlowPane(6, 4, new Label("Template"), templates, open, save, export,
                separator(), undo, redo, separator(), delete, copy, paste, arrange, fit, separator(), train);
        row.setId("builder-toolbar");
        row.getStyleClass().add("toolbar-row");
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (javafx.scene.Node n : row.getChildren()) {
            if (n instanceof Region r && n != undo && n != redo) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        Label title = new Label();
        title.setId("builder-title");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(vm.titleProperty());
        Label message = new Label();
        message.setId("builder-message");
        message.getStyleClass().add("description");
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, a, err) -> {
            message.getStyleClass().remove("message-error");
            if (err) {
                message.getStyleClass().add("message-error");
            }
        });
        Label hint = new Label("Drag layers from the palette; drag from a node's right port to another node to"
                + " connect; Shift+drag selects; Delete removes; Ctrl+Z / Ctrl+Shift+Z undo and redo.");
        hint.getStyleClass().add("description");
        VBox top = new VBox(2, row, title, new WiringBar(vm), message, hint);
        top.setPadding(new Insets(4, 8, 4, 8));
        return top;
    }

    private javafx.scene.Node targetChooser() {
        ComboBox<Role> target = new ComboBox<>();
        target.setId("builder-target");
        Runnable fill = () -> {
            target.getItems().setAll(vm.designProperty().get().family().roles());
            target.setValue(vm.targetProperty().get());
        };
        fill.run();
        vm.designProperty().addListener((o, a, d) -> fill.run());
        vm.targetProperty().addListener((o, a, r) -> target.setValue(r));
        target.setOnAction(e -> {
            if (target.getValue() != null) {
                vm.targetProperty().set(target.getValue());
            }
        });
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : r.networkName().equals(r.id()) ? r.id() : r.networkName() + " (" + r.id() + ")";
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        });
        target.setTooltip(new Tooltip("the network dropped and pasted layers go into"));
        Label l = new Label("Add layers to");
        return new VBox(2, l, target);
    }

    private void showProblems(DesignCheck check) {
        if (check == null) {
            return;
        }
        problems.getItems().setAll(check.diagnostics());
        long errors = check.errors().size();
        long warnings = check.diagnostics().size() - errors;
        problemsTab.setText(errors + warnings == 0 ? "Problems (none)"
                : "Problems (" + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + ")");
    }

    private void key(KeyEvent e) {
        if (getScene() != null && getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        boolean shortcut = e.isShortcutDown();
        if (shortcut && e.getCode() == KeyCode.Z) {
            if (e.isShiftDown()) {
                vm.redo();
            } else {
                vm.undo();
            }
        } else if (shortcut && e.getCode() == KeyCode.Y) {
            vm.redo();
        } else if (shortcut && e.getCode() == KeyCode.C) {
            vm.copySelection();
        } else if (shortcut && e.getCode() == KeyCode.V) {
            vm.paste();
        } else if (shortcut && e.getCode() == KeyCode.S) {
            save();
        } else if (shortcut && (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0)) {
            canvas.fitAll();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            vm.deleteSelection();
        } else {
            return;
        }
        e.consume();
    }

    private void open() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a design, a network or an experiment");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File f = fc.showOpenDialog(owner);
        if (f != null) {
            if (vm.open(f.toPath())) {
                Platform.runLater(canvas::fit);
            }
        }
    }

    private void save() {
        File f = vm.file().map(java.nio.file.Path::toFile).orElse(null);
        if (f == null) {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save the design");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            fc.setInitialFileName(vm.designProperty().get().name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".json");
            f = fc.showSaveDialog(owner);
        }
        if (f != null) {
            vm.save(f.toPath());
        }
    }

    private void export() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export the compiled DL4J networks to a folder");
        File d = dc.showDialog(owner);
        if (d != null) {
            vm.exportDl4j(d.toPath());
        }
    }

    /** The widest the undo and redo buttons get; longer labels end in "…" and are whole in the tooltip. */
    static final double UNDO_WIDTH = 260;

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(24);
        return s;
    }

    private static Button button(String text, String tip, Runnable action) {
        return Controls.button(text, tip, action);
    }

    /** The canvas, for tests. */
    GraphCanvas canvas() {
        return canvas;
    }
}
