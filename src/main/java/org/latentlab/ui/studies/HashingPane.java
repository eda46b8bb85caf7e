package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.hashing.HashingRow;
import org.latentlab.experiment.hashing.SemanticHashing;
import org.latentlab.latent.ImageShape;
import org.latentlab.ui.common.ChartStyle;
import org.latentlab.ui.common.Controls;
import org.latentlab.ui.common.ImageConversion;

import java.io.File;
import java.util.Locale;

/**
 * The semantic hashing study: train {@value HashingViewModel#PRESET} (or open a run of it), then for held-out
 * queries the ten nearest training images by Hamming distance on the 0.5-thresholded code beside the ten nearest by
 * pixel distance, a retrieved image of another class framed in red, with precision at 10 of both; and the histogram
 * of the code's activations, piled up at 0 and 1 when the noise has made the code binary.
 */
final class HashingPane extends BorderPane {

    private static final double CELL = 28;

    private final HashingViewModel vm;
    private final StudyContext context;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final Label error = new Label();
    private final Label summary = new Label();
    private final GridPane rows = new GridPane();
    private final XYSeries histogram = new XYSeries("code activations", false, true);
    private final JFreeChart chart;
    private final Button train;
    private final Button open;
    private final Button cancel;

    HashingPane(StudyContext context) {
        this.context = context;
        this.vm = new HashingViewModel(context.runner(), context.runsRoot());
        setPadding(new Insets(10));
        train = Controls.idButton("hashing-train", "Train " + HashingViewModel.PRESET, "trains the 784-500-250-32"
                + " autoencoder with noise on its code's input (a few minutes), then retrieves", vm::train);
        open = Controls.idButton("hashing-open", "Open run…", "retrieve with a saved autoencoder run whose code"
                + " layer is a sigmoid", this::chooseRun);
        cancel = Controls.idButton("hashing-cancel", "Cancel", "stops the job", vm::cancel);
        progress.setId("hashing-progress");
        progress.setPrefWidth(220);
        message.setId("hashing-message");
        error.setId("hashing-error");
        error.setStyle("-fx-text-fill: #c0392b;");
        summary.setId("hashing-summary");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-size: 13px;");
        Label intro = new Label("Semantic hashing (Salakhutdinov & Hinton 2009): a deep autoencoder whose logistic"
                + " code is trained with Gaussian noise on its input saturates at 0 and 1, so thresholding it at 0.5"
                + " loses little; images are then retrieved by the number of differing bits. Each row: a held-out"
                + " query, its 10 nearest training images by Hamming distance, and by pixel distance (red frame:"
                + " another digit).");
        intro.setWrapText(true);
        HBox bar = new HBox(8, train, open, cancel, progress, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, Controls.sectionTitle("Semantic hashing"), intro, bar, error, summary);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        rows.setHgap(3);
        rows.setVgap(3);
        rows.setId("hashing-rows");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        XYSeriesCollection data = new XYSeriesCollection(histogram);
        data.setIntervalWidth(1.0 / SemanticHashing.BINS);
        chart = ChartStyle.apply(org.jfree.chart.ChartFactory.createXYBarChart("Code activations before"
                + " thresholding", "activation", false, "share of activations", data));
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(ChartStyle.flatBars(ChartStyle.BLUE));
        plot.getDomainAxis().setRange(0, 1);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        chart.removeLegend();
        ChartViewer viewer = ChartStyle.viewer(chart, "hashing-histogram");
        viewer.setPrefSize(270, 300);
        VBox right = new VBox(viewer);
        right.setPadding(new Insets(0, 0, 0, 10));
        setRight(right);
        vm.onChange(this::show);
        vm.openNewest();
    }

    private void chooseRun() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("A run folder of " + HashingViewModel.PRESET + " (or a checkpoint)");
        File root = context.runsRoot().toFile();
        if (root.isDirectory()) {
            c.setInitialDirectory(root);
        }
        File f = c.showDialog(context.owner());
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    private void show(HashingViewModel.State s) {
        progress.setProgress(s.busy() ? s.progress() : 0);
        message.setText(s.message());
        error.setText(s.error() == null ? "" : s.error());
        train.setDisable(s.busy());
        open.setDisable(s.busy());
        cancel.setDisable(!s.busy());
        SemanticHashing r = s.result();
        if (r == null || r == shown) {
            return;
        }
        shown = r;
        summary.setText(String.format(Locale.ROOT, "Precision at %d over %d held-out queries among %,d training"
                        + " images:  Hamming on %d bits %.3f   ·   pixels %.3f   ·   real-valued code %.3f.   %.1f %%"
                        + " of the code's activations lie within %.1f of 0 or 1.", r.k(), r.queries(), r.database(),
                r.bits(), r.hamming(), r.pixels(), r.realCode(), 100 * r.nearBinary(), SemanticHashing.NEAR));
        histogram.clear();
        long total = 0;
        for (long c : r.histogram()) {
            total += c;
        }
        for (int b = 0; b < r.histogram().length; b++) {
            histogram.add((b + 0.5) / SemanticHashing.BINS, (double) r.histogram()[b] / total);
        }
        drawRows(r);
    }

    private SemanticHashing shown;

    private void drawRows(SemanticHashing r) {
        rows.getChildren().clear();
        ImageShape shape = ImageShape.of(r.imageShape());
        int k = r.k();
        rows.add(new Label("query"), 0, 0);
        rows.add(new Label("nearest by Hamming distance (bits)"), 2, 0, k, 1);
        rows.add(new Label("nearest by pixel distance"), 3 + k, 0, k, 1);
        for (int i = 0; i < r.rows().size(); i++) {
            HashingRow row = r.rows().get(i);
            int y = 2 * i + 1;
            rows.add(cell(row.query(), shape, false), 0, y);
            for (int j = 0; j < k; j++) {
                rows.add(cell(row.byHamming()[j], shape, row.hammingLabels()[j] != row.label()), 2 + j, y);
                rows.add(cell(row.byPixels()[j], shape, row.pixelLabels()[j] != row.label()), 3 + k + j, y);
            }
            rows.add(small(String.format(Locale.ROOT, "P@%d %.1f · distances %d to %d bits", k,
                    row.hammingPrecision(), row.hammingDistances()[0], row.hammingDistances()[k - 1])), 2, y + 1, k, 1);
            rows.add(small(String.format(Locale.ROOT, "P@%d %.1f", k, row.pixelPrecision())), 3 + k, y + 1, k, 1);
        }
        Label gap = new Label();
        gap.setMinWidth(14);
        rows.add(gap, 1, 0);
        Label gap2 = new Label();
        gap2.setMinWidth(14);
        rows.add(gap2, 2 + k, 0);
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-size: 11px; -fx-text-fill: #555;");
        return l;
    }

    private static StackPane cell(float[] image, ImageShape shape, boolean wrong) {
        ImageView v = new ImageView(ImageConversion.picture(image, shape));
        v.setFitWidth(CELL);
        v.setFitHeight(CELL);
        v.setSmooth(false);
        StackPane p = new StackPane(v);
        p.setPadding(new Insets(2));
        p.setStyle(wrong ? "-fx-background-color: #d62728;" : "-fx-background-color: transparent;");
        return p;
    }
}
