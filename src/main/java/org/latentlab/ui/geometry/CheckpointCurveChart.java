package org.latentlab.ui.geometry;

import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.geometry.CurvatureHistory;
import org.latentlab.experiment.geometry.CurvatureRow;
import org.latentlab.ui.common.ChartStyle;

import java.util.function.ToDoubleFunction;

/**
 * One quantity measured at each checkpoint of a run, plotted against the training loss there, the points joined
 * in training order and labelled by iteration: the "training error vs index" figure of Dauphin et
 * al. 2014 (the lower the error of a critical point, the fewer negative eigenvalues it has).
 */
final class CheckpointCurveChart extends StackPane {

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;
    private final String seriesName;
    private int points;

    CheckpointCurveChart(String title, String yLabel, String seriesName, String id) {
        this.seriesName = seriesName;
        chart = ChartStyle.apply(ChartFactory.createXYLineChart(title, "training loss at the checkpoint", yLabel,
                data, PlotOrientation.VERTICAL, false, false, false));
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.setRenderer(ChartStyle.lines(ChartStyle.BLUE, 8));
        // room for the iteration labels beside the outermost points
        plot.getDomainAxis().setUpperMargin(0.1);
        plot.getRangeAxis().setUpperMargin(0.08);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        setMinSize(260, 220);
        getChildren().add(ChartStyle.viewer(chart, id));
    }

    /** Plots {@code y} of each row of {@code h} against the row's loss. */
    void show(CurvatureHistory h, ToDoubleFunction<CurvatureRow> y) {
        int n = h.rows().size();
        long[] iterations = new long[n];
        double[] loss = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            CurvatureRow row = h.rows().get(i);
            iterations[i] = row.iteration();
            loss[i] = row.loss();
            values[i] = y.applyAsDouble(row);
        }
        show(iterations, loss, values);
    }

    /** Plots y against loss, point i labelled {@code it <iterations[i]>}. */
    void show(long[] iterations, double[] loss, double[] y) {
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.clearAnnotations();
        data.removeAllSeries();
        XYSeries s = new XYSeries(seriesName, false, true);
        for (int i = 0; i < loss.length; i++) {
            if (Double.isFinite(loss[i]) && Double.isFinite(y[i])) {
                s.add(loss[i], y[i]);
                XYTextAnnotation a = new XYTextAnnotation("it " + iterations[i], loss[i], y[i]);
                a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                a.setFont(ChartStyle.TICK_FONT);
                plot.addAnnotation(a);
            }
        }
        data.addSeries(s);
        points = s.getItemCount();
        if (points > 0) {
            fit(plot.getDomainAxis(), s.getMinX(), s.getMaxX());
            fit(plot.getRangeAxis(), s.getMinY(), s.getMaxY());
        }
    }

    /** Auto range, except around a single value, which auto range would blow up to meaningless digits. */
    private static void fit(org.jfree.chart.axis.ValueAxis axis, double min, double max) {
        double scale = Math.max(Math.abs(min), Math.abs(max));
        if (max - min > 1e-9 * Math.max(scale, 1e-12)) {
            axis.setAutoRange(true);
            return;
        }
        double pad = scale > 0 ? 0.25 * scale : 1;
        axis.setRange(min - pad, max + pad);
    }

    void clear() {
        ((XYPlot) chart.getPlot()).clearAnnotations();
        data.removeAllSeries();
        points = 0;
    }

    int pointCount() {
        return points;
    }
}
