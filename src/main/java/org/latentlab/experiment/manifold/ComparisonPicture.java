package org.latentlab.experiment.manifold;

import org.latentlab.latent.EncodedSet;
import org.latentlab.latent.ImagePixels;
import org.latentlab.latent.ImageShape;
import org.latentlab.data.ImageScale;
import org.latentlab.latent.LatentModel;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * The pictures of a {@link LatentComparison}, drawn with Java2D without a screen (the command line and the window
 * share them): the interpolation rows, two per pair (plain autoencoder above, VAE below), and each model's code
 * scatter coloured by label with the paths drawn on it (the first two code coordinates when the code is larger).
 */
public final class ComparisonPicture {

    /** Ten label colours (Tableau 10). */
    static final Color[] LABELS = {new Color(78, 121, 167), new Color(242, 142, 43), new Color(225, 87, 89),
            new Color(118, 183, 178), new Color(89, 161, 79), new Color(237, 201, 72), new Color(176, 122, 161),
            new Color(255, 157, 167), new Color(156, 117, 95), new Color(186, 176, 172)};
    private static final int LABEL_WIDTH = 110;
    private static final int GAP = 2;
    private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);
    private static final Font BOLD = new Font("SansSerif", Font.BOLD, 13);

    private ComparisonPicture() {
    }

    /** The interpolation rows, each image drawn {@code scale} times its size. */
    public static BufferedImage rows(LatentComparison c, int scale) {
        ImageShape s = c.shape();
        int cell = s.width() * scale;
        int rowH = s.height() * scale;
        int width = LABEL_WIDTH + c.frames() * (cell + GAP);
        int pairGap = 10;
        int height = 22 + c.pairs().size() * (2 * (rowH + GAP) + pairGap);
        BufferedImage img = canvas(width, height);
        Graphics2D g = graphics(img);
        g.setColor(Color.DARK_GRAY);
        g.setFont(BOLD);
        g.drawString("linear interpolation between the codes of two held-out images", 4, 15);
        g.setFont(FONT);
        int y = 22;
        for (int p = 0; p < c.pairs().size(); p++) {
            y = row(g, img, c.plain().decoded().get(p), "autoencoder", y, s, scale);
            y = row(g, img, c.vae().decoded().get(p), "VAE", y, s, scale) + pairGap;
        }
        g.dispose();
        return img;
    }

    private static int row(Graphics2D g, BufferedImage img, float[][] frames, String label, int y, ImageShape s,
                           int scale) {
        g.setColor(Color.DARK_GRAY);
        g.drawString(label, 4, y + s.height() * scale / 2 + 5);
        int x = LABEL_WIDTH;
        for (float[] f : frames) {
            int[] px = ImagePixels.scaled(LatentModel.toDisplay(f, ImageScale.ZERO_TO_ONE), 0, s, scale);
            img.setRGB(x, y, s.width() * scale, s.height() * scale, px, 0, s.width() * scale);
            x += s.width() * scale + GAP;
        }
        return y + s.height() * scale + GAP;
    }

    /**
     * One side's code scatter with the paths, {@code size} pixels square, with a title line above and the labels'
     * colours below.
     */
    public static BufferedImage scatter(LatentComparison.Side side, int size) {
        int title = 22;
        int legend = 18;
        BufferedImage img = canvas(size, size + title + legend);
        Graphics2D g = graphics(img);
        g.setColor(Color.DARK_GRAY);
        g.setFont(BOLD);
        g.drawString(side.name(), 4, 15);
        EncodedSet set = side.scatter();
        double[] b = bounds(set, side.paths());
        int m = 6;
        double sx = (size - 2 * m) / (b[1] - b[0]);
        double sy = (size - 2 * m) / (b[3] - b[2]);
        g.setColor(new Color(225, 225, 225));
        g.drawRect(m, title + m, size - 2 * m, size - 2 * m);
        for (int i = 0; i < set.size(); i++) {
            double[] z = set.codes()[i];
            int l = set.labels()[i];
            g.setColor(l >= 0 ? LABELS[l % LABELS.length] : Color.GRAY);
            double px = m + (z[0] - b[0]) * sx;
            double py = title + size - m - (coord(z, 1) - b[2]) * sy;
            g.fillOval((int) px - 2, (int) py - 2, 4, 4);
        }
        for (int p = 0; p < side.paths().size(); p++) {
            double[][] path = side.paths().get(p);
            Path2D.Double line = new Path2D.Double();
            for (int i = 0; i < path.length; i++) {
                double px = m + (path[i][0] - b[0]) * sx;
                double py = title + size - m - (coord(path[i], 1) - b[2]) * sy;
                if (i == 0) {
                    line.moveTo(px, py);
                } else {
                    line.lineTo(px, py);
                }
            }
            g.setStroke(new BasicStroke(4f));
            g.setColor(Color.WHITE);
            g.draw(line);
            g.setStroke(new BasicStroke(2f));
            g.setColor(Color.BLACK);
            g.draw(line);
            g.setFont(FONT);
            double[] a = path[0];
            g.drawString(Integer.toString(p + 1), (int) (m + (a[0] - b[0]) * sx) + 3,
                    (int) (title + size - m - (coord(a, 1) - b[2]) * sy) - 3);
        }
        if (set.isLabelled()) {
            g.setFont(BOLD);
            int x = m;
            for (int l = 0; l < LABELS.length; l++) {
                g.setColor(LABELS[l]);
                g.drawString(Integer.toString(l), x, title + size + legend - 4);
                x += 14;
            }
            g.setColor(Color.DARK_GRAY);
            g.setFont(FONT);
            g.drawString("label colours", x + 4, title + size + legend - 4);
        }
        g.dispose();
        return img;
    }

    /** The rows above, the two scatters side by side below. */
    public static BufferedImage whole(LatentComparison c, int scale, int scatterSize) {
        BufferedImage rows = rows(c, scale);
        BufferedImage a = scatter(c.plain(), scatterSize);
        BufferedImage b = scatter(c.vae(), scatterSize);
        int width = Math.max(rows.getWidth(), a.getWidth() + b.getWidth() + 10);
        BufferedImage img = canvas(width, rows.getHeight() + a.getHeight() + 8);
        Graphics2D g = graphics(img);
        g.drawImage(rows, 0, 0, null);
        g.drawImage(a, 0, rows.getHeight() + 8, null);
        g.drawImage(b, a.getWidth() + 10, rows.getHeight() + 8, null);
        g.dispose();
        return img;
    }

    private static double coord(double[] z, int i) {
        return z.length > i ? z[i] : 0;
    }

    /** {xmin, xmax, ymin, ymax}: the codes' 1st to 99th percentiles and the paths, with a margin. */
    static double[] bounds(EncodedSet set, List<double[][]> paths) {
        double[] b = new double[4];
        for (int d = 0; d < 2; d++) {
            double[] v = new double[set.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = coord(set.codes()[i], d);
            }
            Arrays.sort(v);
            double lo = v.length == 0 ? -1 : v[(int) (0.01 * (v.length - 1))];
            double hi = v.length == 0 ? 1 : v[(int) Math.ceil(0.99 * (v.length - 1))];
            for (double[][] path : paths) {
                for (double[] z : path) {
                    lo = Math.min(lo, coord(z, d));
                    hi = Math.max(hi, coord(z, d));
                }
            }
            double margin = 0.05 * (hi - lo) + 1e-6;
            b[2 * d] = lo - margin;
            b[2 * d + 1] = hi + margin;
        }
        return b;
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }
}
