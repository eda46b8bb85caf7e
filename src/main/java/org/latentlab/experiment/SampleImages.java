package org.latentlab.experiment;

import org.latentlab.latent.ImagePixels;
import org.latentlab.latent.ImageShape;
import org.latentlab.train.GanView;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** The run folder's sample pictures: a scatter of real and generated points, or a grid of generated images. */
public final class SampleImages {

    private SampleImages() {
    }

    public static void write(GanView view, Path file) {
        BufferedImage img = view instanceof GanView.Points p ? scatter(p, 480) : grid((GanView.Images) view, 2);
        PngFiles.write(img, file);
    }

    /**
     * Generated images side by side in a square-ish grid, scaled by an integer factor, 2-pixel gutters; grey, or
     * colour for three channels ({@link ImagePixels}). A conditional GAN's grid has one row per class, its label
     * written in a margin on the left.
     */
    public static BufferedImage grid(GanView.Images v, int scale) {
        int cols = v.columns();
        int rows = (v.count() + cols - 1) / cols;
        int w = v.width() * scale;
        int h = v.height() * scale;
        int cw = w + 2;
        int ch = h + 2;
        int margin = v.rowLabels().isEmpty() ? 0 : labelMargin(v.rowLabels());
        BufferedImage img = new BufferedImage(margin + cols * cw + 2, rows * ch + 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 40, 48));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(230, 230, 235));
        for (int r = 0; r < v.rowLabels().size(); r++) {
            g.drawString(v.rowLabels().get(r), 6, 2 + r * ch + ch / 2 + g.getFontMetrics().getAscent() / 2 - 1);
        }
        g.dispose();
        ImageShape shape = ImageShape.image(v.channels(), v.height(), v.width());
        for (int k = 0; k < v.count(); k++) {
            int[] px = ImagePixels.scaled(v.pixels(), k * v.imageSize(), shape, scale);
            img.setRGB(margin + 2 + (k % cols) * cw, 2 + (k / cols) * ch, w, h, px, 0, w);
        }
        return img;
    }

    /** Room for the widest row label at the default font (about 7 pixels a character) and a gap. */
    private static int labelMargin(java.util.List<String> labels) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        return 12 + 7 * longest;
    }

    /** The colour of label k of K (hues around the circle), for a conditional GAN's points. */
    public static Color labelColour(int label, int classes) {
        return Color.getHSBColor((float) label / Math.max(1, classes), 0.85f, 0.85f);
    }

    /**
     * Real points grey, generated points orange (a conditional GAN's coloured by label), modes as circles (green
     * when covered).
     */
    public static BufferedImage scatter(GanView.Points v, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        double[] b = v.bounds();
        g.setColor(new Color(120, 120, 120, 150));
        for (int i = 0; i < v.real().length; i += 2) {
            dot(g, px(v.real()[i], b, size), py(v.real()[i + 1], b, size), 3);
        }
        g.setColor(new Color(230, 110, 20, 190));
        int classes = v.labelled() ? java.util.Arrays.stream(v.fakeLabels()).max().orElse(0) + 1 : 0;
        for (int i = 0; i < v.fake().length; i += 2) {
            if (v.labelled()) {
                g.setColor(labelColour(v.fakeLabels()[i / 2], Math.max(classes, v.modes().length / 2)));
            }
            dot(g, px(v.fake()[i], b, size), py(v.fake()[i + 1], b, size), 3);
        }
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < v.modes().length / 2; i++) {
            g.setColor(v.covered()[i] ? new Color(20, 150, 60) : new Color(200, 30, 30));
            int x = px(v.modes()[2 * i], b, size);
            int y = py(v.modes()[2 * i + 1], b, size);
            g.drawOval(x - 7, y - 7, 14, 14);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("iteration " + v.iteration(), 8, 16);
        g.dispose();
        return img;
    }

    private static void dot(Graphics2D g, int x, int y, int d) {
        g.fillOval(x - d / 2, y - d / 2, d, d);
    }

    private static int px(double x, double[] b, int size) {
        return (int) Math.round((x - b[0]) / (b[1] - b[0]) * size);
    }

    private static int py(double y, double[] b, int size) {
        return (int) Math.round((b[3] - y) / (b[3] - b[2]) * size);
    }
}
