package org.latentlab.experiment;

import org.latentlab.train.ReconstructionView;
import org.latentlab.train.ReconstructionView.Images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture of an autoencoder / VAE / RBM written into a run's samples/ folder: one row of held-out inputs, one
 * of their corrupted versions (denoising), one of reconstructions, then the model's samples if it has any. 2-D
 * data is drawn as a scatter of inputs (grey) and reconstructions (orange).
 */
public final class ReconstructionSamples {

    private ReconstructionSamples() {
    }

    public static void write(ReconstructionView view, Path file) {
        BufferedImage img = picture(view, 2);
        PngFiles.write(img, file);
    }

    public static BufferedImage picture(ReconstructionView view, int scale) {
        if (!view.inputs().isImage()) {
            return scatter(view.inputs(), view.reconstructions(), 480);
        }
        List<BufferedImage> rows = new ArrayList<>();
        rows.add(strip(view.inputs(), scale, view.inputs().count()));
        if (view.corrupted() != null) {
            rows.add(strip(view.corrupted(), scale, view.inputs().count()));
        }
        rows.add(strip(view.reconstructions(), scale, view.inputs().count()));
        if (view.samples() != null) {
            rows.add(strip(view.samples(), scale, 8));
        }
        int w = rows.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int h = rows.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 40, 48));
        g.fillRect(0, 0, w, h);
        int y = 0;
        for (BufferedImage r : rows) {
            g.drawImage(r, 0, y, null);
            y += r.getHeight();
        }
        g.dispose();
        return img;
    }

    /** Images in a grid {@code columns} wide, 2-pixel gutters; grey or RGB. */
    public static BufferedImage strip(Images v, int scale, int columns) {
        int c = v.shape()[0];
        int hgt = v.shape()[1];
        int wid = v.shape()[2];
        int cols = Math.min(columns, v.count());
        int rows = (v.count() + cols - 1) / cols;
        int cw = wid * scale + 2;
        int ch = hgt * scale + 2;
        BufferedImage img = new BufferedImage(cols * cw + 2, rows * ch + 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 40, 48));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        int plane = hgt * wid;
        int size = c * plane;
        float[] p = v.values();
        for (int k = 0; k < v.count(); k++) {
            int ox = 2 + (k % cols) * cw;
            int oy = 2 + (k / cols) * ch;
            for (int y = 0; y < hgt * scale; y++) {
                for (int x = 0; x < wid * scale; x++) {
                    int at = k * size + (y / scale) * wid + x / scale;
                    int r = level(p[at]);
                    int gr = c == 3 ? level(p[at + plane]) : r;
                    int b = c == 3 ? level(p[at + 2 * plane]) : r;
                    img.setRGB(ox + x, oy + y, (r << 16) | (gr << 8) | b);
                }
            }
        }
        return img;
    }

    private static int level(float v) {
        return Math.max(0, Math.min(255, Math.round(255 * v)));
    }

    private static BufferedImage scatter(Images inputs, Images recon, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        double lim = 1e-9;
        for (float f : inputs.values()) {
            lim = Math.max(lim, Math.abs(f));
        }
        lim *= 1.15;
        draw(g, inputs, new Color(120, 120, 120), lim, size);
        draw(g, recon, new Color(230, 120, 20), lim, size);
        g.dispose();
        return img;
    }

    private static void draw(Graphics2D g, Images v, Color colour, double lim, int size) {
        g.setColor(colour);
        int d = v.size();
        for (int i = 0; i < v.count(); i++) {
            double x = v.values()[i * d];
            double y = d > 1 ? v.values()[i * d + 1] : 0;
            int px = (int) ((x + lim) / (2 * lim) * size);
            int py = (int) ((lim - y) / (2 * lim) * size);
            g.fillOval(px - 2, py - 2, 4, 4);
        }
    }
}
