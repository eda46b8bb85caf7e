package org.latentlab.ui.builder;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.LabException;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.DesignExperiments;
import org.latentlab.model.Shape;
import org.latentlab.model.edit.AddLayerEdit;
import org.latentlab.model.edit.Clipboard;
import org.latentlab.model.edit.ConnectEdit;
import org.latentlab.model.edit.DesignCheck;
import org.latentlab.model.edit.DesignDocument;
import org.latentlab.model.edit.DesignFiles;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.model.edit.DisconnectEdit;
import org.latentlab.model.edit.Edge;
import org.latentlab.model.edit.Edit;
import org.latentlab.model.edit.EditHistory;
import org.latentlab.model.edit.LoadDesignEdit;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.MoveNodesEdit;
import org.latentlab.model.edit.Palette;
import org.latentlab.model.edit.PasteEdit;
import org.latentlab.model.edit.Point;
import org.latentlab.model.edit.RemoveLayersEdit;
import org.latentlab.model.edit.Role;
import org.latentlab.model.edit.SetDataShapeEdit;
import org.latentlab.model.edit.SetInputShapeEdit;
import org.latentlab.model.edit.SetLayerPropertyEdit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The builder's state for the screen: the open {@link DesignDocument} and its {@link EditHistory}, the selection,
 * the network new layers go into, the file it was opened from, and the last message. Every change of the design goes
 * through {@link #perform}, so every change can be undone; a refused edit leaves the design as it was and says why
 * in the message. Runs on the FX thread; only the DL4J export is a job for the {@link TaskRunner} it is given. One
 * concept, read in one sitting despite its length: most of it is one-line commands that each perform one edit, and
 * the properties the screen binds.
 */
public final class BuilderViewModel {

    private final DesignDocument document;
    private final EditHistory history = new EditHistory();
    private final ReadOnlyObjectWrapper<ModelDesign> design = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DesignCheck> check = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<String> selection = FXCollections.observableSet();
    private final ObjectProperty<Role> target = new SimpleObjectProperty<>();
    /** A connection picked on the canvas (Delete removes it); null when none. */
    private final ObjectProperty<Edge> selectedEdge = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final TaskRunner runner;
    private Clipboard clipboard;
    private int pastes;
    private Path file;
    /** What Train uses for data and settings: the template's preset, or the experiment a design was opened from. */
    private String preset;
    private DesignExperiments.Trainable experiment;
    private Consumer<DesignExperiments.Trainable> trainer = t -> {
    };

    /** Opens on the first template (an MLP GAN for 2-D points). */
    public BuilderViewModel(TaskRunner runner) {
        this(DesignTemplates.all().get(0), runner);
    }

    /**
     * @param template what the canvas opens on
     * @param runner   runs the DL4J export off the FX thread and tells its outcome on it
     */
    public BuilderViewModel(DesignTemplates.Template template, TaskRunner runner) {
        this.runner = runner;
        document = new DesignDocument(template.design());
        preset = template.preset();
        document.addListener((before, after) -> {
            check.set(document.check()); // before the design: its listeners render with the new check
            design.set(after);
            selection.removeIf(id -> !after.nodeIds().contains(id) && !isInputId(after, id));
            if (selectedEdge.get() != null && after.networks().values().stream()
                    .noneMatch(g -> g.edges().contains(selectedEdge.get()))) {
                selectedEdge.set(null);
            }
            if (target.get() == null || !after.family().roles().contains(target.get())) {
                target.set(after.family().roles().get(0));
            }
            updateTitle();
        });
        history.addListener(h -> {
            undoLabel.set(h.undoLabel());
            redoLabel.set(h.redoLabel());
            canUndo.set(h.canUndo());
            canRedo.set(h.canRedo());
            updateTitle();
        });
        design.set(document.design());
        check.set(document.check());
        target.set(document.design().family().roles().get(0));
        updateTitle();
    }

    private static boolean isInputId(ModelDesign d, String id) {
        return d.networks().values().stream().anyMatch(g -> g.input().id().equals(id));
    }

    // ---- edits

    /** Performs an edit; a refusal is shown as the message and changes nothing. True when it was performed. */
    public boolean perform(Edit edit) {
        try {
            history.perform(edit);
            info(edit.description());
            return true;
        } catch (LabException | IllegalArgumentException e) {
            error(e.getMessage());
            return false;
        }
    }

    /** Adds a layer of a palette entry at a canvas point, into the target network, and selects it. */
    public Optional<String> addLayer(Palette.Entry entry, Point at) {
        AddLayerEdit edit = new AddLayerEdit(document, target.get(), entry, at);
        if (perform(edit)) {
            selection.clear();
            selection.add(edit.nodeId());
            return Optional.of(edit.nodeId());
        }
        return Optional.empty();
    }

    /** Adds a layer next to the last selected node (or at the right of the target network). */
    public Optional<String> addLayerBeside(Palette.Entry entry) {
        Point at = selection.stream().reduce((a, b) -> b).map(this::position)
                .map(p -> new Point(p.x() + 200, p.y() + 90)).orElseGet(() -> {
                    var g = design.get().graph(target.get());
                    double x = g.layers().stream().mapToDouble(n -> n.x()).max().orElse(g.input().x()) + 200;
                    return new Point(x, g.input().y());
                });
        return addLayer(entry, at);
    }

    /** Connects two nodes; nothing connects into a network's input (said in the message). */
    public boolean connect(String from, String to) {
        if (isInputId(design.get(), to)) {
            error("nothing can connect into a network's input: drag from an output port (right) to a layer");
            return false;
        }
        return perform(new ConnectEdit(document, from, to));
    }

    /** Picks a connection (instead of any layers): Delete then removes it. */
    public void selectEdge(Edge edge) {
        selection.clear();
        selectedEdge.set(edge);
        info("connection " + edge + " selected: Delete removes it");
    }

    public boolean disconnect(Edge edge) {
        return perform(new DisconnectEdit(document, edge));
    }

    /** Moves the selected nodes (and {@code id} if it is not selected) by dx, dy canvas units. */
    public void moveBy(Collection<String> ids, double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return;
        }
        perform(MoveNodesEdit.by(document, ids, dx, dy));
    }

    /** Sets one parameter of a layer; false (and the reason as the message) when the value is refused. */
    public boolean setProperty(String nodeId, String property, Object value) {
        return perform(new SetLayerPropertyEdit(document, nodeId, property, value));
    }

    /** Sets the shape a network's input node gives (e.g. the noise size of a generator). */
    public boolean setInputShape(Role role, Shape shape) {
        return perform(new SetInputShapeEdit(document, role, shape));
    }

    /** Sets the data shape the design is tied to. */
    public boolean setDataShape(Shape shape) {
        return perform(new SetDataShapeEdit(document, shape));
    }

    /** Joins a GAN-zoo design's networks another way (labels, codes, the layer Q reads...), undoably. */
    public boolean setWiring(org.latentlab.model.edit.Wiring wiring) {
        return perform(new org.latentlab.model.edit.SetWiringEdit(document, wiring));
    }

    /** Removes the selected connection, or else the selected layers (never a network's input). */
    public void deleteSelection() {
        Edge edge = selectedEdge.get();
        if (edge != null) {
            selectedEdge.set(null);
            disconnect(edge);
            return;
        }
        List<String> layers = selection.stream().filter(id -> !isInputId(design.get(), id)).toList();
        if (layers.isEmpty()) {
            info(selection.isEmpty() ? "select layers to delete" : "a network's input cannot be deleted");
            return;
        }
        perform(new RemoveLayersEdit(document, layers));
    }

    public void copySelection() {
        List<String> layers = selection.stream().filter(id -> !isInputId(design.get(), id)).toList();
        if (layers.isEmpty()) {
            info("select layers to copy");
            return;
        }
        clipboard = Clipboard.copy(design.get(), layers);
        pastes = 0;
        info("copied " + layers.size() + " layer(s)");
    }

    public void paste() {
        if (clipboard == null || clipboard.isEmpty()) {
            info("nothing copied yet");
            return;
        }
        pastes++;
        PasteEdit edit = new PasteEdit(document, clipboard, target.get(), 40.0 * pastes, 40.0 * pastes);
        if (perform(edit)) {
            selection.clear();
            selection.addAll(edit.pastedIds());
        }
    }

    /** Lays out every network of the design left to right, one row each. */
    public void arrange() {
        List<Edit> edits = new ArrayList<>();
        for (Role r : design.get().family().roles()) {
            edits.add(MoveNodesEdit.arrange(document, r));
        }
        perform(new org.latentlab.model.edit.CompositeEdit(document, "Arrange", edits)); // one step to undo
    }

    public void undo() {
        if (history.canUndo()) {
            String d = history.undoDescription().orElse("");
            history.undo();
            info("undone: " + d);
        }
    }

    public void redo() {
        if (history.canRedo()) {
            String d = history.redoDescription().orElse("");
            history.redo();
            info("redone: " + d);
        }
    }

    // ---- templates and files

    /** Puts a template on the canvas (undoable), with its preset for Train. */
    public void loadTemplate(DesignTemplates.Template template) {
        if (perform(new LoadDesignEdit(document, template.design(), "Load template " + template.title()))) {
            preset = template.preset();
            experiment = null;
            file = null;
            selection.clear();
            updateTitle();
        }
    }

    /**
     * Opens a design file, a single network file, or an experiment file (whose networks become the design, and
     * whose data and settings Train then uses). A malformed file is reported with its place and what is wrong, and
     * the canvas keeps what it had.
     */
    public boolean open(Path path) {
        DesignExperiments.Opened opened;
        try {
            opened = DesignExperiments.open(path);
        } catch (LabException e) {
            error(e.getMessage());
            return false;
        }
        ModelDesign next = opened.design();
        if (perform(new LoadDesignEdit(document, next, "Open " + path.getFileName()))) {
            boolean experimentFile = opened.experiment().isPresent();
            file = experimentFile ? null : path; // Save writes a design file, never over the experiment
            experiment = opened.experiment().orElse(null);
            preset = experiment != null ? experiment.name() : DesignExperiments.templates().stream()
                    .filter(t -> t.design().family() == next.family())
                    .map(DesignTemplates.Template::preset).findFirst().orElse(preset);
            if (!experimentFile) {
                history.markSaved();
            }
            selection.clear();
            updateTitle();
            info("opened " + path + (experimentFile ? ": the experiment's networks; Train uses its data and settings"
                    : ""));
            return true;
        }
        return false;
    }

    public boolean save(Path path) {
        try {
            DesignFiles.writeDesign(design.get(), path);
        } catch (LabException e) {
            error(e.getMessage());
            return false;
        }
        file = path;
        history.markSaved();
        info("saved " + path);
        return true;
    }

    /** Compiles the networks for DL4J and writes their configuration JSON and model zip (on the runner). */
    public TaskHandle exportDl4j(Path dir) {
        ModelDesign d = design.get();
        info("exporting to " + dir + " …");
        return runner.submit(BackgroundTask.of("exporting " + d.name(), m -> DesignExperiments.exportDl4j(d, dir))
                .onSuccess(files -> info("exported " + files.size() + " files to " + dir + ": " + files.stream()
                        .map(p -> p.getFileName().toString()).toList()))
                .onFailure(this::error));
    }

    /** Where "Train" sends the experiment (the window switches to the bench that trains it). */
    public void setTrainer(Consumer<DesignExperiments.Trainable> trainer) {
        this.trainer = trainer;
    }

    /**
     * Makes the experiment of the design with the data and settings of its template's preset (or of the experiment
     * it was opened from) and hands it to a bench.
     */
    public Optional<DesignExperiments.Trainable> train() {
        try {
            DesignExperiments.Trainable t = experiment != null ? DesignExperiments.experiment(design.get(), experiment)
                    : DesignExperiments.experiment(design.get(), preset);
            trainer.accept(t);
            info("training " + t.name() + " with the data and settings of " + preset);
            return Optional.of(t);
        } catch (LabException e) {
            error(e.getMessage());
            return Optional.empty();
        }
    }

    // ---- helpers

    /** Where a node is on the canvas. */
    public Point position(String id) {
        ModelDesign d = design.get();
        for (var g : d.networks().values()) {
            if (g.contains(id)) {
                return g.position(id);
            }
        }
        throw new IllegalArgumentException("no node " + id);
    }

    public void info(String text) {
        message.set(text);
        messageIsError.set(false);
    }

    public void error(String text) {
        message.set(text);
        messageIsError.set(true);
    }

    private void updateTitle() {
        ModelDesign d = design.get();
        if (d == null) {
            return;
        }
        title.set(d.name() + " (" + d.family().id() + ")" + (file == null ? "" : " — " + file.getFileName())
                + (history.isModified() ? " •" : ""));
    }

    // ---- properties

    public DesignDocument document() {
        return document;
    }

    public EditHistory history() {
        return history;
    }

    public ReadOnlyObjectProperty<ModelDesign> designProperty() {
        return design.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DesignCheck> checkProperty() {
        return check.getReadOnlyProperty();
    }

    public ObservableSet<String> selection() {
        return selection;
    }

    /** The connection picked on the canvas, or null. */
    public ObjectProperty<Edge> selectedEdgeProperty() {
        return selectedEdge;
    }

    /** The network that dropped and pasted layers go into. */
    public ObjectProperty<Role> targetProperty() {
        return target;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public String preset() {
        return preset;
    }

    /** Roles of the nodes, for the canvas's labels. */
    public Map<Role, org.latentlab.model.edit.NetworkGraph> networks() {
        return design.get().networks();
    }
}
