package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.latentlab.experiment.sharpflat.SharpFlatFiles;
import org.latentlab.experiment.sharpflat.SharpFlatResult;
import org.latentlab.ui.common.ChartStyle;

import java.nio.file.Path;

/**
 * The sharp and flat minima lecture: a Run button (quick or the lecture's size), progress, then the losses on the
 * line between the small- and large-batch minima, the training loss along random filter-normalised directions
 * through each, and the table of λ₁ and accuracies.
 */
public final class SharpFlatPane extends BorderPane {

    private final SharpFlatViewModel model;
    private final BorderPane interpolation = new BorderPane();
    private final BorderPane directions = new BorderPane();
    private final GridPane table = new GridPane();
    private final HBox charts;

    public SharpFlatPane(StudyContext context) {
        this(new SharpFlatViewModel(context.runner(), Path.of(".")));
    }

    SharpFlatPane(SharpFlatViewModel model) {
        this.model = model;
        setId("sharp-flat-pane");
        ChoiceBox<SharpFlatViewModel.Size> size = new ChoiceBox<>();
        size.getItems().addAll(SharpFlatViewModel.Size.values());
        size.valueProperty().bindBidirectional(model.size());
        size.setId("sharp-flat-size");
        Button run = new Button("Run");
        run.setId("sharp-flat-run");
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.running());
        Button stop = new Button("Stop");
        stop.setId("sharp-flat-stop");
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.running().not());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progress());
        bar.setPrefWidth(160);
        Label status = new Label();
        status.setId("sharp-flat-status");
        status.textProperty().bind(model.status());
        for (Control c : new Control[] {run, stop, size}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox top = new HBox(8, run, stop, size, bar, status);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        setTop(top);
        Label intro = new Label("Keskar et al. (2017) trained the same networks with small and large batches and"
                + " found that large batches reach sharper minima, which generalise worse. Run trains one MLP on"
                + " the same MNIST images and initial weights with a small and a large batch until the same"
                + " training loss, then measures each minimum: λ₁, the top eigenvalue of the training loss's"
                + " Hessian (Lanczos on exact Hessian-vector products); the training loss along random directions"
                + " scaled filter by filter to the weights (Li et al. 2018), so the two minima are compared at the"
                + " scale of their own weights; and the losses on the straight line from one minimum to the other."
                + " Sharpness is not invariant to rescaling the layers (Dinh et al. 2017): read λ₁ together with"
                + " the filter-normalised curves.");
        intro.setWrapText(true);
        intro.setMaxWidth(780);
        intro.setPadding(new Insets(12, 6, 6, 6));
        intro.setId("sharp-flat-intro");
        BorderPane.setAlignment(intro, Pos.TOP_LEFT);
        setCenter(intro);
        HBox.setHgrow(interpolation, Priority.ALWAYS);
        HBox.setHgrow(directions, Priority.ALWAYS);
        interpolation.setPrefWidth(480);
        directions.setPrefWidth(480);
        charts = new HBox(8, interpolation, directions);
        charts.setPadding(new Insets(4));
        table.setId("sharp-flat-table");
        table.setHgap(14);
        table.setVgap(3);
        table.setPadding(new Insets(6));
        setBottom(table);
        model.result().addListener((o, old, r) -> show(r));
    }

    private void show(SharpFlatResult r) {
        if (r == null) {
            return;
        }
        JFreeChart a = ChartStyle.apply(SharpFlatFiles.interpolationChart(r));
        a.getXYPlot().getRenderer().setSeriesPaint(0, java.awt.Color.BLACK);
        a.getXYPlot().getRenderer().setSeriesPaint(1, ChartStyle.ORANGE);
        ChartStyle.smallTitle(a, a.getTitle().getText());
        interpolation.setCenter(ChartStyle.viewer(a, "sharp-flat-interpolation"));
        JFreeChart b = ChartStyle.apply(SharpFlatFiles.directionsChart(r));
        b.getXYPlot().getRenderer().setSeriesPaint(0, SharpFlatFiles.SMALL);
        b.getXYPlot().getRenderer().setSeriesPaint(1, SharpFlatFiles.LARGE);
        ChartStyle.smallTitle(b, b.getTitle().getText());
        directions.setCenter(ChartStyle.viewer(b, "sharp-flat-directions"));
        setCenter(charts);
        table.getChildren().clear();
        String[] heads = {"batch", "epochs", "λ₁ (training loss)", "training accuracy %", "held-out accuracy %",
                "training loss", "held-out loss"};
        for (int col = 0; col < heads.length; col++) {
            Label h = new Label(heads[col]);
            h.setStyle("-fx-font-weight: bold");
            table.add(h, col, 0);
        }
        int row = 1;
        for (SharpFlatResult.Arm arm : r.arms()) {
            double[] epochs = new double[arm.epochs().length];
            for (int i = 0; i < epochs.length; i++) {
                epochs[i] = arm.epochs()[i];
            }
            String[] cells = {arm.name() + " " + arm.batch(), SharpFlatFiles.meanSd(epochs, "%.0f"),
                    SharpFlatFiles.meanSd(arm.lambda1(), "%.2f"), SharpFlatFiles.percent(arm.trainAcc()),
                    SharpFlatFiles.percent(arm.testAcc()), SharpFlatFiles.meanSd(arm.trainLoss(), "%.4f"),
                    SharpFlatFiles.meanSd(arm.testLoss(), "%.3f")};
            for (int col = 0; col < cells.length; col++) {
                Label l = new Label(cells[col]);
                l.setId("sharp-flat-cell-" + (row - 1) + "-" + col);
                table.add(l, col, row);
            }
            row++;
        }
        Label note = new Label((r.options().seeds() < 2 ? "" : "mean ± sd over the random seeds; ") + r.options() + "; "
                + r.network());
        note.setWrapText(true);
        table.add(note, 0, row, heads.length, 1);
    }

    /** For tests: the pane's view model. */
    SharpFlatViewModel model() {
        return model;
    }
}
