package org.latentlab.ui.geometry;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.latentlab.ui.common.NumberField;

import java.io.File;
import java.nio.file.Path;

/**
 * The row that chooses a section's model ({@link ModelSourceViewModel}): a preset with its iterations and Train
 * here, or Open run… with a folder chooser, and what is loaded.
 */
final class ModelSource extends HBox {

    /** @param idPrefix node ids: {@code <prefix>-preset}, {@code -iterations}, {@code -train}, {@code -open} */
    ModelSource(Window owner, String idPrefix, ModelSourceViewModel vm) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        ComboBox<String> preset = new ComboBox<>(vm.presets());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        preset.setId(idPrefix + "-preset");
        TextField iterations = new NumberField(idPrefix + "-iterations", 5, vm.iterationsProperty());
        Button train = new Button("Train here");
        train.setId(idPrefix + "-train");
        train.setTooltip(new Tooltip("train the preset for this many iterations into a new folder under "
                + vm.runsRoot() + ", keeping " + vm.checkpoints() + " checkpoints"));
        train.setOnAction(e -> vm.train());
        Button open = new Button("Open run…");
        open.setId(idPrefix + "-open");
        open.setTooltip(new Tooltip("a run folder (its latest checkpoint) or one checkpoint folder inside it"));
        open.setOnAction(e -> {
            File dir = chooseRun(owner, vm.runsRoot(),
                    "A run folder or one of its checkpoints (runs/<run>/checkpoints/iter-N)");
            if (dir != null) {
                vm.open(dir.toPath());
            }
        });
        Label shown = new Label();
        shown.textProperty().bind(vm.shownProperty());
        shown.getStyleClass().add("description");
        shown.setId(idPrefix + "-source");
        getChildren().addAll(new Label("Model"), preset, new Label("iterations"), iterations, train, new Label("or"),
                open, shown);
    }

    /** A folder chooser opened in {@code runsRoot} when it exists; null when the person closed it. */
    static File chooseRun(Window owner, Path runsRoot, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (runsRoot.toFile().isDirectory()) {
            chooser.setInitialDirectory(runsRoot.toAbsolutePath().toFile());
        }
        return chooser.showDialog(owner);
    }
}
