package org.latentlab.experiment.tangentprop;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.core.AtomicFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of a Tangent Prop comparison: {@value #ACCURACY_CSV} (every arm and seed), {@value #CURVES_CSV} (the
 * held-out accuracy curves, mean and sd over seeds), {@value #TABLE_MD} (the table, mean ± sd) and
 * {@value #CURVES_PNG} (the mean curves, drawn by JFreeChart without a screen). Each written atomically.
 */
public final class TangentPropFiles {

    public static final String ACCURACY_CSV = "accuracy.csv";
    public static final String CURVES_CSV = "curves.csv";
    public static final String TABLE_MD = "table.md";
    public static final String CURVES_PNG = "curves.png";
    /** The arms' colours, in order: plain, classic, autoencoder. */
    public static final java.awt.Color[] COLOURS = {new java.awt.Color(0x7f7f7f), new java.awt.Color(0x1f77b4),
            new java.awt.Color(0xd62728)};

    private TangentPropFiles() {
    }

    /** Writes the four files into {@code dir} (which must exist) and returns their paths. */
    public static List<Path> write(TangentPropResult r, Path dir) {
        Path acc = dir.resolve(ACCURACY_CSV);
        AtomicFiles.writeString(acc, accuracyCsv(r));
        Path curves = dir.resolve(CURVES_CSV);
        AtomicFiles.writeString(curves, curvesCsv(r));
        Path table = dir.resolve(TABLE_MD);
        AtomicFiles.writeString(table, table(r));
        Path png = dir.resolve(CURVES_PNG);
        JFreeChart chart = chart(r);
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, 720, 480));
        return List.of(acc, curves, table, png);
    }

    static String accuracyCsv(TangentPropResult r) {
        StringBuilder b = new StringBuilder("arm,seed,held_out,shifted,rotated\n");
        for (TangentPropResult.Arm a : r.arms()) {
            for (int s = 0; s < a.heldOut().length; s++) {
                b.append(a.name()).append(',').append(s).append(',').append(a.heldOut()[s]).append(',')
                        .append(a.translated()[s]).append(',').append(a.rotated()[s]).append('\n');
            }
        }
        return b.toString();
    }

    static String curvesCsv(TangentPropResult r) {
        StringBuilder b = new StringBuilder("arm,iteration,mean_held_out,sd_held_out\n");
        for (TangentPropResult.Arm a : r.arms()) {
            for (int p = 0; p < a.curveIterations().length; p++) {
                double[] at = new double[a.curves().length];
                for (int s = 0; s < at.length; s++) {
                    at[s] = a.curves()[s][p];
                }
                b.append(a.name()).append(',').append(a.curveIterations()[p]).append(',')
                        .append(TangentPropResult.mean(at)).append(',').append(TangentPropResult.sd(at)).append('\n');
            }
        }
        return b.toString();
    }

    /** "93.1 ± 0.4" in percent; one seed has no spread, so "93.1" alone. */
    public static String percent(double[] v) {
        if (v.length < 2) {
            return String.format(Locale.ROOT, "%.1f", 100 * TangentPropResult.mean(v));
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f", 100 * TangentPropResult.mean(v),
                100 * TangentPropResult.sd(v));
    }

    /** The Markdown table, one row per arm. */
    public static String table(TangentPropResult r) {
        TangentPropOptions o = r.options();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Tangent Prop on %d training images, λ = %s, %d iterations, %d seeds"
                        + " (mean ± sd, %%), %d held-out images; %s%n%n", o.trainingSize(), o.lambda(),
                o.iterations(), o.seeds(), o.testSize(), r.network()));
        b.append("| classifier | held-out | shifted (≤ ").append(TangentPropComparison.SHIFT)
                .append(" px) | rotated (≤ ").append((int) TangentPropComparison.DEGREES).append("°) |\n");
        b.append("|---|---|---|---|\n");
        for (TangentPropResult.Arm a : r.arms()) {
            b.append("| ").append(a.about()).append(" | ").append(percent(a.heldOut())).append(" | ")
                    .append(percent(a.translated())).append(" | ").append(percent(a.rotated())).append(" |\n");
        }
        b.append(String.format(Locale.ROOT, "%nwall time %.0f s%n", r.seconds()));
        return b.toString();
    }

    /** The mean held-out accuracy curves, one series per arm. */
    public static JFreeChart chart(TangentPropResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (TangentPropResult.Arm a : r.arms()) {
            XYSeries s = new XYSeries(a.name(), false, true);
            double[] m = a.meanCurve();
            for (int p = 0; p < m.length; p++) {
                s.add(a.curveIterations()[p], m[p]);
            }
            data.addSeries(s);
        }
        int seeds = r.options().seeds();
        JFreeChart chart = ChartFactory.createXYLineChart(String.format(Locale.ROOT,
                        "held-out accuracy, %d training images, %s", r.options().trainingSize(),
                        seeds == 1 ? "one seed" : "mean of " + seeds + " seeds"), "iteration", "held-out accuracy", data, PlotOrientation.VERTICAL, true,
                false, false);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(12f));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        for (int i = 0; i < COLOURS.length && i < r.arms().size(); i++) {
            plot.getRenderer().setSeriesPaint(i, COLOURS[i]);
            plot.getRenderer().setSeriesStroke(i, new java.awt.BasicStroke(2f));
        }
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }
}
