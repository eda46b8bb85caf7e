package org.latentlab.experiment.pca;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

/**
 * The charts of the two comparisons, drawn by JFreeChart without a screen (the command line writes them as PNG,
 * the window shows them): a 2-D code scatter coloured by label, and held-out error curves overlaid.
 */
public final class PcaCharts {

    /** Ten distinguishable colours, one per digit (the "tab10" palette). */
    public static final Color[] LABEL_COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
    };

    /** One colour per initialisation: none, autoencoder, RBM. */
    public static final Color[] INIT_COLOURS = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c)};

    private PcaCharts() {
    }

    /** The codes as points, one series per label (unlabelled points in one grey series). */
    public static JFreeChart scatter(double[][] codes, int[] labels, String title, String xLabel, String yLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries[] byLabel = new XYSeries[LABEL_COLOURS.length + 1];
        for (int i = 0; i < codes.length; i++) {
            int l = labels[i] >= 0 && labels[i] < LABEL_COLOURS.length ? labels[i] : LABEL_COLOURS.length;
            if (byLabel[l] == null) {
                byLabel[l] = new XYSeries(l == LABEL_COLOURS.length ? "unlabelled" : Integer.toString(l), false,
                        true);
            }
            byLabel[l].add(codes[i][0], codes[i][1]);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int s = 0;
        for (int l = 0; l < byLabel.length; l++) {
            if (byLabel[l] != null) {
                data.addSeries(byLabel[l]);
                r.setSeriesPaint(s, l < LABEL_COLOURS.length ? LABEL_COLOURS[l] : Color.GRAY);
                r.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
                s++;
            }
        }
        JFreeChart chart = ChartFactory.createScatterPlot(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(r);
        style(chart);
        return chart;
    }

    /**
     * Held-out error against fine-tuning iteration, one line per run, coloured by initialisation (the legend names
     * each initialisation once).
     */
    public static JFreeChart curves(List<PretrainingRun> runs, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        boolean[] named = new boolean[Pretraining.values().length];
        LegendItemCollection legend = new LegendItemCollection();
        for (int k = 0; k < runs.size(); k++) {
            PretrainingRun run = runs.get(k);
            XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s, seed %d",
                    PretrainingRun.label(run.initialisation()), run.seed()), false, true);
            long[] it = run.curve().iterations();
            double[] e = run.curve().errors();
            for (int i = 0; i < it.length; i++) {
                s.add(it[i], e[i]);
            }
            data.addSeries(s);
            int p = run.initialisation().ordinal();
            r.setSeriesPaint(k, INIT_COLOURS[p]);
            r.setSeriesStroke(k, new BasicStroke(1.6f));
            if (!named[p]) {
                legend.add(new LegendItem(PretrainingRun.label(run.initialisation()), INIT_COLOURS[p]));
            }
            named[p] = true;
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "fine-tuning iteration",
                "held-out mean squared error per pixel", data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setRenderer(r);
        chart.getXYPlot().setFixedLegendItems(legend);
        style(chart);
        return chart;
    }

    private static void style(JFreeChart chart) {
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(12f));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
