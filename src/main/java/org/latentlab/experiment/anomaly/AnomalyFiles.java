package org.latentlab.experiment.anomaly;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.core.AtomicFiles;
import org.latentlab.metrics.RocCurve;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of an anomaly detection: {@value #ROC_CSV} (the curve, one row per threshold), {@value #ROC_PNG} (the
 * curve drawn with its area and the chance diagonal, by JFreeChart without a screen) and {@value #SCORES_CSV} (every
 * image's score and set). Each written atomically.
 */
public final class AnomalyFiles {

    public static final String ROC_CSV = "roc.csv";
    public static final String ROC_PNG = "roc.png";
    public static final String SCORES_CSV = "scores.csv";
    public static final List<String> ROC_COLUMNS = List.of("threshold", "false_positive_rate", "true_positive_rate");
    static final int WIDTH = 640;
    static final int HEIGHT = 560;

    private AnomalyFiles() {
    }

    /** Writes the three files into {@code dir} (which must exist) and returns their paths. */
    public static List<Path> write(AnomalyDetection d, Path dir) {
        Path csv = dir.resolve(ROC_CSV);
        AtomicFiles.writeString(csv, rocCsv(d.roc()));
        Path scores = dir.resolve(SCORES_CSV);
        AtomicFiles.writeString(scores, scoresCsv(d));
        Path png = dir.resolve(ROC_PNG);
        JFreeChart chart = chart(d);
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
        return List.of(csv, png, scores);
    }

    static String rocCsv(RocCurve roc) {
        StringBuilder b = new StringBuilder(String.join(",", ROC_COLUMNS)).append('\n');
        double[] t = roc.thresholds();
        double[] x = roc.falsePositiveRate();
        double[] y = roc.truePositiveRate();
        for (int i = 0; i < t.length; i++) {
            b.append(Double.isInfinite(t[i]) ? "inf" : Double.toString(t[i])).append(',').append(x[i]).append(',')
                    .append(y[i]).append('\n');
        }
        return b.toString();
    }

    private static String scoresCsv(AnomalyDetection d) {
        StringBuilder b = new StringBuilder("set,score\n");
        for (double s : d.normal()) {
            b.append("normal,").append(s).append('\n');
        }
        for (double s : d.anomalous()) {
            b.append("anomalous,").append(s).append('\n');
        }
        return b.toString();
    }

    private static JFreeChart chart(AnomalyDetection d) {
        RocCurve roc = d.roc();
        XYSeries curve = new XYSeries(String.format(Locale.ROOT, "ROC, area %.4f", roc.area()), false, true);
        double[] x = roc.falsePositiveRate();
        double[] y = roc.truePositiveRate();
        for (int i = 0; i < x.length; i++) {
            curve.add(x[i], y[i]);
        }
        XYSeries chance = new XYSeries("chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curve);
        data.addSeries(chance);
        JFreeChart chart = ChartFactory.createXYLineChart(d.how() + ": " + d.sets().anomalousAbout() + " against "
                        + d.sets().normalAbout(), "false positive rate (held-out images called anomalous)",
                "true positive rate (foreign images called anomalous)", data, PlotOrientation.VERTICAL, true, false,
                false);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(12f));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.getRenderer().setSeriesPaint(0, new java.awt.Color(0x1f77b4));
        plot.getRenderer().setSeriesPaint(1, java.awt.Color.GRAY);
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1.02);
        plot.getRenderer().setSeriesStroke(1, new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        return chart;
    }
}
