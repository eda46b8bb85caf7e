package org.latentlab.ui.geometry;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.LabException;
import org.latentlab.ui.common.NumberInput;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a section's model comes from: a bundled preset trained here for a few hundred iterations into an ordinary
 * run folder ({@link ShortRun}, with evenly spaced checkpoints for trajectories), or a run folder or one of its
 * checkpoints opened by the person. Either way the section is handed a folder to open; what is loaded is said in
 * {@link #shownProperty()}.
 */
final class ModelSourceViewModel {

    /** The most iterations a run trained here takes. */
    static final int MAX_ITERATIONS = 100_000;

    private final ObservableList<String> presets;
    private final ObjectProperty<String> preset;
    private final StringProperty iterations;
    private final ReadOnlyStringWrapper shown =
            new ReadOnlyStringWrapper("no model yet: train one here or open a run folder");
    private final int checkpoints;
    private final Path runsRoot;
    private final SectionTasks tasks;
    private final Consumer<Path> onFolder;

    /**
     * @param presets     the presets offered, the first chosen
     * @param checkpoints how many checkpoints a run trained here keeps (its trajectory)
     * @param onFolder    told the run or checkpoint folder to analyse, on the owner's thread
     */
    ModelSourceViewModel(List<String> presets, int defaultIterations, int checkpoints, Path runsRoot,
                         SectionTasks tasks, Consumer<Path> onFolder) {
        this.presets = FXCollections.observableArrayList(presets);
        this.preset = new SimpleObjectProperty<>(presets.get(0));
        this.iterations = new SimpleStringProperty(Integer.toString(defaultIterations));
        this.checkpoints = checkpoints;
        this.runsRoot = runsRoot;
        this.tasks = tasks;
        this.onFolder = onFolder;
    }

    /** Trains the chosen preset for the typed iterations into a new run folder, then opens it. */
    void train() {
        int n;
        try {
            n = NumberInput.wholeNumber(iterations.get(), "iterations", checkpoints, MAX_ITERATIONS);
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        String name = preset.get();
        tasks.run("training " + name, m -> ShortRun.train(name, n, checkpoints, runsRoot, m), onFolder);
    }

    /** Opens a run folder (its latest checkpoint) or a checkpoint folder the person chose. */
    void open(Path folder) {
        onFolder.accept(folder);
    }

    /** Says what is loaded. */
    void show(String text) {
        shown.set(text);
    }

    int checkpoints() {
        return checkpoints;
    }

    Path runsRoot() {
        return runsRoot;
    }

    ObservableList<String> presets() {
        return presets;
    }

    ObjectProperty<String> presetProperty() {
        return preset;
    }

    StringProperty iterationsProperty() {
        return iterations;
    }

    ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
