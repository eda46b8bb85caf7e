package org.latentlab.ui.reconstruction;

import org.latentlab.ui.common.ChartStyle;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.ReconstructionSamples;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model bench's Compare tab: the kept runs' held-out curves, one chart per measure (cross-entropy, squared error
 * and negative ELBO are different quantities and never share an axis), and their reconstructions in columns.
 */
final class ComparePane extends VBox {

    private final ReconstructionBenchViewModel vm;
    private final VBox charts = new VBox(6);
    private final GridPane columns = new GridPane();
    private int shown = -1;

    ComparePane(ReconstructionBenchViewModel vm) {
        super(6);
        this.vm = vm;
        charts.setId("compare-charts");
        Button clear = new Button("Clear");
        clear.setTooltip(new Tooltip("forget the kept runs"));
        clear.setId("compare-clear");
        clear.setOnAction(e -> {
            vm.clearComparison();
            update();
        });
        columns.setHgap(12);
        columns.setVgap(4);
        columns.setPadding(new Insets(8));
        columns.setId("compare-grid");
        ScrollPane scroll = new ScrollPane(columns);
        Label hint = new Label("Train a run, press \"Keep for comparison\", switch preset (same data and seed), train,"
                + " keep again: runs measured the same way overlay on one chart (one chart per measure: cross-entropy,"
                + " squared error and negative ELBO are different quantities) and reconstructions line up in"
                + " columns.");
        hint.getStyleClass().add("description");
        getChildren().addAll(hint, clear, charts, scroll);
        setPadding(new Insets(8));
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(scroll, Priority.SOMETIMES);
    }

    /** Redraws when runs were kept or cleared since the last frame. */
    void refresh() {
        if (shown != vm.compared().size()) {
            update();
        }
    }

    private void update() {
        List<ReconstructionBenchViewModel.ComparedRun> runs = vm.compared();
        shown = runs.size();
        columns.getChildren().clear();
        Map<HeldOutMeasure, XYSeriesCollection> byMeasure = new EnumMap<>(HeldOutMeasure.class);
        for (ReconstructionBenchViewModel.ComparedRun r : runs) {
            byMeasure.computeIfAbsent(r.measure(), m -> new XYSeriesCollection()).addSeries(r.curve());
        }
        charts.getChildren().clear();
        byMeasure.forEach((m, data) -> {
            JFreeChart chart = ChartStyle.apply(ChartFactory.createXYLineChart("kept runs: " + m.title(),
                    "iteration", m.axisLabel(), data, PlotOrientation.VERTICAL, true, false, false));
            ((XYPlot) chart.getPlot()).setRenderer(new XYLineAndShapeRenderer(true, true));
            ReconstructionBenchView.iterationAxis(chart);
            ((NumberAxis) ((XYPlot) chart.getPlot()).getRangeAxis()).setAutoRangeIncludesZero(false);
            ChartViewer v = ReconstructionBenchView.viewer(chart, "compare-chart-" + m.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
            VBox.setVgrow(v, Priority.ALWAYS);
            charts.getChildren().add(v);
        });
        if (byMeasure.isEmpty()) {
            Label none = new Label("No kept runs yet.");
            none.setId("compare-empty");
            charts.getChildren().add(none);
        }
        for (int c = 0; c < runs.size(); c++) {
            ReconstructionBenchViewModel.ComparedRun r = runs.get(c);
            Label name = ReconstructionBenchView.title(r.name());
            name.setTooltip(new Tooltip(r.settings()));
            columns.add(name, c, 0);
            Label settings = new Label(r.measure().title() + "\n" + r.settings());
            settings.setWrapText(true);
            settings.setMaxWidth(200);
            columns.add(settings, c, 1);
            if (r.view().inputs().isImage()) {
                columns.add(new ImageView(SwingFXUtils.toFXImage(ReconstructionSamples.strip(r.view().reconstructions(), 2,
                        1), null)), c, 2);
            }
        }
    }
}
