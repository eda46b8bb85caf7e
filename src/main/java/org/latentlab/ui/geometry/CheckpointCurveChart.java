package org.latentlab.ui.geometry;

import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

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
        chart = ChartFactory.createXYLineChart(title, "training loss at the checkpoint", yLabel, data,
                PlotOrientation.VERTICAL, false, false, false);
        chart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13));
        XYPlot plot = (XYPlot) chart.getPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new java.awt.Color(78, 121, 167));
        r.setSeriesStroke(0, new java.awt.BasicStroke(2f));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        plot.setRenderer(r);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        // room for the iteration labels beside the outermost points
        plot.getDomainAxis().setUpperMargin(0.1);
        plot.getRangeAxis().setUpperMargin(0.08);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId(id);
        setMinSize(260, 220);
        getChildren().add(viewer);
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
                a.setFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
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
