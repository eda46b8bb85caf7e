package org.latentlab.experiment.pca;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.latentlab.core.AtomicFiles;
import org.latentlab.latent.ImageExport;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a deep autoencoder against PCA: {@value #CSV} and {@value #MARKDOWN} (both held-out errors),
 * {@value #ROWS_PNG} (originals, PCA and autoencoder reconstructions in three labelled rows) and, for a 2-D code,
 * {@value #CODES_CSV} and {@value #SCATTER_PNG} (both codes coloured by label, side by side). Each written
 * atomically.
 */
public final class PcaFiles {

    public static final String CSV = "pca-vs-ae.csv";
    public static final String MARKDOWN = "pca-vs-ae.md";
    public static final String ROWS_PNG = "reconstructions.png";
    public static final String CODES_CSV = "codes-2d.csv";
    public static final String SCATTER_PNG = "codes-2d.png";
    private static final int SCALE = 2;
    private static final int LABEL_WIDTH = 190;

    private PcaFiles() {
    }

    /** Writes the comparison (and the scatters, when given) into {@code dir}; returns the paths written. */
    public static List<Path> write(PcaComparison c, CodeScatters scatters, Path dir) {
        List<Path> written = new ArrayList<>();
        Path csv = dir.resolve(CSV);
        AtomicFiles.writeString(csv, csv(c));
        written.add(csv);
        Path md = dir.resolve(MARKDOWN);
        AtomicFiles.writeString(md, markdown(c));
        written.add(md);
        Path rows = dir.resolve(ROWS_PNG);
        ImageExport.writePng(rows(c), rows);
        written.add(rows);
        if (scatters != null) {
            Path codes = dir.resolve(CODES_CSV);
            AtomicFiles.writeString(codes, codesCsv(scatters));
            written.add(codes);
            Path png = dir.resolve(SCATTER_PNG);
            ImageExport.writePng(sideBySide(scatters), png);
            written.add(png);
        }
        return written;
    }

    static String csv(PcaComparison c) {
        return "method,code_size,held_out_images,held_out_mse_per_pixel\n"
                + String.format(Locale.ROOT, "pca,%d,%d,%s%n", c.k(), c.heldOut(), c.pcaError())
                + String.format(Locale.ROOT, "deep_autoencoder,%d,%d,%s%n", c.k(), c.heldOut(), c.aeError());
    }

    static String markdown(PcaComparison c) {
        return String.format(Locale.ROOT, "%s against PCA, %d held-out images%n%n", c.model(), c.heldOut())
                + "| method | code size | held-out MSE per pixel |\n|---|---|---|\n"
                + String.format(Locale.ROOT, "| PCA (fitted on %d training images) | %d | %.5f |%n", c.fitted(),
                c.k(), c.pcaError())
                + String.format(Locale.ROOT, "| deep autoencoder | %d | %.5f |%n", c.k(), c.aeError());
    }

    /** Three labelled rows of images: the originals, PCA's and the autoencoder's reconstructions. */
    public static BufferedImage rows(PcaComparison c) {
        BufferedImage[] strips = {
            ImageExport.strip(c.originals(), c.shape(), SCALE, c.originals().length, 2),
            ImageExport.strip(c.byPca(), c.shape(), SCALE, c.byPca().length, 2),
            ImageExport.strip(c.byAe(), c.shape(), SCALE, c.byAe().length, 2)
        };
        String[] names = {
            "held-out originals",
            String.format(Locale.ROOT, "PCA, %d components: %.4f", c.k(), c.pcaError()),
            String.format(Locale.ROOT, "deep AE, %d-D code: %.4f", c.k(), c.aeError())
        };
        int gap = 6;
        int h = 0;
        int w = 0;
        for (BufferedImage s : strips) {
            h += s.getHeight() + gap;
            w = Math.max(w, s.getWidth());
        }
        BufferedImage out = new BufferedImage(LABEL_WIDTH + w + gap, h + 18, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("SansSerif", Font.PLAIN, 11));
        g.drawString("held-out MSE per pixel over " + c.heldOut() + " images", 4, 13);
        int y = 18;
        for (int i = 0; i < strips.length; i++) {
            g.drawString(names[i], 4, y + strips[i].getHeight() / 2 + 4);
            g.drawImage(strips[i], LABEL_WIDTH, y, null);
            y += strips[i].getHeight() + gap;
        }
        g.dispose();
        return out;
    }

    static String codesCsv(CodeScatters s) {
        StringBuilder b = new StringBuilder("label,ae_1,ae_2,pca_1,pca_2\n");
        for (int i = 0; i < s.labels().length; i++) {
            b.append(s.labels()[i]).append(',').append(s.ae()[i][0]).append(',').append(s.ae()[i][1]).append(',')
                    .append(s.pca()[i][0]).append(',').append(s.pca()[i][1]).append('\n');
        }
        return b.toString();
    }

    /** The PCA scatter's chart. */
    public static JFreeChart pcaChart(CodeScatters s) {
        return PcaCharts.scatter(s.pca(), s.labels(), String.format(Locale.ROOT,
                "PCA: first two components (%.1f%% of the variance)", 100 * s.pcaVariance()), "component 1",
                "component 2");
    }

    /** The autoencoder scatter's chart. */
    public static JFreeChart aeChart(CodeScatters s) {
        return PcaCharts.scatter(s.ae(), s.labels(), "Deep autoencoder: 2-D code", "code 1", "code 2");
    }

    private static BufferedImage sideBySide(CodeScatters s) {
        int w = 560;
        int h = 520;
        BufferedImage out = new BufferedImage(2 * w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(pcaChart(s).createBufferedImage(w, h), 0, 0, null);
        g.drawImage(aeChart(s).createBufferedImage(w, h), w, 0, null);
        g.dispose();
        return out;
    }

    /** Writes a chart as a PNG (used for the curves). */
    static void writeChart(JFreeChart chart, Path file, int w, int h) {
        AtomicFiles.write(file, o -> ChartUtils.writeChartAsPNG(o, chart, w, h));
    }
}
