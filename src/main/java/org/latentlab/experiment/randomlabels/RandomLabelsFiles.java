package org.latentlab.experiment.randomlabels;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.core.AtomicFiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of a random-labels experiment: {@value #CURVES_CSV} (both accuracies of every run at every point),
 * {@value #TABLE_MD} (the final accuracies and when each run first fitted its training set) and {@value #CURVES_PNG}
 * (training and held-out curves side by side, drawn by JFreeChart without a screen). Each written atomically.
 */
public final class RandomLabelsFiles {

    public static final String CURVES_CSV = "curves.csv";
    public static final String TABLE_MD = "table.md";
    public static final String CURVES_PNG = "curves.png";
    /** The runs' colours, in order: true labels, partly shuffled, all shuffled, Gaussian inputs. */
    public static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0xd62728),
            new Color(0x7f7f7f)};

    private RandomLabelsFiles() {
    }

    /** Writes the three files into {@code dir} (which must exist) and returns their paths. */
    public static List<Path> write(RandomLabelsResult r, Path dir) {
        Path csv = dir.resolve(CURVES_CSV);
        AtomicFiles.writeString(csv, curvesCsv(r));
        Path table = dir.resolve(TABLE_MD);
        AtomicFiles.writeString(table, table(r));
        Path png = dir.resolve(CURVES_PNG);
        JFreeChart chart = chart(r);
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, 960, 440));
        return List.of(csv, table, png);
    }

    static String curvesCsv(RandomLabelsResult r) {
        StringBuilder b = new StringBuilder("run,iteration,train_accuracy,held_out_accuracy\n");
        for (RandomLabelsResult.Run run : r.runs()) {
            for (int p = 0; p < run.iterations().length; p++) {
                b.append(run.name()).append(',').append(run.iterations()[p]).append(',').append(run.train()[p])
                        .append(',').append(run.heldOut()[p]).append('\n');
            }
        }
        return b.toString();
    }

    /** When a run first fitted its training set: "iteration 2,400 (31 s)", or "not within 4,000 iterations". */
    public static String fitted(RandomLabelsResult.Run run, long iterations) {
        return run.fittedAt() < 0 ? String.format(Locale.ROOT, "not within %,d iterations", iterations)
                : String.format(Locale.ROOT, "iteration %,d (%.0f s)", run.fittedAt(), run.fittedAfter());
    }

    /** The Markdown table, one row per run. */
    public static String table(RandomLabelsResult r) {
        RandomLabelsOptions o = r.options();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Random labels (Zhang et al. 2017): %s on %,d MNIST training images, %,d"
                        + " iterations, accuracy measured every %d on the training set (its own labels) and on %,d"
                        + " held-out images (true labels)%n%n", r.network(), o.trainingSize(), o.iterations(),
                o.evalEvery(), o.testSize()));
        b.append("| run | training accuracy % | held-out accuracy % | training set fitted (100 %) at | training set |\n");
        b.append("|---|---|---|---|---|\n");
        for (RandomLabelsResult.Run run : r.runs()) {
            b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %s |%n", run.name(), 100 * run.lastTrain(),
                    100 * run.lastHeldOut(), fitted(run, o.iterations()), run.about()));
        }
        b.append(String.format(Locale.ROOT, "%nwall time %.0f s (the times to fit count training alone)%n",
                r.seconds()));
        return b.toString();
    }

    /** Training accuracy (left) and held-out accuracy (right) against iterations, one line per run. */
    public static JFreeChart chart(RandomLabelsResult r) {
        NumberAxis accuracy = new NumberAxis("accuracy");
        accuracy.setRange(0, 1.02);
        CombinedRangeXYPlot both = new CombinedRangeXYPlot(accuracy);
        both.setGap(16);
        both.add(plot(r, true), 1);
        both.add(plot(r, false), 1);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "%,d training images: accuracy on the labels"
                        + " trained on (left) and on held-out digits, true labels (right)", r.options().trainingSize()),
                JFreeChart.DEFAULT_TITLE_FONT.deriveFont(12f), both, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot plot(RandomLabelsResult r, boolean training) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (RandomLabelsResult.Run run : r.runs()) {
            XYSeries s = new XYSeries(run.name(), false, true);
            double[] v = training ? run.train() : run.heldOut();
            for (int p = 0; p < v.length; p++) {
                s.add(run.iterations()[p], v[p]);
            }
            data.addSeries(s);
        }
        NumberAxis iterations = new NumberAxis(training ? "iteration (training set, its labels)"
                : "iteration (held-out digits, true labels)");
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < r.runs().size(); i++) {
            lines.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            lines.setSeriesStroke(i, new BasicStroke(2f));
            lines.setSeriesVisibleInLegend(i, training);
        }
        XYPlot plot = new XYPlot(data, iterations, null, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
