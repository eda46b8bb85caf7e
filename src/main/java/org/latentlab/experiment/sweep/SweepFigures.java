package org.latentlab.experiment.sweep;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.latentlab.core.AtomicFiles;
import org.latentlab.data.CsvTable;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a sweep's results into its folder: {@code table.csv} and {@code table.md} (mean ± sd, min–max per
 * combination and metric) and, per metric, {@code METRIC.png}: the mean over the random seeds against iterations with a
 * band of ± one standard deviation, one colour per combination.
 */
public final class SweepFigures {

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};

    private SweepFigures() {
    }

    /** Writes the table and the plots; returns the files written. */
    public static List<Path> write(SweepPlan plan, SweepTable table, Path sweepDir) {
        List<Path> files = new ArrayList<>();
        Path csv = sweepDir.resolve("table.csv");
        List<List<Object>> rows = table.csvRows();
        CsvTable.write(csv, rows.get(0), rows.subList(1, rows.size()));
        files.add(csv);
        Path md = sweepDir.resolve("table.md");
        AtomicFiles.writeString(md, table.markdown(plan.spec().name() + " (" + plan.spec().seeds() + " random seeds"
                + " per combination)") + (plan.spec().description().isBlank() ? ""
                : "\n" + plan.spec().description() + "\n"));
        files.add(md);
        for (String metric : table.metrics()) {
            Path png = sweepDir.resolve(metric.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            JFreeChart chart = chart(plan, table, metric);
            AtomicFiles.write(png, o -> ChartUtils.writeChartAsPNG(o, chart, 900, 560));
            files.add(png);
        }
        return files;
    }

    /** One metric over iterations: each combination's mean with a ± sd band. */
    public static JFreeChart chart(SweepPlan plan, SweepTable table, String metric) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (SweepPlan.Combination c : plan.combinations()) {
            YIntervalSeries series = new YIntervalSeries(c.label());
            Map<String, TreeMap<Long, SweepTable.Stats>> byMetric = table.curves().get(c.index());
            TreeMap<Long, SweepTable.Stats> curve = byMetric == null ? null : byMetric.get(metric);
            if (curve != null) {
                curve.forEach((i, s) -> series.add(i, s.mean(), s.mean() - s.sd(), s.mean() + s.sd()));
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(metric + ": mean ± sd over " + plan.spec().seeds()
                        + " random seeds", "iteration", metric, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer r = new DeviationRenderer(true, false);
        for (int i = 0; i < plan.combinations().size(); i++) {
            Color colour = COLOURS[i % COLOURS.length];
            r.setSeriesPaint(i, colour);
            r.setSeriesFillPaint(i, colour);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        r.setAlpha(0.18f);
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
