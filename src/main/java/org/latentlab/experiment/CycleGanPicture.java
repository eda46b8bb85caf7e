package org.latentlab.experiment;

import org.latentlab.train.ReconstructionView;
import org.latentlab.train.ReconstructionView.Translation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures of a CycleGAN: for 2-D points two panels, "G: A → B" (the points of both domains, an arrow from each of
 * some held-out a to its image G(a), and a thin line on to the cycle F(G(a))) and "F: B → A" the same way round; for
 * images the rows a, G(a), F(G(a)), then b, F(b), G(F(b)).
 */
public final class CycleGanPicture {

    /** Points of each domain drawn with an arrow (the rest are drawn as dots). */
    public static final int ARROWS = 60;
    private static final Color DOMAIN_A = new Color(240, 170, 90);
    private static final Color DOMAIN_B = new Color(120, 170, 230);
    private static final Color ARROW = new Color(60, 60, 70);
    private static final Color IMAGE = new Color(200, 30, 40);
    private static final Color CYCLE = new Color(30, 140, 60);

    private CycleGanPicture() {
    }

    /** Both panels side by side, each {@code size} pixels square. */
    public static BufferedImage arrows(Translation t, int size) {
        BufferedImage img = new BufferedImage(2 * size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2 * size, size);
        double[] box = bounds(t.a(), t.b());
        panel(g, 0, size, box, t.a(), DOMAIN_A, t.b(), DOMAIN_B, t.gA(), t.fgA(),
                "G: A → B", "a (A)", "b (B)", "G(a)", "F(G(a))");
        panel(g, size, size, box, t.b(), DOMAIN_B, t.a(), DOMAIN_A, t.fB(), t.gfB(),
                "F: B → A", "b (B)", "a (A)", "F(b)", "G(F(b))");
        g.setColor(new Color(200, 200, 200));
        g.drawLine(size, 0, size, size);
        g.dispose();
        return img;
    }

    /** {xmin, xmax, ymin, ymax} around both domains' points, with a margin. */
    static double[] bounds(float[] a, float[] b) {
        double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (float[] p : new float[][] {a, b}) {
            for (int i = 0; i + 1 < p.length; i += 2) {
                box[0] = Math.min(box[0], p[i]);
                box[1] = Math.max(box[1], p[i]);
                box[2] = Math.min(box[2], p[i + 1]);
                box[3] = Math.max(box[3], p[i + 1]);
            }
        }
        double span = Math.max(box[1] - box[0], box[3] - box[2]) * 0.55 + 1e-6;
        double cx = (box[0] + box[1]) / 2;
        double cy = (box[2] + box[3]) / 2;
        return new double[] {cx - span, cx + span, cy - span, cy + span};
    }

    private static void panel(Graphics2D g, int left, int size, double[] box, float[] from, Color fromColour,
                              float[] other, Color otherColour, float[] image, float[] cycle, String title,
                              String fromName, String otherName, String imageName, String cycleName) {
        int fontSize = Math.max(11, size / 34);
        int top = 4 * fontSize + 10;
        int inner = size - top - 10;
        Mapper m = new Mapper(left + 10, top, inner - 10, box);
        dots(g, m, other, otherColour, 4);
        dots(g, m, from, fromColour, 4);
        int n = Math.min(ARROWS, from.length / 2);
        for (int i = 0; i < n; i++) {
            double x0 = m.x(from[2 * i]);
            double y0 = m.y(from[2 * i + 1]);
            double x1 = m.x(image[2 * i]);
            double y1 = m.y(image[2 * i + 1]);
            double x2 = m.x(cycle[2 * i]);
            double y2 = m.y(cycle[2 * i + 1]);
            g.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {3f, 3f},
                    0f));
            g.setColor(CYCLE);
            g.drawLine((int) x1, (int) y1, (int) x2, (int) y2);
            g.setStroke(new BasicStroke(1.1f));
            g.setColor(ARROW);
            arrow(g, x0, y0, x1, y1);
        }
        for (int i = 0; i < n; i++) {
            g.setColor(IMAGE);
            g.fillOval((int) m.x(image[2 * i]) - 3, (int) m.y(image[2 * i + 1]) - 3, 6, 6);
            g.setColor(CYCLE);
            g.drawRect((int) m.x(cycle[2 * i]) - 2, (int) m.y(cycle[2 * i + 1]) - 2, 4, 4);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize + 2));
        g.setColor(Color.BLACK);
        g.drawString(title, left + 10, fontSize + 4);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
        List<Object[]> legend = new ArrayList<>();
        legend.add(new Object[] {fromColour, fromName});
        legend.add(new Object[] {otherColour, otherName});
        legend.add(new Object[] {IMAGE, imageName + " (arrow from its point)"});
        // the legend may take two lines in a narrow panel: the points start below it
        legend.add(new Object[] {CYCLE, cycleName});
        int x = left + 10;
        int y = 2 * fontSize + 8;
        for (Object[] item : legend) {
            String label = (String) item[1];
            int w = 18 + g.getFontMetrics().stringWidth(label);
            if (x + w > left + size - 4) {
                x = left + 10;
                y += fontSize + 4;
            }
            g.setColor((Color) item[0]);
            g.fillOval(x, y - fontSize + 2, fontSize - 2, fontSize - 2);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label, x + fontSize, y);
            x += w;
        }
    }

    private static void dots(Graphics2D g, Mapper m, float[] p, Color colour, int d) {
        g.setColor(colour);
        for (int i = 0; i + 1 < p.length; i += 2) {
            g.fillOval((int) m.x(p[i]) - d / 2, (int) m.y(p[i + 1]) - d / 2, d, d);
        }
    }

    private static void arrow(Graphics2D g, double x0, double y0, double x1, double y1) {
        g.drawLine((int) x0, (int) y0, (int) x1, (int) y1);
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 6) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = 6;
        int[] xs = {(int) x1, (int) (x1 - head * ux + head * 0.45 * uy), (int) (x1 - head * ux - head * 0.45 * uy)};
        int[] ys = {(int) y1, (int) (y1 - head * uy - head * 0.45 * ux), (int) (y1 - head * uy + head * 0.45 * ux)};
        g.fillPolygon(xs, ys, 3);
    }

    /** Data coordinates to pixels of a square panel. */
    private record Mapper(int left, int top, int size, double[] box) {
        double x(double v) {
            return left + (v - box[0]) / (box[1] - box[0]) * size;
        }

        double y(double v) {
            return top + (box[3] - v) / (box[3] - box[2]) * size;
        }
    }

    /** The PNG of a view: the arrows for points, the rows of images otherwise. */
    static BufferedImage picture(ReconstructionView view) {
        if (view.translation() != null) {
            return arrows(view.translation(), 480);
        }
        return ReconstructionSamples.picture(view, 2);
    }
}
