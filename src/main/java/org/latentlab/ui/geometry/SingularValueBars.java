package org.latentlab.ui.geometry;

import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.latentlab.ui.common.ChartStyle;

import java.util.Locale;

/**
 * The singular values σ₁ ≥ σ₂ ≥ … of an encoder's Jacobian at one input as bars: a few large ones and a quick fall
 * say the encoder reacts to few directions at that point (a low-dimensional tangent space), a flat profile that it
 * reacts to many. The bars of the tangent vectors shown as images are red, the others blue.
 */
final class SingularValueBars extends StackPane {

    private final JFreeChart chart;
    private final XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    private double[] values;
    private double scaleMax = Double.NaN;

    SingularValueBars() {
        chart = ChartStyle.apply(ChartFactory.createXYBarChart(null, null, false, null, data,
                PlotOrientation.VERTICAL, false, false, false));
        // whole-pixel bars: a code of 196 units in one column still draws solid bars
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.setRenderer(ChartStyle.flatBars(ChartStyle.RED, ChartStyle.BLUE));
        plot.setDomainGridlinesVisible(false);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setLabelFont(ChartStyle.TICK_FONT);
        x.setTickLabelFont(ChartStyle.LEGEND_FONT);
        plot.getRangeAxis().setTickLabelFont(ChartStyle.LEGEND_FONT);
        getChildren().add(ChartStyle.viewer(chart, null));
        setMinSize(160, 100);
        setPrefHeight(150);
        clear();
    }

    /** Shows σ (descending), the first {@code highlightedCount} marked as the ones drawn as images. */
    void show(double[] sigma, int highlightedCount) {
        values = sigma.clone();
        XYIntervalSeries shown = new XYIntervalSeries("shown as images");
        XYIntervalSeries others = new XYIntervalSeries("the others");
        for (int i = 0; i < values.length; i++) {
            double at = i + 1;
            (i < highlightedCount ? shown : others).add(at, at - 0.5, at + 0.5, values[i], 0, values[i]);
        }
        data.removeAllSeries();
        data.addSeries(shown);
        data.addSeries(others);
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.getDomainAxis().setRange(0.5, values.length + 0.5);
        plot.getDomainAxis().setLabel("σ₁ … σ" + subscript(values.length) + "   (σ₁ = " + fmt(values[0])
                + ", red: shown as images)");
        ChartStyle.smallTitle(chart, "σᵢ of the encoder Jacobian");
        scale();
    }

    /** A common top of the value axis, so that several models' bars compare; NaN for each its own. */
    void setScaleMax(double max) {
        this.scaleMax = max;
        scale();
    }

    void clear() {
        values = null;
        data.removeAllSeries();
        ((XYPlot) chart.getPlot()).getDomainAxis().setLabel(null);
        ChartStyle.smallTitle(chart, "singular values of ∂c/∂x appear here");
    }

    /** The number of bars drawn (0 before a computation). */
    int barCount() {
        return values == null ? 0 : values.length;
    }

    private void scale() {
        NumberAxis y = (NumberAxis) ((XYPlot) chart.getPlot()).getRangeAxis();
        double max = Double.isFinite(scaleMax) && scaleMax > 0 ? scaleMax
                : values != null && values.length > 0 && values[0] > 0 ? values[0] : Double.NaN;
        if (Double.isNaN(max)) {
            y.setAutoRange(true);
        } else {
            y.setRange(0, max * 1.02);
        }
    }

    private static String subscript(int n) {
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            b.append((char) ('₀' + (c - '0')));
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 1000 || (v != 0 && Math.abs(v) < 0.01) ? String.format(Locale.ROOT, "%.2g", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
