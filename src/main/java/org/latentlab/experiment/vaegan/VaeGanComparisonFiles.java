package org.latentlab.experiment.vaegan;

import org.latentlab.core.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@link VaeGanComparison} writes: {@code vae-vs-vaegan.png} (the two grids of samples of the same codes side
 * by side), {@code vae-vs-vaegan.csv} and {@code vae-vs-vaegan.md} (the table).
 */
public final class VaeGanComparisonFiles {

    public static final String PNG = "vae-vs-vaegan.png";
    public static final String CSV = "vae-vs-vaegan.csv";
    public static final String MARKDOWN = "vae-vs-vaegan.md";
    private static final int SCALE = 3;
    private static final int TITLE = 44;
    private static final int GAP = 24;

    private VaeGanComparisonFiles() {
    }

    /** Writes the three files into {@code dir} (which exists). */
    public static void write(VaeGanComparison.Result r, Path dir) {
        AtomicFiles.writeString(dir.resolve(CSV), csv(r));
        AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown(r));
        BufferedImage img = picture(r);
        AtomicFiles.write(dir.resolve(PNG), out -> {
            ImageIO.setUseCache(false);
            if (!ImageIO.write(img, "png", out)) {
                throw new java.io.IOException("no PNG writer is available");
            }
        });
    }

    static String csv(VaeGanComparison.Result r) {
        StringBuilder b = new StringBuilder("images,frechet_classifier_features,mean_confidence,classes,grey_pixels,"
                + "held_out_reconstruction_nats,held_out_kl_nats,train_seconds,iterations\n");
        for (VaeGanComparison.Row row : r.rows()) {
            b.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%d,%.4f,%.3f,%.3f,%.1f,%d%n", row.label(), row.frechet(),
                    row.meanConfidence(), row.classes(), row.greyFraction(), row.heldOutReconstruction(),
                    row.heldOutKl(), row.trainSeconds(), r.iterations()));
        }
        return b.toString();
    }

    static String markdown(VaeGanComparison.Result r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s and its plain VAE, %,d iterations each,"
                + " %,d samples of the same codes z ~ N(0, I) scored by the data set's classifier%n%n", r.spec().name(),
                r.iterations(), r.count()));
        b.append("| images | Fréchet distance (classifier features) | mean confidence | classes | grey pixels |"
                + " held-out reconstruction (nats) | held-out KL (nats) | training (s) |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (VaeGanComparison.Row row : r.rows()) {
            b.append(String.format(Locale.ROOT, "| %s | %.2f | %.3f | %d | %.1f %% | %s | %s | %s |%n", row.label(),
                    row.frechet(), row.meanConfidence(), row.classes(), 100 * row.greyFraction(),
                    number(row.heldOutReconstruction(), "%.1f"), number(row.heldOutKl(), "%.1f"),
                    number(row.trainSeconds(), "%.0f")));
        }
        b.append("\nThe held-out row's distance is one half of the held-out images against the other: the floor."
                + " Grey pixels: the share between 0.1 and 0.9 (blur shows as grey). Reconstruction and KL: the"
                + " encoder and decoder measured as a VAE's, pixel by pixel, on the held-out images.\n");
        return b.toString();
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    /** Two 8 × 8 grids of the same codes, the VAE's left, the VAE-GAN's right, each under its title. */
    static BufferedImage picture(VaeGanComparison.Result r) {
        int h = r.shape()[r.shape().length - 2];
        int w = r.shape()[r.shape().length - 1];
        int n = r.vaeSamples().length / (h * w);
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        int gridW = cols * (w + 1) * SCALE;
        int gridH = rows * (h + 1) * SCALE;
        BufferedImage img = new BufferedImage(2 * gridW + 3 * GAP, gridH + TITLE + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("VAE: pixel-wise cross-entropy", GAP, 20);
        g.drawString("VAE-GAN: features of D's layer " + r.spec().vaegan().featureLayer() + " + GAN", 2 * GAP + gridW,
                20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "same encoder / decoder sizes, %,d iterations each, the same codes"
                + " z ~ N(0, I) in both grids", r.iterations()), GAP, 38);
        g.dispose();
        draw(img, r.vaeSamples(), n, cols, h, w, GAP, TITLE);
        draw(img, r.vaeganSamples(), n, cols, h, w, 2 * GAP + gridW, TITLE);
        return img;
    }

    private static void draw(BufferedImage img, float[] v, int n, int cols, int h, int w, int x0, int y0) {
        for (int k = 0; k < n; k++) {
            int gx = x0 + (k % cols) * (w + 1) * SCALE;
            int gy = y0 + (k / cols) * (h + 1) * SCALE;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float p = Math.max(0, Math.min(1, v[k * h * w + y * w + x]));
                    int grey = 255 - Math.round(255 * p);
                    int rgb = (grey << 16) | (grey << 8) | grey;
                    for (int dy = 0; dy < SCALE; dy++) {
                        for (int dx = 0; dx < SCALE; dx++) {
                            img.setRGB(gx + x * SCALE + dx, gy + y * SCALE + dy, rgb);
                        }
                    }
                }
            }
        }
    }
}
