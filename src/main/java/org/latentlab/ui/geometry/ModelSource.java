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

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a geometry panel's model comes from: a bundled preset trained here for a few hundred iterations into an
 * ordinary run folder ({@link ShortRun}, with evenly spaced checkpoints for trajectories), or a run folder or one
 * of its checkpoints opened with a folder chooser. Either way the panel receives a folder to open.
 */
final class ModelSource extends HBox {

    private final ComboBox<String> preset = new ComboBox<>();
    private final TextField iterations = new TextField();
    private final Label shown = new Label("no model yet: train one here or open a run folder");

    /**
     * @param idPrefix    node ids: {@code <prefix>-preset}, {@code -iterations}, {@code -train}, {@code -open}
     * @param presets     the presets offered, the first selected
     * @param checkpoints how many checkpoints a run trained here keeps (its trajectory)
     * @param onFolder    told the run or checkpoint folder to analyse, on the FX thread
     */
    ModelSource(Window owner, String idPrefix, List<String> presets, int defaultIterations, int checkpoints,
                TaskBar tasks, Path runsRoot, Consumer<Path> onFolder) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        preset.getItems().setAll(presets);
        preset.getSelectionModel().select(0);
        preset.setId(idPrefix + "-preset");
        iterations.setText(Integer.toString(defaultIterations));
        iterations.setPrefColumnCount(5);
        iterations.setId(idPrefix + "-iterations");
        Button train = new Button("Train here");
        train.setId(idPrefix + "-train");
        train.setTooltip(new Tooltip("train the preset for this many iterations into a new folder under "
                + runsRoot + ", keeping " + checkpoints + " checkpoints"));
        train.setOnAction(e -> {
            int n;
            try {
                n = Integer.parseInt(iterations.getText().trim());
                if (n < checkpoints || n > 100_000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException ex) {
                tasks.say("iterations: a whole number from " + checkpoints + " to 100000");
                return;
            }
            String name = preset.getValue();
            tasks.run(m -> ShortRun.train(name, n, checkpoints, runsRoot, m), onFolder);
        });
        Button open = new Button("Open run…");
        open.setId(idPrefix + "-open");
        open.setTooltip(new Tooltip("a run folder (its latest checkpoint) or one checkpoint folder inside it"));
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A run folder or one of its checkpoints (runs/<run>/checkpoints/iter-N)");
            if (runsRoot.toFile().isDirectory()) {
                chooser.setInitialDirectory(runsRoot.toAbsolutePath().toFile());
            }
            File dir = chooser.showDialog(owner);
            if (dir != null) {
                onFolder.accept(dir.toPath());
            }
        });
        shown.getStyleClass().add("description");
        shown.setId(idPrefix + "-source");
        getChildren().addAll(new Label("Model"), preset, new Label("iterations"), iterations, train, new Label("or"),
                open, shown);
    }

    /** What is loaded, for a person. */
    void show(String text) {
        shown.setText(text);
    }

    String shownText() {
        return shown.getText();
    }
}
