package org.latentlab.experiment.manifold;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A reconstruction field drawn as arrows from each grid point towards its reconstruction, over a sample of the data
 * (grey dots), with a title and a caption saying how long the arrows are drawn. Drawn with Java2D without a screen, so
 * the command line and the window share one picture.
 */
public final class FieldPicture {

    static final Color ARROW = new Color(78, 121, 167);
    static final Color DATA = new Color(185, 185, 185);
    private static final int MARGIN = 12;
    private static final int TITLE = 22;
    private static final int CAPTION = 20;

    private FieldPicture() {
    }

    /** The longest arrow drawn: one grid spacing (longer arrows keep their direction and are cut to it). */
    public static double cap(ReconstructionField f) {
        return (f.bounds()[1] - f.bounds()[0]) / (f.size() - 1);
    }

    /**
     * The picture, {@code width × height} pixels.
     *
     * @param data  points of the data, {x0, y0, x1, y1, ...} (may be empty)
     * @param title the line above the plot
     */
    public static BufferedImage draw(ReconstructionField f, float[] data, String title, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int side = Math.max(10, Math.min(width - 2 * MARGIN, height - TITLE - CAPTION - 2 * MARGIN));
            int left = (width - side) / 2;
            int top = TITLE + MARGIN;
            double[] b = f.bounds();
            double sx = side / (b[1] - b[0]);
            double sy = side / (b[3] - b[2]);
            g.setColor(new Color(235, 235, 235));
            g.drawRect(left, top, side, side);
            g.setColor(DATA);
            for (int i = 0; i + 1 < data.length; i += 2) {
                double px = left + (data[i] - b[0]) * sx;
                double py = top + side - (data[i + 1] - b[2]) * sy;
                if (px >= left && px <= left + side && py >= top && py <= top + side) {
                    g.fillOval((int) Math.round(px) - 1, (int) Math.round(py) - 1, 3, 3);
                }
            }
            double cap = cap(f);
            g.setColor(ARROW);
            g.setStroke(new BasicStroke(1.2f));
            for (int i = 0; i < f.points(); i++) {
                double x0 = left + (f.x()[i] - b[0]) * sx;
                double y0 = top + side - (f.y()[i] - b[2]) * sy;
                double len = Math.hypot(f.dx()[i], f.dy()[i]);
                double k = len > cap ? cap / len : 1;
                double x1 = x0 + k * f.dx()[i] * sx;
                double y1 = y0 - k * f.dy()[i] * sy;
                arrow(g, x0, y0, x1, y1);
            }
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font("SansSerif", Font.BOLD, 13));
            g.drawString(title, MARGIN, TITLE - 4);
            g.setFont(new Font("SansSerif", Font.PLAIN, 11));
            g.drawString(String.format(Locale.ROOT, "arrows r(x) - x, %dx%d grid; true length, longer ones cut"
                    + " to one grid step (%.2f)", f.size(), f.size(), cap), MARGIN, top + side + CAPTION - 4);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void arrow(Graphics2D g, double x0, double y0, double x1, double y1) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 0.5) {
            g.fillOval((int) Math.round(x0) - 1, (int) Math.round(y0) - 1, 2, 2);
            return;
        }
        g.draw(new Line2D.Double(x0, y0, x1, y1));
        double head = Math.min(5, 0.4 * len);
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(x1, y1);
        tip.lineTo(x1 - head * ux + 0.5 * head * uy, y1 - head * uy - 0.5 * head * ux);
        tip.lineTo(x1 - head * ux - 0.5 * head * uy, y1 - head * uy + 0.5 * head * ux);
        tip.closePath();
        g.fill(tip);
    }
}
