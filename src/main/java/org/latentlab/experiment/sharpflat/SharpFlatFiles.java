package org.latentlab.experiment.sharpflat;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.core.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of a sharp/flat comparison: {@value #MINIMA_CSV} (every batch size and seed), {@value #LINES_CSV} (the
 * training loss along each random filter-normalised direction), {@value #INTERPOLATION_CSV} (training and held-out
 * loss between the two minima), {@value #TABLE_MD} (mean ± sd) and {@value #FIGURE_PNG} (the two pictures side by
 * side, drawn by JFreeChart without a screen). Each written atomically.
 */
public final class SharpFlatFiles {

    public static final String MINIMA_CSV = "minima.csv";
    public static final String LINES_CSV = "directions.csv";
    public static final String INTERPOLATION_CSV = "interpolation.csv";
    public static final String TABLE_MD = "table.md";
    public static final String FIGURE_PNG = "sharp-flat.png";
    /** Small batch blue, large batch red; held-out loss dashed. */
    public static final Color SMALL = new Color(0x1f77b4);
    public static final Color LARGE = new Color(0xd62728);

    private SharpFlatFiles() {
    }

    /** Writes the five files into {@code dir} (which must exist) and returns their paths. */
    public static List<Path> write(SharpFlatResult r, Path dir) {
        Path minima = dir.resolve(MINIMA_CSV);
        AtomicFiles.writeString(minima, minimaCsv(r));
        Path lines = dir.resolve(LINES_CSV);
        AtomicFiles.writeString(lines, linesCsv(r));
        Path interp = dir.resolve(INTERPOLATION_CSV);
        AtomicFiles.writeString(interp, interpolationCsv(r));
        Path table = dir.resolve(TABLE_MD);
        AtomicFiles.writeString(table, table(r));
        Path png = dir.resolve(FIGURE_PNG);
        BufferedImage image = new BufferedImage(1200, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        interpolationChart(r).draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 600, 450));
        directionsChart(r).draw(g, new java.awt.geom.Rectangle2D.Double(600, 0, 600, 450));
        g.dispose();
        AtomicFiles.write(png, out -> ImageIO.write(image, "png", out));
        return List.of(minima, lines, interp, table, png);
    }

    static String minimaCsv(SharpFlatResult r) {
        StringBuilder b = new StringBuilder("arm,batch,epochs,seed,lambda1,train_accuracy,held_out_accuracy,"
                + "train_loss,held_out_loss\n");
        for (SharpFlatResult.Arm a : r.arms()) {
            for (int s = 0; s < a.lambda1().length; s++) {
                b.append(a.name()).append(',').append(a.batch()).append(',').append(a.epochs()[s]).append(',')
                        .append(s).append(',').append(a.lambda1()[s]).append(',').append(a.trainAcc()[s]).append(',')
                        .append(a.testAcc()[s]).append(',').append(a.trainLoss()[s]).append(',')
                        .append(a.testLoss()[s]).append('\n');
            }
        }
        return b.toString();
    }

    static String linesCsv(SharpFlatResult r) {
        StringBuilder b = new StringBuilder("arm,seed,direction,alpha,train_loss\n");
        for (SharpFlatResult.Arm a : r.arms()) {
            for (int s = 0; s < a.lines().length; s++) {
                for (int k = 0; k < a.lines()[s].length; k++) {
                    for (int p = 0; p < r.lineAlpha().length; p++) {
                        b.append(a.name()).append(',').append(s).append(',').append(k).append(',')
                                .append(r.lineAlpha()[p]).append(',').append(a.lines()[s][k][p]).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    static String interpolationCsv(SharpFlatResult r) {
        StringBuilder b = new StringBuilder("seed,alpha,train_loss,held_out_loss\n");
        for (int s = 0; s < r.interpolation().length; s++) {
            for (int p = 0; p < r.alpha().length; p++) {
                b.append(s).append(',').append(r.alpha()[p]).append(',').append(r.interpolation()[s][p]).append(',')
                        .append(r.heldOutAlong()[s][p]).append('\n');
            }
        }
        return b.toString();
    }

    /** "12.3 ± 0.4" with the given format; one seed has no spread, so the value alone. */
    public static String meanSd(double[] v, String format) {
        String m = String.format(Locale.ROOT, format, SharpFlatResult.mean(v));
        return v.length < 2 ? m : m + " ± " + String.format(Locale.ROOT, format, SharpFlatResult.sd(v));
    }

    private static double[] epochsOf(SharpFlatResult.Arm a) {
        double[] e = new double[a.epochs().length];
        for (int i = 0; i < e.length; i++) {
            e[i] = a.epochs()[i];
        }
        return e;
    }

    /** Values in [0, 1] as percent, mean ± sd. */
    public static String percent(double[] v) {
        double[] p = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            p[i] = 100 * v[i];
        }
        return meanSd(p, "%.1f");
    }

    /** The Markdown table, one row per batch size. */
    public static String table(SharpFlatResult r) {
        SharpFlatOptions o = r.options();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Sharp and flat minima: %s; %s, Adam; %d held-out images;"
                + " %s (mean ± sd)%n%n", o, r.network(), o.testSize(), o.seeds() == 1 ? "one seed" : o.seeds()
                + " seeds"));
        b.append("| batch | epochs | λ₁ of the training loss | training accuracy % | held-out accuracy % |"
                + " training loss | held-out loss |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (SharpFlatResult.Arm a : r.arms()) {
            b.append("| ").append(a.batch()).append(" | ").append(meanSd(epochsOf(a), "%.0f")).append(" | ")
                    .append(meanSd(a.lambda1(), "%.2f")).append(" | ").append(percent(a.trainAcc())).append(" | ")
                    .append(percent(a.testAcc())).append(" | ").append(meanSd(a.trainLoss(), "%.4f"))
                    .append(" | ").append(meanSd(a.testLoss(), "%.3f")).append(" |\n");
        }
        b.append(String.format(Locale.ROOT, "%nwall time %.0f s%n", r.seconds()));
        return b.toString();
    }

    /** Training and held-out loss from the small-batch minimum (α = 0) to the large-batch one (α = 1). */
    public static JFreeChart interpolationChart(SharpFlatResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("training loss", r.alpha(), SharpFlatResult.meanRows(r.interpolation())));
        data.addSeries(series("held-out loss", r.alpha(), SharpFlatResult.meanRows(r.heldOutAlong())));
        JFreeChart chart = ChartFactory.createXYLineChart("from the small-batch minimum (α = 0) to the large-batch"
                + " one (α = 1), " + seeds(r), "α", "cross-entropy", data, PlotOrientation.VERTICAL, true, false,
                false);
        style(chart, new Color[] {Color.BLACK, new Color(0xff7f0e)});
        return chart;
    }

    /** The training loss along random filter-normalised directions through each minimum, mean over draws. */
    public static JFreeChart directionsChart(SharpFlatResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (SharpFlatResult.Arm a : r.arms()) {
            data.addSeries(series(a.name() + " " + a.batch(), r.lineAlpha(), a.meanLine()));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("training loss along random filter-normalised"
                + " directions, " + seeds(r), "α (θ + α·d)", "training cross-entropy", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart, new Color[] {SMALL, LARGE});
        return chart;
    }

    private static String seeds(SharpFlatResult r) {
        int s = r.options().seeds();
        return s == 1 ? "one seed" : "mean of " + s + " seeds";
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int p = 0; p < x.length; p++) {
            s.add(x[p], y[p]);
        }
        return s;
    }

    private static void style(JFreeChart chart, Color[] colours) {
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(12f));
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < colours.length; i++) {
            plot.getRenderer().setSeriesPaint(i, colours[i]);
            plot.getRenderer().setSeriesStroke(i, new java.awt.BasicStroke(2f));
        }
    }
}
