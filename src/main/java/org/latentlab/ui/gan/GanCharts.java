package org.latentlab.ui.gan;

import org.latentlab.ui.common.ChartStyle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.GanTheory;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The GAN bench's charts, stacked: the losses, D's outputs on real and generated data (named for the loss), mode
 * coverage or diversity, and for toy mixtures the divergences between the data and G (JS and both KL on the grid in
 * nats on the left axis; W1 between samples and a WGAN critic's estimate of it on the right). Drawn by JFreeChart
 * from the ViewModel's curves.
 */
final class GanCharts extends VBox {

    private final JFreeChart lossChart;
    private final JFreeChart scoreChart;
    private final JFreeChart metricChart;
    private final JFreeChart divergenceChart;
    private final ChartViewer divergenceViewer;
    private final GanCurves curves;

    GanCharts(GanCurves curves) {
        super(4);
        this.curves = curves;
        lossChart = chart("Losses", "loss", curves.discriminatorLoss, curves.generatorLoss);
        scoreChart = chart("Discriminator outputs", "D", curves.realScore, curves.fakeScore);
        metricChart = chart("Mode coverage / diversity", "", curves.metric, curves.metricReference);
        divergenceChart = divergences(curves);
        divergenceViewer = viewer(divergenceChart, "divergenceChart");
        getChildren().addAll(viewer(lossChart, "lossChart"), viewer(scoreChart, "scoreChart"),
                viewer(metricChart, "metricChart"), divergenceViewer);
        setPadding(new Insets(6, 10, 6, 6));
        for (Node n : getChildren()) {
            VBox.setVgrow(n, Priority.ALWAYS);
        }
    }

    /** Titles the charts for an experiment's loss and data. */
    void show(GanExperiment s) {
        ScoreLabels labels = ScoreLabels.of(s);
        // the margin is named in the title: a label on its line would lie across the energy curves
        scoreChart.setTitle(labels.chartTitle() + (s.energyBased() ? String.format(Locale.ROOT,
                " (dashed: margin m = %s)", s.energy().margin()) : ""));
        scoreChart.getXYPlot().getRangeAxis().setLabel(labels.axis());
        marginLine(scoreChart.getXYPlot(), s.energyBased() ? s.energy().margin() : Double.NaN);
        boolean points = s.generator().output().size() == 2;
        metricChart.setTitle(points ? "Mode coverage (2,500 samples)" : "Diversity of a fixed batch");
        // InfoGAN (Chen et al. 2016): its information bound ln K − CE beside the losses, on the same scale
        org.jfree.data.xy.XYSeriesCollection losses = (org.jfree.data.xy.XYSeriesCollection) lossChart.getXYPlot()
                .getDataset();
        boolean info = s.infogan() != null;
        boolean shown = losses.indexOf(curves.informationBound) >= 0;
        if (info && !shown) {
            losses.addSeries(curves.informationBound);
            lossChart.getXYPlot().getRenderer().setSeriesPaint(2, new Color(220, 120, 0));
            lossChart.getXYPlot().getRenderer().setSeriesStroke(2, new BasicStroke(2f));
        } else if (!info && shown) {
            losses.removeSeries(curves.informationBound);
        }
        lossChart.setTitle(info ? "Losses and InfoGAN's information bound" : "Losses");
        boolean theory = GanTheory.appliesTo(s.dataset());
        divergenceViewer.setVisible(theory);
        divergenceViewer.setManaged(theory);
    }

    /**
     * Marks {@code iteration} on every chart with a vertical line (the timeline's snapshot shown), or removes the
     * mark when it is NaN (live).
     */
    void mark(double iteration) {
        for (JFreeChart c : List.of(lossChart, scoreChart, metricChart, divergenceChart)) {
            XYPlot plot = c.getXYPlot();
            plot.clearDomainMarkers();
            if (!Double.isNaN(iteration)) {
                ValueMarker m = new ValueMarker(iteration, new Color(230, 120, 0), new BasicStroke(2f));
                m.setLabel(String.format(Locale.ROOT, " %,d", (long) iteration));
                m.setLabelFont(ChartStyle.TICK_FONT);
                m.setLabelPaint(new Color(180, 90, 0));
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT); // right of the line: readable near the left edge
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m, Layer.FOREGROUND);
            }
        }
    }

    /**
     * An energy-based GAN's margin m as a horizontal line on the energies' chart (D raises the samples' energy up to
     * m and no further, Zhao et al. 2017, eq. 1), named in the chart's title; none when {@code margin} is NaN.
     */
    private static void marginLine(XYPlot plot, double margin) {
        plot.clearRangeMarkers();
        if (Double.isNaN(margin)) {
            return;
        }
        ValueMarker m = new ValueMarker(margin, new Color(90, 90, 90), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        plot.addRangeMarker(m, Layer.FOREGROUND);
    }

    /** The charts shown, stacked in one picture, {@code width} wide and {@code height} per chart. */
    BufferedImage picture(int width, int height) {
        List<JFreeChart> shown = new ArrayList<>(List.of(lossChart, scoreChart, metricChart));
        if (divergenceViewer.isVisible()) {
            shown.add(divergenceChart);
        }
        BufferedImage out = new BufferedImage(width, shown.size() * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        for (int i = 0; i < shown.size(); i++) {
            g.drawImage(shown.get(i).createBufferedImage(width, height), 0, i * height, null);
        }
        g.dispose();
        return out;
    }

    /** JS and both KL (nats, left axis), W1 and the critic's estimate (distance, right axis) over iterations. */
    private static JFreeChart divergences(GanCurves curves) {
        XYSeriesCollection nats = new XYSeriesCollection();
        nats.addSeries(curves.jensenShannon);
        nats.addSeries(curves.klDataGenerator);
        nats.addSeries(curves.klGeneratorData);
        JFreeChart chart = ChartFactory.createXYLineChart("Divergences, data vs G (600 samples; W1 on 300)",
                "iteration", "nats", nats, PlotOrientation.VERTICAL, true, true, false);
        ChartStyle.apply(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer left = new StepPointRenderer();
        left.setSeriesPaint(0, new Color(20, 140, 70));
        left.setSeriesPaint(1, new Color(225, 87, 89));
        left.setSeriesPaint(2, new Color(110, 40, 170));
        plot.setRenderer(0, left);
        XYSeriesCollection distance = new XYSeriesCollection();
        distance.addSeries(curves.wasserstein);
        distance.addSeries(curves.criticEstimate);
        NumberAxis right = new NumberAxis("W1 (distance)");
        right.setLabelFont(ChartStyle.LABEL_FONT);
        right.setTickLabelFont(ChartStyle.TICK_FONT);
        right.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, right);
        plot.setDataset(1, distance);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer r = new StepPointRenderer();
        r.setSeriesPaint(0, new Color(78, 121, 167));
        r.setSeriesPaint(1, new Color(255, 159, 28));
        r.setSeriesStroke(0, new BasicStroke(1.6f));
        r.setSeriesStroke(1, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {5f, 3f}, 0f));
        plot.setRenderer(1, r);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    private static JFreeChart chart(String title, String yLabel, XYSeries a, XYSeries b) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(a);
        data.addSeries(b);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "iteration", yLabel, data,
                PlotOrientation.VERTICAL, true, true, false);
        ChartStyle.apply(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new StepPointRenderer();
        r.setSeriesPaint(0, new Color(20, 140, 70));
        r.setSeriesPaint(1, new Color(110, 40, 170));
        r.setSeriesStroke(0, new BasicStroke(1.4f));
        r.setSeriesStroke(1, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {5f, 3f}, 0f));
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setMinHeight(140);
        v.setPrefHeight(260);
        return v;
    }

    /**
     * Lines, with a dot on points a person can tell apart: every point while there are few (the first single
     * steps), the newest point, and the single D or G steps drawn between two iterations (fractional x).
     */
    static final class StepPointRenderer extends XYLineAndShapeRenderer {
        private static final int FEW = 60;

        StepPointRenderer() {
            super(true, true);
            setDefaultShape(new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            setAutoPopulateSeriesShape(false);
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            XYDataset d = getPlot() == null ? null : getPlot().getDataset(Math.max(0, getPlot().getIndexOf(this)));
            if (d == null) {
                return false;
            }
            int n = d.getItemCount(series);
            if (item >= n) {
                return false; // the legend asks for item 0 of a series that may be empty
            }
            double x = d.getXValue(series, item);
            return n <= FEW || item == n - 1 || x != Math.rint(x);
        }
    }
}
