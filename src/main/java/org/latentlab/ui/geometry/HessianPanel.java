package org.latentlab.ui.geometry;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.ui.common.NumberField;

/**
 * The Hessian of a real network's loss at a checkpoint of a run (opened, or a small preset trained here): the top
 * eigenvalues with the trace, and the spectrum as a chart. Layout and binding only; the state and the jobs are
 * {@link HessianViewModel}'s.
 */
final class HessianPanel extends BorderPane {

    private final HessianViewModel vm;
    private final SpectrumChart chart = new SpectrumChart("hessian-chart");

    HessianPanel(Window owner, HessianViewModel vm) {
        this.vm = vm;
        ModelSource source = new ModelSource(owner, "hessian", vm.source());
        ComboBox<GeometryModels.Part> part = LossPartChooser.create("hessian-part",
                "for a GAN: whose loss, over whose parameters; autoencoders have one loss", vm.loss());
        TextField examples = new NumberField("hessian-examples", 5, vm.loss().examplesProperty());
        TextField topK = new NumberField("hessian-k", 3, vm.topKProperty());
        Button top = new Button("Top eigenvalues");
        top.setId("hessian-top");
        top.setTooltip(new Tooltip("the k largest eigenvalues by Lanczos, and the trace by Hutchinson's estimator"));
        top.setOnAction(e -> vm.computeTop());
        Button spectrum = new Button("Spectrum");
        spectrum.setId("hessian-spectrum");
        spectrum.setTooltip(new Tooltip("every eigenvalue from the exact Hessian up to " + ExactHessian.MAX_PARAMETERS
                + " parameters, otherwise the density by stochastic Lanczos quadrature"));
        spectrum.setOnAction(e -> vm.computeSpectrum());
        TextArea report = new TextArea();
        report.textProperty().bind(vm.reportProperty());
        report.setEditable(false);
        report.setId("hessian-report");
        report.setWrapText(true);
        report.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        vm.exactProperty().addListener((o, was, now) -> redrawChart());
        vm.densityProperty().addListener((o, was, now) -> redrawChart());

        Label explain = new Label("The Hessian ∇²L of a network's loss at a checkpoint: its largest eigenvalue is the"
                + " sharpest curvature, and negative eigenvalues are directions in which the loss still goes down"
                + " (a saddle; the fraction of them is the critical point's index). Computed from Hessian-vector"
                + " products in double precision, as PyHessian does.");
        explain.getStyleClass().add("description");
        explain.setWrapText(true);
        HBox row2 = new HBox(8, new Label("Loss"), part, new Label("examples"), examples, top, new Label("k"), topK,
                spectrum);
        row2.setAlignment(Pos.CENTER_LEFT);
        VBox topBox = new VBox(6, explain, source, row2, new TaskBar("hessian", vm.tasks()));
        topBox.setPadding(new Insets(6));
        setTop(topBox);
        setCenter(chart);
        VBox side = new VBox(6, new Label("Results"), report);
        VBox.setVgrow(report, Priority.ALWAYS);
        side.setPadding(new Insets(6));
        side.setPrefWidth(420);
        setRight(side);
    }

    private void redrawChart() {
        if (vm.exactProperty().get() != null) {
            chart.showExact(vm.exactProperty().get());
        } else if (vm.densityProperty().get() != null) {
            chart.showDensity(vm.densityProperty().get());
        } else {
            chart.clear();
        }
    }

    HessianViewModel viewModel() {
        return vm;
    }

    SpectrumChart chart() {
        return chart;
    }
}
