package org.latentlab.experiment.aae;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.core.AtomicFiles;
import org.latentlab.experiment.pca.PcaCharts;
import org.latentlab.latent.ImageExport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a {@link CodeComparison}: {@value #PNG} (the codes side by side, each coloured by digit over its
 * prior's draws in grey), {@value #TESTS_CSV} and {@value #TESTS_MD} (each code's two-sample test against its prior)
 * and {@value #CODES_CSV} (every code and prior draw).
 */
public final class CodeComparisonFiles {

    public static final String PNG = "aae-vae-codes.png";
    public static final String TESTS_CSV = "code-prior-tests.csv";
    public static final String TESTS_MD = "code-prior-tests.md";
    public static final String CODES_CSV = "codes.csv";
    static final int PANEL = 520;

    private CodeComparisonFiles() {
    }

    /** Writes the four files into {@code dir}; returns their paths. */
    public static List<Path> write(CodeComparison.Result r, Path dir) {
        List<Path> written = new ArrayList<>();
        Path csv = dir.resolve(TESTS_CSV);
        AtomicFiles.writeString(csv, testsCsv(r));
        written.add(csv);
        Path md = dir.resolve(TESTS_MD);
        AtomicFiles.writeString(md, testsMarkdown(r));
        written.add(md);
        Path codes = dir.resolve(CODES_CSV);
        AtomicFiles.writeString(codes, codesCsv(r));
        written.add(codes);
        Path png = dir.resolve(PNG);
        ImageExport.writePng(picture(r), png);
        written.add(png);
        return written;
    }

    static String testsCsv(CodeComparison.Result r) {
        StringBuilder s = new StringBuilder("model,iterations,codes,mmd2,threshold,p_value,level,kernel_width,"
                + "rejects_prior\n");
        for (CodeComparison.Codes c : r.rows()) {
            s.append(String.format(Locale.ROOT, "\"%s\",%d,%d,%.6g,%.6g,%.4f,%.3f,%.4f,%s%n", c.model(),
                    r.iterations(), c.codes().length / 2, c.test().statistic(), c.test().threshold(),
                    c.test().pValue(), c.test().level(), c.test().bandwidth(), c.test().rejects()));
        }
        return s.toString();
    }

    static String testsMarkdown(CodeComparison.Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Codes of %d held-out images after %d iterations of %s and of %s;"
                        + " each against as many draws of its prior: MMD² (Gaussian kernel, width the prior draws'"
                        + " median distance), threshold the %.0f%% quantile of %d permutations.%n%n",
                r.labels().length, r.iterations(), r.aae(), r.vae(), 100 * (1 - r.rows().get(0).test().level()),
                r.permutations()));
        s.append("| code | MMD² | threshold | p-value | matches its prior? |\n|---|---:|---:|---:|---|\n");
        for (CodeComparison.Codes c : r.rows()) {
            s.append(String.format(Locale.ROOT, "| %s | %.5f | %.5f | %.3f | %s |%n", c.model(),
                    c.test().statistic(), c.test().threshold(), c.test().pValue(),
                    c.test().rejects() ? "no (rejected)" : "yes (not rejected)"));
        }
        s.append(String.format(Locale.ROOT, "%nWall time %.0f s.%n", r.seconds()));
        return s.toString();
    }

    static String codesCsv(CodeComparison.Result r) {
        StringBuilder s = new StringBuilder("model,label,c1,c2,prior_c1,prior_c2\n");
        for (CodeComparison.Codes c : r.rows()) {
            for (int i = 0; i < c.codes().length / 2; i++) {
                s.append(String.format(Locale.ROOT, "\"%s\",%d,%.6g,%.6g,%.6g,%.6g%n", c.model(), r.labels()[i],
                        c.codes()[2 * i], c.codes()[2 * i + 1], c.prior()[2 * i], c.prior()[2 * i + 1]));
            }
        }
        return s.toString();
    }

    /** The codes side by side, one panel per row of the comparison. */
    public static BufferedImage picture(CodeComparison.Result r) {
        int n = r.rows().size();
        BufferedImage img = new BufferedImage(n * PANEL, PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int k = 0; k < n; k++) {
            CodeComparison.Codes c = r.rows().get(k);
            String title = String.format(Locale.ROOT, "%s%nMMD² %.4f (threshold %.4f): %s", c.model(),
                    c.test().statistic(), c.test().threshold(), c.test().rejects() ? "differs from the prior"
                            : "passes for the prior");
            chart(c, r.labels(), title).draw(g, new java.awt.geom.Rectangle2D.Double(k * PANEL, 0, PANEL, PANEL));
        }
        g.dispose();
        return img;
    }

    /** One scatter: the codes coloured by label, the prior's draws in grey beneath them. */
    static JFreeChart chart(CodeComparison.Codes c, int[] labels, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int s = 0;
        for (int l = 0; l <= PcaCharts.LABEL_COLOURS.length; l++) {
            XYSeries series = new XYSeries(l == PcaCharts.LABEL_COLOURS.length ? "unlabelled" : Integer.toString(l),
                    false, true);
            for (int i = 0; i < labels.length; i++) {
                int li = labels[i] >= 0 && labels[i] < PcaCharts.LABEL_COLOURS.length ? labels[i]
                        : PcaCharts.LABEL_COLOURS.length;
                if (li == l) {
                    series.add(c.codes()[2 * i], c.codes()[2 * i + 1]);
                }
            }
            if (series.getItemCount() > 0) {
                data.addSeries(series);
                renderer.setSeriesPaint(s, l < PcaCharts.LABEL_COLOURS.length ? PcaCharts.LABEL_COLOURS[l]
                        : Color.DARK_GRAY);
                renderer.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
                s++;
            }
        }
        XYSeries prior = new XYSeries("prior", false, true);
        for (int i = 0; i < c.prior().length / 2; i++) {
            prior.add(c.prior()[2 * i], c.prior()[2 * i + 1]);
        }
        data.addSeries(prior);
        renderer.setSeriesPaint(s, new Color(200, 200, 200));
        renderer.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
        JFreeChart chart = ChartFactory.createScatterPlot(title, "code 1", "code 2", data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer); // the plot draws its last series first: the prior lies beneath
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(12f));
        return chart;
    }
}
