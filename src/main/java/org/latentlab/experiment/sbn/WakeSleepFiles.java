package org.latentlab.experiment.sbn;

import org.jfree.chart.ChartUtils;
import org.latentlab.core.AtomicFiles;
import org.latentlab.train.sbn.ExplainingAway;
import org.latentlab.train.sbn.WakeSleepStatus;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of the {@code wake-sleep} command, each written atomically: for an MNIST run {@value #CURVE_CSV} (one
 * row per measurement), {@value #CURVE_PNG}, {@value #SAMPLES_PNG} and {@value #FILTERS_PNG} (generative and
 * recognition filters of the first layer side by side); for the explaining-away net {@value #POSTERIOR_CSV}.
 */
public final class WakeSleepFiles {

    public static final String CURVE_CSV = "curve.csv";
    public static final String CURVE_PNG = "curve.png";
    public static final String SAMPLES_PNG = "samples.png";
    public static final String FILTERS_PNG = "filters.png";
    public static final String POSTERIOR_CSV = "posterior.csv";
    static final int FILTER_COLUMNS = 10;

    static {
        ImageIO.setUseCache(false);
    }

    private WakeSleepFiles() {
    }

    /** Writes an MNIST run's four files into {@code dir} (which must exist) and returns their paths. */
    public static List<Path> write(WakeSleepStatus s, Path dir) {
        Path csv = dir.resolve(CURVE_CSV);
        StringBuilder b = new StringBuilder("iteration,heldout_bound_nats,heldout_reconstruction_nats\n");
        for (WakeSleepStatus.Point p : s.curve()) {
            b.append(p.iteration()).append(',').append(p.bound()).append(',').append(p.reconstruction())
                    .append('\n');
        }
        AtomicFiles.writeString(csv, b.toString());
        Path curve = dir.resolve(CURVE_PNG);
        AtomicFiles.write(curve, out -> ChartUtils.writeChartAsPNG(out, WakeSleepPictures.curve(s), 800, 480));
        Path samples = dir.resolve(SAMPLES_PNG);
        png(WakeSleepPictures.grid(s.samples(), 6, 2), samples);
        Path filters = dir.resolve(FILTERS_PNG);
        png(sideBySide(WakeSleepPictures.filters(s.generativeFilters(), FILTER_COLUMNS, 1),
                "generative G1 (to the pixels)", WakeSleepPictures.filters(s.recognitionFilters(), FILTER_COLUMNS,
                        1), "recognition R1 (from the pixels)"), filters);
        return List.of(csv, curve, samples, filters);
    }

    /** Writes the explaining-away table for the effect off and on. */
    public static Path writePosterior(ExplainingAway net, Path dir) {
        StringBuilder b = new StringBuilder("house_jumps,earthquake,truck_hits_house,exact_posterior,"
                + "factorised_q\n");
        for (boolean on : new boolean[] {false, true}) {
            ExplainingAway.Posterior p = net.posterior(on);
            for (int c = 0; c < 4; c++) {
                b.append(on ? 1 : 0).append(',').append(c & 1).append(',').append((c >> 1) & 1).append(',')
                        .append(p.exact()[c]).append(',').append(p.factorised()[c]).append('\n');
            }
        }
        Path csv = dir.resolve(POSTERIOR_CSV);
        AtomicFiles.writeString(csv, b.toString());
        return csv;
    }

    /** Two pictures side by side, each under its title. */
    static BufferedImage sideBySide(BufferedImage left, String leftTitle, BufferedImage right, String rightTitle) {
        int top = 22;
        int gap = 16;
        BufferedImage img = new BufferedImage(left.getWidth() + gap + right.getWidth(),
                top + Math.max(left.getHeight(), right.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font("SansSerif", Font.PLAIN, 12));
        g.drawString(leftTitle, 2, 15);
        g.drawString(rightTitle, left.getWidth() + gap + 2, 15);
        g.drawImage(left, 0, top, null);
        g.drawImage(right, left.getWidth() + gap, top, null);
        g.dispose();
        return img;
    }

    private static void png(BufferedImage img, Path file) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new java.io.IOException("no PNG writer is available");
            }
        });
    }

    /** "0.4999775" or "4.54e-05": a probability for a table. */
    public static String probability(double p) {
        return p != 0 && p < 1e-3 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.6f", p);
    }
}
