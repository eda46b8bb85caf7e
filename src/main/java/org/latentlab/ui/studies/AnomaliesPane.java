package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.anomaly.AnomalyDetection;
import org.latentlab.ui.common.ChartStyle;
import org.latentlab.ui.common.Controls;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The anomaly detection study: a model trained on MNIST (an autoencoder's reconstruction error, an RBM's free
 * energy) scores held-out MNIST digits and foreign images (Fashion-MNIST, or noise); the two score histograms
 * overlaid show how far apart the sets lie, the ROC curve and its area how well one threshold tells them apart.
 */
final class AnomaliesPane extends BorderPane {

    private final AnomaliesViewModel vm;
    private final StudyContext context;
    private final ChoiceBox<String> preset = new ChoiceBox<>();
    private final ChoiceBox<String> outliers = new ChoiceBox<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final Label error = new Label();
    private final Label summary = new Label();
    private final XYSeries normalBars = new XYSeries("held-out MNIST", false, true);
    private final XYSeries anomalousBars = new XYSeries("foreign", false, true);
    private final XYSeriesCollection histogramData = new XYSeriesCollection();
    private final XYSeries curve = new XYSeries("ROC", false, true);
    private final JFreeChart histogram;
    private final JFreeChart roc;
    private final Button train;
    private final Button open;
    private final Button rescore;
    private final Button cancel;

    AnomaliesPane(StudyContext context) {
        this.context = context;
        this.vm = new AnomaliesViewModel(context.runner(), context.runsRoot());
        setPadding(new Insets(10));
        preset.getItems().setAll(AnomaliesViewModel.PRESETS);
        preset.setValue(AnomaliesViewModel.PRESETS.get(0));
        preset.setId("anomalies-preset");
        outliers.getItems().setAll(AnomaliesViewModel.OUTLIERS);
        outliers.setValue(AnomaliesViewModel.OUTLIERS.get(0));
        outliers.setId("anomalies-outliers");
        train = Controls.idButton("anomalies-train", "Train", "trains the chosen preset on MNIST (a few minutes),"
                + " then scores", () -> vm.train(preset.getValue(), outliers.getValue()));
        open = Controls.idButton("anomalies-open", "Open run…", "score with a saved autoencoder, VAE or RBM run",
                this::chooseRun);
        rescore = Controls.idButton("anomalies-score", "Score", "scores the foreign images chosen with the run"
                + " opened (or the newest run of the chosen preset)", this::score);
        cancel = Controls.idButton("anomalies-cancel", "Cancel", "stops the job", vm::cancel);
        progress.setId("anomalies-progress");
        progress.setPrefWidth(200);
        message.setId("anomalies-message");
        error.setId("anomalies-error");
        error.setStyle("-fx-text-fill: #c0392b;");
        summary.setId("anomalies-summary");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-size: 13px;");
        Label intro = new Label("A model trained on MNIST finds foreign images less typical of its data: an"
                + " autoencoder reconstructs them worse, an RBM gives them a higher free energy (a lower"
                + " unnormalised log-probability). Higher score = more anomalous. The histograms show how the two"
                + " sets' scores overlap; the ROC curve shows every threshold's trade-off, its area the chance that a"
                + " foreign image outscores a held-out digit.");
        intro.setWrapText(true);
        HBox bar = new HBox(8, new Label("model"), preset, train, open, new Label("   foreign images"), outliers,
                rescore);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        HBox job = new HBox(8, progress, cancel, message);
        job.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, Controls.sectionTitle("Anomaly detection: MNIST against Fashion-MNIST"), intro, bar,
                job, error, summary);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        histogramData.addSeries(normalBars);
        histogramData.addSeries(anomalousBars);
        histogram = ChartStyle.apply(ChartFactory.createXYBarChart("Scores", "score (higher = more anomalous)",
                false, "share of the set", histogramData, PlotOrientation.VERTICAL, true, false, false));
        XYBarRenderer bars = ChartStyle.flatBars(new Color(78, 121, 167, 150), new Color(225, 87, 89, 150));
        histogram.getXYPlot().setRenderer(bars);
        curve.add(0, 0);
        XYSeries chance = new XYSeries("chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        XYSeriesCollection rocData = new XYSeriesCollection(curve);
        rocData.addSeries(chance);
        roc = ChartStyle.apply(ChartFactory.createXYLineChart("ROC curve", "false positive rate (held-out digits"
                        + " called anomalous)", "true positive rate (foreign images called anomalous)", rocData,
                PlotOrientation.VERTICAL, true, false, false));
        XYPlot rp = roc.getXYPlot();
        rp.setRenderer(ChartStyle.lines(ChartStyle.BLUE, 0));
        rp.getRenderer().setSeriesPaint(1, Color.GRAY);
        rp.getRenderer().setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {4f, 4f}, 0f));
        rp.getDomainAxis().setRange(0, 1);
        rp.getRangeAxis().setRange(0, 1.02);
        ChartViewer hv = ChartStyle.viewer(histogram, "anomalies-histogram");
        ChartViewer rv = ChartStyle.viewer(roc, "anomalies-roc");
        HBox charts = new HBox(10, hv, rv);
        HBox.setHgrow(hv, Priority.ALWAYS);
        HBox.setHgrow(rv, Priority.ALWAYS);
        hv.setPrefSize(620, 480);
        rv.setPrefSize(520, 480);
        setCenter(charts);
        preset.valueProperty().addListener((o, a, b) -> vm.forgetRun());
        vm.onChange(this::show);
        vm.openNewest(preset.getValue(), outliers.getValue());
    }

    private void score() {
        vm.openNewest(preset.getValue(), outliers.getValue());
    }

    private void chooseRun() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("An autoencoder, VAE or RBM run trained on MNIST");
        File root = context.runsRoot().toFile();
        if (root.isDirectory()) {
            c.setInitialDirectory(root);
        }
        File f = c.showDialog(context.owner());
        if (f != null) {
            vm.open(f.toPath(), outliers.getValue());
        }
    }

    private AnomaliesViewModel.View shown;

    private void show(AnomaliesViewModel.State s) {
        progress.setProgress(s.busy() ? s.progress() : 0);
        message.setText(s.message());
        error.setText(s.error() == null ? "" : s.error());
        train.setDisable(s.busy());
        open.setDisable(s.busy());
        rescore.setDisable(s.busy());
        cancel.setDisable(!s.busy());
        AnomaliesViewModel.View v = s.view();
        if (v == null || v == shown) {
            return;
        }
        shown = v;
        AnomalyDetection d = v.detection();
        summary.setText(String.format(Locale.ROOT, "%s.  Score: %s.  Median score: held-out %.2f, foreign %.2f."
                        + "  ROC area %.4f (1 = every foreign image above every held-out one, 0.5 = chance).",
                d.model(), d.how(), AnomalyDetection.median(d.normal()), AnomalyDetection.median(d.anomalous()),
                d.roc().area()));
        normalBars.clear();
        anomalousBars.clear();
        normalBars.setKey(d.sets().normalAbout());
        anomalousBars.setKey(d.sets().anomalousAbout());
        double[] e = v.bins().edges();
        histogramData.setIntervalWidth(e[1] - e[0]);
        for (int b = 0; b < v.bins().normal().length; b++) {
            double mid = 0.5 * (e[b] + e[b + 1]);
            normalBars.add(mid, v.bins().normal()[b]);
            anomalousBars.add(mid, v.bins().anomalous()[b]);
        }
        histogram.getXYPlot().getDomainAxis().setRange(e[0], e[e.length - 1]);
        ChartStyle.title(histogram, "Scores: " + shortHow(d.how()));
        curve.clear();
        for (double[] p : v.roc()) {
            curve.add(p[0], p[1]);
        }
        curve.setKey(String.format(Locale.ROOT, "ROC, area %.4f", d.roc().area()));
        ChartStyle.title(roc, String.format(Locale.ROOT, "ROC curve, area %.4f", d.roc().area()));
    }

    private static String shortHow(String how) {
        int i = how.indexOf(" (");
        return i > 0 ? how.substring(0, i) : how;
    }
}
