package org.latentlab.ui.latent;

import static org.latentlab.ui.latent.StudioControls.button;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.latentlab.experiment.StudioModels;

import java.io.File;
import java.util.Locale;

/**
 * The latent studio: open a run (or train a quick model) and explore its code space. Left: the code's sliders
 * ({@link CodePane}); centre: the decoded image and samples ({@link DecodedPane}) and one tab per feature: the
 * latent map, interpolation, attribute vectors and analogies, inversion of the decoder, and the encoded data. This
 * class assembles them with the toolbar and the status line; each pane only draws and dispatches to its ViewModel.
 */
public final class LatentStudioView extends BorderPane {

    private final LatentStudioViewModel vm;
    private final Window owner;
    private final ComboBox<String> quickPreset = new ComboBox<>();
    private final TextField quickIterations = new TextField(Integer.toString(StudioModels.QUICK_ITERATIONS));
    private final Label modelLabel = new Label("no model open");
    private final TabPane tabs = new TabPane();

    /**
     * @param vm    the studio's state and work (close it when the window closes: {@link LatentStudioViewModel#close()})
     * @param owner the window for file choosers
     */
    public LatentStudioView(LatentStudioViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        getStyleClass().add("latent-studio");
        CodePane code = new CodePane(vm.code());
        LatentMapPane map = new LatentMapPane(vm.map());
        InterpolationPane interpolation = new InterpolationPane(vm.interpolation(), owner);
        AttributePane attributes = new AttributePane(vm.attributes());
        InversionPane inversion = new InversionPane(vm.inversion());
        EncodedDataPane encoded = new EncodedDataPane(vm.encoded(), vm.loadedProperty());
        tabs.getTabs().addAll(tab("Latent map", map), tab("Interpolation", interpolation),
                tab("Attributes", attributes), tab("Inversion", inversion), tab("Encoded data", encoded));
        tabs.setId("latent-tabs");
        HBox.setHgrow(tabs, Priority.ALWAYS);
        setTop(toolbar());
        setLeft(code);
        setCenter(new HBox(new DecodedPane(vm.code()), tabs));
        vm.loadedProperty().addListener((o, a, l) -> {
            if (l == null) {
                modelLabel.setText("no model open");
                return;
            }
            modelLabel.setText(l.name() + " — " + (l.infoGan() ? "InfoGAN generator, code of "
                    + (l.codeSize() - l.continuousCodes()) + " noise + " + l.continuousCodes() + " continuous, "
                    + l.generatorClasses().size() + " categorical values" : l.kind() + ", code of " + l.codeSize())
                    + ", " + l.shape());
            modelLabel.setTooltip(new Tooltip(l.description()));
            code.show(l);
            map.show(l);
            interpolation.show(l);
            attributes.show(l);
            inversion.show(l);
            encoded.show(l);
        });
        vm.code().codeVersionProperty().addListener((o, a, b) -> encoded.markCode());
    }

    private Node toolbar() {
        Button open = button("latent-open", "Open run…", "open a run folder (its latest checkpoint) or a checkpoint"
                + " folder: GAN, autoencoder or VAE", this::chooseRun);
        quickPreset.getItems().setAll(StudioModels.QUICK_PRESETS);
        quickPreset.setValue(StudioModels.QUICK_PRESETS.get(0));
        quickPreset.setId("latent-quick-preset");
        quickIterations.setId("latent-quick-iterations");
        quickIterations.setPrefColumnCount(5);
        quickIterations.setTooltip(new Tooltip("iterations to train (600 gives recognisable MNIST digits)"));
        Button train = button("latent-train-quick", "Train quick model", "train the preset briefly here (nothing is"
                + " saved) and open it", () -> StudioControls.intField(quickIterations, 1, 100_000)
                .ifPresent(n -> vm.trainQuick(quickPreset.getValue(), n)));
        Button cancel = button("latent-cancel", "Cancel", "stop the quick training", vm::cancelTraining);
        ProgressBar progress = new ProgressBar(0);
        progress.setId("latent-progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        cancel.visibleProperty().bind(vm.busyProperty());
        open.disableProperty().bind(vm.busyProperty());
        train.disableProperty().bind(vm.busyProperty());
        HBox row = new HBox(open, new Separator(Orientation.VERTICAL), new Label("or"), quickPreset,
                quickIterations, new Label("iterations"), train, progress, cancel);
        row.getStyleClass().add("toolbar-row");
        modelLabel.setId("latent-model");
        modelLabel.getStyleClass().add("section-title");
        Label status = new Label();
        status.setId("latent-status");
        status.textProperty().bind(vm.messageProperty());
        status.getStyleClass().add("description");
        vm.errorProperty().addListener((o, a, err) -> {
            status.getStyleClass().remove("message-error");
            if (err) {
                status.getStyleClass().add("message-error");
            }
        });
        VBox top = new VBox(2, row, modelLabel, status);
        VBox.setMargin(modelLabel, new Insets(2, 10, 0, 10));
        VBox.setMargin(status, new Insets(0, 10, 4, 10));
        return top;
    }

    private void chooseRun() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a run folder or a checkpoint folder");
        File runs = new File("runs");
        if (runs.isDirectory()) {
            dc.setInitialDirectory(runs.getAbsoluteFile());
        }
        File f = dc.showDialog(owner);
        if (f != null) {
            vm.openFolder(f.toPath());
        }
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        t.setId("latent-tab-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    /** Trains a quick model as the toolbar would, showing the preset and iterations in its fields. */
    public void trainQuick(String preset, int iterations) {
        if (!quickPreset.getItems().contains(preset)) {
            quickPreset.getItems().add(preset);
        }
        quickPreset.setValue(preset);
        quickIterations.setText(Integer.toString(iterations));
        vm.trainQuick(preset, iterations);
    }

    /** The tab pane (for tests and the window: select a tab). */
    public TabPane tabs() {
        return tabs;
    }
}
