package org.latentlab.experiment.sensitivity;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.core.AtomicFiles;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The files of a sensitivity experiment: {@value #POINTS_CSV} (one row per run), {@value #TABLE_MD} (the runs and
 * the correlations) and {@value #SCATTER_PNG} (generalisation gap against the Jacobian norm, one colour per
 * training size, drawn by JFreeChart without a screen). Each written atomically.
 */
public final class SensitivityFiles {

    public static final String POINTS_CSV = "points.csv";
    public static final String TABLE_MD = "table.md";
    public static final String SCATTER_PNG = "scatter.png";
    /** One colour per training size, in the options' order. */
    public static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e)};

    private SensitivityFiles() {
    }

    /** Writes the three files into {@code dir} (which must exist) and returns their paths. */
    public static List<Path> write(SensitivityResult r, Path dir) {
        Path csv = dir.resolve(POINTS_CSV);
        AtomicFiles.writeString(csv, pointsCsv(r));
        Path table = dir.resolve(TABLE_MD);
        AtomicFiles.writeString(table, table(r));
        Path png = dir.resolve(SCATTER_PNG);
        JFreeChart chart = chart(r);
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, 720, 520));
        return List.of(csv, table, png);
    }

    static String pointsCsv(SensitivityResult r) {
        StringBuilder b = new StringBuilder("training_size,label_noise,train_accuracy,held_out_accuracy,gap,"
                + "jacobian_frobenius_mean,jacobian_frobenius_sd\n");
        for (SensitivityResult.Point p : r.points()) {
            b.append(p.size()).append(',').append(p.fraction()).append(',').append(p.train()).append(',')
                    .append(p.heldOut()).append(',').append(p.gap()).append(',').append(p.jacobian()).append(',')
                    .append(p.jacobianSd()).append('\n');
        }
        return b.toString();
    }

    /** "Pearson r (gap, log ‖J‖_F) = 0.93, Spearman ρ (gap, ‖J‖_F) = 0.90 over 10 runs". */
    public static String correlations(SensitivityResult r) {
        return String.format(Locale.ROOT, "Pearson r (gap, log ‖J‖_F) = %.2f, Spearman ρ (gap, ‖J‖_F) = %.2f over %d"
                + " runs", r.pearsonLog(), r.spearman(), r.points().size());
    }

    /** The Markdown table, one row per run, and the correlations. */
    public static String table(SensitivityResult r) {
        SensitivityOptions o = r.options();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Sensitivity and generalisation (Novak et al. 2018): %s, %,d iterations"
                        + " per run; ‖J‖_F = ‖∂softmax(f(x))/∂x‖_F averaged over %d held-out images (the classifier's"
                        + " input-output Jacobian, not an encoder's sensitivity)%n%n", r.network(), o.iterations(),
                o.jacobianPoints()));
        b.append("| training images | labels shuffled % | training accuracy % | held-out accuracy % | gap % |"
                + " mean ‖J‖_F | sd ‖J‖_F |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (SensitivityResult.Point p : r.points()) {
            b.append(String.format(Locale.ROOT, "| %,d | %.0f | %.1f | %.1f | %.1f | %.4f | %.4f |%n", p.size(),
                    100 * p.fraction(), 100 * p.train(), 100 * p.heldOut(), 100 * p.gap(), p.jacobian(),
                    p.jacobianSd()));
        }
        b.append('\n').append(correlations(r)).append(String.format(Locale.ROOT, "; wall time %.0f s%n",
                r.seconds()));
        return b.toString();
    }

    /** Gap against mean ‖J‖_F, one series per training size. */
    public static JFreeChart chart(SensitivityResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        int[] sizes = r.options().sizes();
        for (int size : sizes) {
            XYSeries s = new XYSeries(String.format(Locale.ROOT, "%,d training images", size), false, true);
            for (SensitivityResult.Point p : r.points()) {
                if (p.size() == size) {
                    s.add(p.jacobian(), p.gap());
                }
            }
            data.addSeries(s);
        }
        NumberAxis jacobian = new NumberAxis("mean ‖∂softmax(f(x))/∂x‖_F at held-out images");
        jacobian.setAutoRangeIncludesZero(true);
        NumberAxis gap = new NumberAxis("generalisation gap (training − held-out accuracy)");
        gap.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < sizes.length; i++) {
            dots.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            dots.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        XYPlot plot = new XYPlot(data, jacobian, gap, dots);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        String title = r.points().size() < 3 ? "generalisation gap against input-output Jacobian norm"
                : correlations(r);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT.deriveFont(12f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The sizes as "250, 1000" for labels. */
    public static String sizes(SensitivityOptions o) {
        return String.join(", ", Arrays.stream(o.sizes()).mapToObj(s -> String.format(Locale.ROOT, "%,d", s))
                .toList());
    }
}
