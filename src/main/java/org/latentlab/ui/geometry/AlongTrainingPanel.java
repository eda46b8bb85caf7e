package org.latentlab.ui.geometry;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentlab.experiment.geometry.CurvatureRow;
import org.latentlab.ui.common.NumberField;

/**
 * The curvature of the loss at every checkpoint of a run against the training loss there, as two charts and a
 * table (Dauphin et al. 2014). Layout and binding only; the state and the job are {@link AlongTrainingViewModel}'s.
 */
final class AlongTrainingPanel extends BorderPane {

    private final AlongTrainingViewModel vm;

    AlongTrainingPanel(Window owner, AlongTrainingViewModel vm) {
        this.vm = vm;
        ModelSource source = new ModelSource(owner, "training", vm.source());
        TextField examples = new NumberField("training-examples", 5, vm.loss().examplesProperty());
        TextField runs = new NumberField("training-runs", 3, vm.runsProperty());
        TextField steps = new NumberField("training-steps", 3, vm.stepsProperty());
        Button compute = new Button("Compute");
        compute.setId("training-compute");
        compute.setOnAction(e -> vm.compute());
        Label explain = new Label("Dauphin et al. 2014 (\"training error vs index\"): at critical"
                + " points of lower loss fewer Hessian eigenvalues are negative. Here each checkpoint of a run gives"
                + " one point: its training loss against its top eigenvalue λ₁ (sharpness) and its fraction of"
                + " negative eigenvalues (directions that still go down).");
        explain.getStyleClass().add("description");
        explain.setWrapText(true);
        HBox settings = new HBox(8, new Label("GAN loss"), LossPartChooser.create("training-part",
                "for a GAN: whose loss; autoencoders and VAEs have one (this is ignored)", vm.loss()),
                new Label("examples"), examples, new Label("density: random starts"), runs,
                new Label("Lanczos steps"), steps, compute);
        settings.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label();
        note.setId("training-note");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #8a4b00; -fx-font-weight: bold;");
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        VBox topBox = new VBox(4, explain, source, settings, new TaskBar("training", vm.tasks()), note);
        topBox.setPadding(new Insets(6));
        setTop(topBox);

        TextArea table = new TextArea();
        table.setEditable(false);
        table.setId("training-table");
        table.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        table.textProperty().bind(vm.tableProperty());
        CheckpointCurveChart top = new CheckpointCurveChart("top Hessian eigenvalue λ₁ at each checkpoint", "λ₁",
                "λ₁", "training-top-chart");
        CheckpointCurveChart negative = new CheckpointCurveChart("fraction of negative eigenvalues at each checkpoint",
                "negative fraction", "negative", "training-negative-chart");
        vm.historyProperty().addListener((o, was, h) -> {
            top.show(h, CurvatureRow::topEigenvalue);
            negative.show(h, CurvatureRow::negativeFraction);
        });
        SplitPane charts = new SplitPane(top, negative);
        SplitPane centre = new SplitPane(charts, table);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.72);
        setCenter(centre);
    }

    AlongTrainingViewModel viewModel() {
        return vm;
    }
}
