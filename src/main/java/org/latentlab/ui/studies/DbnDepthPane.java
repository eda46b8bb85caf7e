package org.latentlab.ui.studies;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.latentlab.core.LabException;
import org.latentlab.experiment.DbnDepthSamples;
import org.latentlab.experiment.ReconstructionSamples;
import org.latentlab.ui.common.Controls;
import org.latentlab.ui.common.NumberInput;

import java.io.File;

/**
 * "A DBN sampled by depth": open a DBN run folder or train {@value DbnDepthViewModel#PRESET} here, choose the Gibbs
 * steps, and see the samples of the DBNs made of its first 1, 2 and 3 RBMs in columns, each captioned with what
 * produced it.
 */
public final class DbnDepthPane extends BorderPane {

    private static final String ABOUT = "A deep belief net generates as Hinton, Osindero & Teh (2006) describe:"
            + " alternating Gibbs sampling in its top RBM, then one pass down through the directed layers below,"
            + " p(x_{l-1} | x_l) = sigmoid(x_l W_lᵀ + b_l), to the pixels (shown as their probabilities). All three"
            + " columns come from one trained stack: the 1-layer DBN is RBM 1 alone, the 2-layer one Gibbs in RBM 2"
            + " then one pass down, and so on; every column starts its chains at the same examples (or at noise)."
            + " Look for what each layer adds: the chains of RBM 1 (trained by CD-1) wander off the digits, many into"
            + " blank images; the higher RBMs' chains keep giving digit-like images after many steps, but favour a"
            + " few classes. Try more steps, starting at noise, and the mean-field pass down.";

    private final DbnDepthViewModel vm;
    private final HBox columns = new HBox(18);

    public DbnDepthPane(StudyContext context) {
        this(new DbnDepthViewModel(context.runner(), context.runsRoot()), context);
    }

    DbnDepthPane(DbnDepthViewModel vm, StudyContext context) {
        this.vm = vm;
        setPadding(new Insets(10));
        Button open = Controls.idButton("dbn-open", "Open run…", "open a DBN (or RBM) run folder: its latest"
                + " checkpoint is sampled", () -> {
                    DirectoryChooser chooser = new DirectoryChooser();
                    File runs = context.runsRoot() == null ? null : context.runsRoot().toFile();
                    if (runs != null && runs.isDirectory()) {
                        chooser.setInitialDirectory(runs);
                    }
                    File dir = chooser.showDialog(context.owner());
                    if (dir != null) {
                        vm.open(dir.toPath());
                    }
                });
        Button train = Controls.idButton("dbn-train", "Train " + DbnDepthViewModel.PRESET, "train the preset here"
                + " (three RBMs, a few minutes) into a new run folder, then sample it", vm::train);
        TextField steps = Controls.field("dbn-steps", String.valueOf(vm.stepsProperty().get()), 80);
        CheckBox noise = new CheckBox("start at noise");
        noise.setId("dbn-noise");
        noise.setTooltip(new javafx.scene.control.Tooltip("start each top RBM's chains at binary noise instead of"
                + " at the representation of data examples"));
        noise.selectedProperty().bindBidirectional(vm.fromNoiseProperty());
        CheckBox meanField = new CheckBox("mean-field pass down");
        meanField.setId("dbn-mean-field");
        meanField.setTooltip(new javafx.scene.control.Tooltip("pass probabilities down instead of binary states"));
        meanField.selectedProperty().bindBidirectional(vm.meanFieldDownProperty());
        Button sample = Controls.idButton("dbn-sample", "Sample", "draw the samples again with these settings",
                () -> {
                    try {
                        vm.stepsProperty().set(NumberInput.wholeNumber(steps.getText(), "Gibbs steps", 0,
                                DbnDepthSamples.MAX_STEPS));
                        vm.resample();
                    } catch (LabException e) {
                        vm.messageProperty().set(e.getMessage());
                    }
                });
        for (Button b : new Button[] {open, train, sample}) {
            b.disableProperty().bind(vm.busyProperty());
        }
        HBox controls = new HBox(8, open, train, new Label("Gibbs steps"), steps, noise, meanField, sample);
        controls.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("dbn-progress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(vm.progressProperty());
        Button cancel = Controls.idButton("dbn-cancel", "Cancel", "stop the job in flight", vm::cancel);
        cancel.disableProperty().bind(vm.busyProperty().not());
        Label message = new Label();
        message.setId("dbn-message");
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(8, progress, cancel, message);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label model = Controls.sectionTitle("");
        model.setId("dbn-model");
        model.textProperty().bind(vm.modelProperty());
        Label about = new Label(ABOUT);
        about.setWrapText(true);
        VBox top = new VBox(8, controls, bar, model);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        columns.setId("dbn-columns");
        columns.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        about.setPadding(new Insets(8, 0, 0, 0));
        setBottom(about);
        vm.samplesProperty().addListener((o, a, s) -> show(s));
        vm.openNewest();
    }

    private void show(DbnDepthSamples s) {
        columns.getChildren().clear();
        if (s == null) {
            return;
        }
        for (DbnDepthSamples.Column c : s.columns()) {
            Label title = Controls.sectionTitle(c.depth() + (c.depth() == 1 ? " layer: " : " layers: ") + c.sizes());
            ImageView grid = new ImageView(SwingFXUtils.toFXImage(ReconstructionSamples.strip(c.samples(), 2, 6),
                    null));
            grid.setPreserveRatio(true);
            grid.setSmooth(false);
            grid.setId("dbn-samples-" + c.depth());
            Label how = new Label(c.how());
            how.setWrapText(true);
            how.setId("dbn-how-" + c.depth());
            VBox column = new VBox(6, title, grid, how);
            how.maxWidthProperty().bind(grid.getImage().widthProperty());
            HBox.setHgrow(column, Priority.NEVER);
            columns.getChildren().add(column);
        }
    }
}
