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
     * Generated images side by side, 8 to a row, scaled by an integer factor, 2-pixel gutters; grey, or colour for
     * three channels ({@link ImagePixels}).
     */
    public static BufferedImage grid(GanView.Images v, int scale) {
        int cols = (int) Math.ceil(Math.sqrt(v.count()));
        int rows = (v.count() + cols - 1) / cols;
        int w = v.width() * scale;
        int h = v.height() * scale;
        int cw = w + 2;
        int ch = h + 2;
        BufferedImage img = new BufferedImage(cols * cw + 2, rows * ch + 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 40, 48));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        ImageShape shape = ImageShape.image(v.channels(), v.height(), v.width());
        for (int k = 0; k < v.count(); k++) {
            int[] px = ImagePixels.scaled(v.pixels(), k * v.imageSize(), shape, scale);
            img.setRGB(2 + (k % cols) * cw, 2 + (k / cols) * ch, w, h, px, 0, w);
        }
        return img;
    }

    /** Real points grey, generated points orange, modes as circles (green when covered). */
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
        for (int i = 0; i < v.fake().length; i += 2) {
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
