package org.latentlab.ui.geometry;

import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.analysis.hessian.SpectralDensity;
import org.latentlab.ui.common.ChartStyle;

/**
 * The Hessian spectrum as a chart: every eigenvalue as a histogram with log-scaled counts (bins of negative
 * eigenvalues in red), or the density by stochastic Lanczos quadrature on a log scale; a dashed line marks λ = 0.
 */
final class SpectrumChart extends StackPane {

    private static final int BINS = 60;
    /** The density is drawn down to this many decades below its peak. */
    private static final double DECADES = 8;

    private final JFreeChart chart;
    private boolean content;

    SpectrumChart(String id) {
        chart = ChartStyle.apply(ChartFactory.createXYLineChart("The spectrum appears here.", "eigenvalue λ",
                "log10(1 + count)", new XYSeriesCollection(), PlotOrientation.VERTICAL, true, false, false));
        chart.getLegend().setVisible(false);
        getChildren().add(ChartStyle.viewer(chart, id));
        setMinSize(300, 200);
    }

    void clear() {
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.clearDomainMarkers();
        plot.setDataset(new XYSeriesCollection());
        chart.setTitle("The spectrum appears here.");
        chart.getLegend().setVisible(false);
        content = false;
    }

    /** Every eigenvalue, binned; counts on a log scale so that a few outliers stay visible beside the bulk. */
    void showExact(HessianSpectrum s) {
        HessianSpectrum.Histogram h = s.histogram(BINS);
        XYIntervalSeries negative = new XYIntervalSeries("λ < 0");
        XYIntervalSeries positive = new XYIntervalSeries("λ ≥ 0");
        double[] e = h.edges();
        long[] c = h.counts();
        for (int i = 0; i < c.length; i++) {
            double y = Math.log10(1 + c[i]);
            XYIntervalSeries into = e[i + 1] <= 0 ? negative : positive;
            into.add((e[i] + e[i + 1]) / 2, e[i], e[i + 1], y, 0, y);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(negative);
        data.addSeries(positive);
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.setRenderer(ChartStyle.flatBars(ChartStyle.RED, ChartStyle.BLUE));
        plot.setDataset(data);
        plot.getRangeAxis().setLabel("log10(1 + count)");
        chart.setTitle("Hessian eigenvalues (exact), count per bin on a log scale");
        chart.getLegend().setVisible(true);
        zeroLine(plot, e[0], e[e.length - 1]);
        content = true;
    }

    /** The density estimated by stochastic Lanczos quadrature, log10, clipped {@value #DECADES} decades down. */
    void showDensity(SpectralDensity d) {
        SpectralDensity.Curve curve = d.curve(400, 0.01);
        double[] x = curve.x();
        double[] y = curve.density();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (v > 0) {
                max = Math.max(max, Math.log10(v));
            }
        }
        double floor = max - DECADES;
        XYSeries s = new XYSeries("density", false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i] > 0 ? Math.max(floor, Math.log10(y[i])) : floor);
        }
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.setRenderer(ChartStyle.lines(ChartStyle.BLUE, 0));
        plot.setDataset(new XYSeriesCollection(s));
        plot.getRangeAxis().setLabel("log10 density");
        chart.setTitle("Hessian spectral density (stochastic Lanczos quadrature), log scale");
        chart.getLegend().setVisible(false);
        zeroLine(plot, x[0], x[x.length - 1]);
        content = true;
    }

    private static void zeroLine(XYPlot plot, double lo, double hi) {
        plot.clearDomainMarkers();
        if (lo < 0 && hi > 0) {
            plot.addDomainMarker(ChartStyle.marker(0, "λ = 0"));
        }
    }

    boolean hasContent() {
        return content;
    }
}
