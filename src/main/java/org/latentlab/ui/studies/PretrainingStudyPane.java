package org.latentlab.ui.studies;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.latentlab.core.LabException;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.pca.PcaCharts;
import org.latentlab.experiment.pca.PretrainingComparison;
import org.latentlab.experiment.pca.PretrainingFiles;
import org.latentlab.experiment.pca.PretrainingRun;
import org.latentlab.experiment.pca.PretrainingTable;
import org.latentlab.ui.common.ChartStyle;
import org.latentlab.ui.common.Controls;

import java.util.List;
import java.util.Locale;

/**
 * "Pretraining against none": one deep autoencoder from random initialisation, from greedy autoencoder
 * pretraining and from a DBN, over several seeds; held-out error curves overlaid as the runs finish, and the final
 * errors as mean ± sd over seeds (Erhan et al. 2010; Hinton &amp; Salakhutdinov 2006).
 */
public final class PretrainingStudyPane extends BorderPane {

    private static final List<String> PRESETS = List.of("mnist-deep-ae-small", "mnist-deep-ae",
            "mnist-deep-ae-2d");

    private final PretrainingStudyViewModel model;
    private final ComboBox<String> preset = new ComboBox<>();
    private final TextField seeds = Controls.field("pretraining-seeds", "3", 50);
    private final TextField fineTune = Controls.field("pretraining-fine-tune", "1000", 70);
    private final TextField perLayer = Controls.field("pretraining-per-layer", "", 70);
    private final ChartViewer chart;
    private final GridPane table = new GridPane();
    private final Label inputError = new Label();

    public PretrainingStudyPane(StudyContext context) {
        this.model = new PretrainingStudyViewModel(context.runner());
        setPadding(new Insets(10));
        preset.setId("pretraining-preset");
        preset.getItems().setAll(PRESETS);
        preset.setValue(PRESETS.get(0));
        preset.valueProperty().addListener((o, a, b) -> showPerLayer());
        showPerLayer();
        Button run = Controls.idButton("pretraining-run", "Run", "train the autoencoder from each initialisation with"
                + " each seed, one run after another", this::start);
        Button stop = Controls.idButton("pretraining-stop", "Stop", "stop the run in progress and drop the rest",
                model::stop);
        run.disableProperty().bind(model.runningProperty());
        stop.disableProperty().bind(model.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("pretraining-progress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(model.progressProperty());
        HBox controls = new HBox(8, new Label("Autoencoder:"), preset, new Label("seeds:"), seeds,
                new Label("fine-tuning iterations:"), fineTune, new Label("pretraining per layer:"), perLayer, run,
                stop, bar);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("pretraining-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.styleProperty().bind(model.failedProperty().map(f -> f ? "-fx-text-fill: #c0392b;" : ""));
        inputError.setStyle("-fx-text-fill: #c0392b;");
        inputError.setId("pretraining-input-error");
        inputError.managedProperty().bind(inputError.textProperty().isNotEmpty());
        inputError.visibleProperty().bind(inputError.managedProperty());
        Label about = new Label("The same deep autoencoder three ways: from random weights, from layers pretrained"
                + " greedily as shallow autoencoders, and from a DBN (RBMs trained one above the other by CD-1, then"
                + " unrolled). Every run gets the same number of end-to-end fine-tuning updates; the curves show the"
                + " held-out error from the start of fine-tuning, so the head start pretraining gives is visible at"
                + " iteration 0.");
        about.setWrapText(true);
        setTop(new VBox(6, controls, inputError, status, about));
        chart = ChartStyle.viewer(PcaCharts.curves(List.of(), "held-out error during fine-tuning"),
                "pretraining-curves");
        chart.setPrefSize(900, 460);
        table.setId("pretraining-table");
        table.setHgap(18);
        table.setVgap(4);
        showTable();
        VBox body = new VBox(8, chart, Controls.sectionTitle("Final held-out error (mean ± sd over seeds)"), table);
        VBox.setVgrow(chart, Priority.ALWAYS);
        body.setPadding(new Insets(8, 0, 0, 0));
        setCenter(body);
        model.runs().addListener((ListChangeListener<PretrainingRun>) ch -> {
            chart.setChart(PcaCharts.curves(List.copyOf(model.runs()), model.comparison() == null ? ""
                    : PretrainingFiles.title(model.comparison())));
            showTable();
        });
    }

    private void showPerLayer() {
        try {
            perLayer.setText(Integer.toString(Presets.loadReconstruction(preset.getValue()).training()
                    .pretrainIterations()));
        } catch (RuntimeException e) {
            perLayer.setText("");
        }
    }

    private void start() {
        inputError.setText("");
        try {
            int n = parse(seeds, "seeds");
            long f = parse(fineTune, "fine-tuning iterations");
            int p = parse(perLayer, "pretraining iterations per layer");
            ReconstructionExperiment spec = Presets.loadReconstruction(preset.getValue());
            spec = spec.withTraining(spec.training().withPretraining(spec.training().pretraining(), p));
            model.start(new PretrainingComparison(spec, PretrainingComparison.seeds(n), f, Math.max(1, f / 20),
                    500));
        } catch (IllegalArgumentException | LabException e) {
            inputError.setText(e.getMessage());
        }
    }

    private static int parse(TextField field, String what) {
        try {
            int v = Integer.parseInt(field.getText().trim().replace(",", ""));
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": type a whole number of at least 1, not '"
                    + field.getText() + "'");
        }
    }

    private void showTable() {
        table.getChildren().clear();
        String[] head = {"initialisation", "final held-out MSE per pixel", "seeds", "wall time per run"};
        for (int c = 0; c < head.length; c++) {
            Label l = new Label(head[c]);
            l.setStyle("-fx-font-weight: bold;");
            table.add(l, c, 0);
        }
        PretrainingTable t = model.table();
        if (t.rows().isEmpty()) {
            table.add(new Label("(no run finished yet)"), 0, 1, 4, 1);
            return;
        }
        int r = 1;
        for (PretrainingTable.Row row : t.rows()) {
            table.add(new Label(PretrainingRun.label(row.initialisation())), 0, r);
            table.add(new Label(row.finalError().toString()), 1, r);
            table.add(new Label(Integer.toString(row.finalError().n())), 2, r);
            table.add(new Label(String.format(Locale.ROOT, "%.0f s", row.meanSeconds())), 3, r);
            r++;
        }
    }
}
