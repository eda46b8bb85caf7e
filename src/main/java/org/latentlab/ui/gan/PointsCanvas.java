package org.latentlab.ui.gan;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.latentlab.train.GanView;

/**
 * The GAN-Lab-like 2-D view: D's output as a heat map, real points (green) and generated points (purple), G's
 * image of a regular grid of codes (the manifold warp), arrows of −dL_G/dx on generated points, and the mixture's
 * modes as 3σ circles, filled green when covered and red when missed. Only draws; it never touches a network.
 */
public final class PointsCanvas extends SquareCanvasPane {

    private GanView.Points view;
    private boolean showHeat = true;
    private boolean showWarp = true;
    private boolean showArrows = false;
    private boolean showModes = true;

    public void setView(GanView.Points v) {
        this.view = v;
        redraw();
    }

    public GanView.Points getView() {
        return view;
    }

    public void setLayers(boolean heat, boolean warp, boolean arrows, boolean modes) {
        showHeat = heat;
        showWarp = warp;
        showArrows = arrows;
        showModes = modes;
        redraw();
    }

    @Override
    protected void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double size = canvas.getWidth();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, size, size);
        if (view == null || size <= 0) {
            g.setFill(Color.GRAY);
            g.fillText("waiting for the first snapshot…", 12, 20);
            return;
        }
        double[] b = view.bounds();
        if (showHeat) {
            g.setImageSmoothing(true);
            g.drawImage(heatImage(view), 0, 0, size, size);
        }
        drawAxes(g, b, size);
        if (showWarp && view.warp() != null) {
            drawWarp(g, b, size);
        }
        g.setFill(Color.rgb(20, 140, 70, 0.55));
        float[] real = view.real();
        for (int i = 0; i < real.length; i += 2) {
            dot(g, px(real[i], b, size), py(real[i + 1], b, size), 3.2);
        }
        g.setFill(Color.rgb(110, 40, 170, 0.75));
        float[] fake = view.fake();
        int[] labels = view.fakeLabels();
        int classes = Math.max(java.util.Arrays.stream(labels).max().orElse(0) + 1, view.modes().length / 2);
        for (int i = 0; i < fake.length; i += 2) {
            if (labels.length > 0) {
                // a conditional GAN's samples coloured by the label G was given (hues around the circle)
                g.setFill(Color.hsb(360.0 * labels[i / 2] / classes, 0.85, 0.85, 0.85));
            }
            dot(g, px(fake[i], b, size), py(fake[i + 1], b, size), 3.2);
        }
        if (showArrows && view.arrows() != null) {
            drawArrows(g, b, size);
        }
        if (showModes) {
            drawModes(g, b, size);
        }
    }

    private static WritableImage heatImage(GanView.Points v) {
        return heatImage(v.heat(), v.heatRes(), v.heatIsProbability());
    }

    /** A res × res image of values (row 0 at the top): probabilities as they are, other scores scaled to [0, 1]. */
    static WritableImage heatImage(float[] h, int res, boolean probability) {
        WritableImage img = new WritableImage(res, res);
        PixelWriter w = img.getPixelWriter();
        float lo = 0;
        float hi = 1;
        if (!probability) {
            lo = Float.MAX_VALUE;
            hi = -Float.MAX_VALUE;
            for (float x : h) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            if (hi - lo < 1e-9) {
                hi = lo + 1;
            }
        }
        for (int r = 0; r < res; r++) {
            for (int c = 0; c < res; c++) {
                double t = (h[r * res + c] - lo) / (hi - lo);
                w.setColor(c, r, heatColor(Math.max(0, Math.min(1, t))));
            }
        }
        return img;
    }

    /** Purple (D says fake) through white to green (D says real), as GAN Lab colours it. */
    static Color heatColor(double t) {
        Color fake = Color.rgb(196, 170, 228);
        Color real = Color.rgb(165, 220, 185);
        return t < 0.5 ? fake.interpolate(Color.WHITE, t * 2) : Color.WHITE.interpolate(real, (t - 0.5) * 2);
    }

    private static void drawAxes(GraphicsContext g, double[] b, double size) {
        g.setStroke(Color.rgb(0, 0, 0, 0.15));
        g.setLineWidth(1);
        if (b[0] < 0 && b[1] > 0) {
            double x = px(0, b, size);
            g.strokeLine(x, 0, x, size);
        }
        if (b[2] < 0 && b[3] > 0) {
            double y = py(0, b, size);
            g.strokeLine(0, y, size, y);
        }
    }

    private void drawWarp(GraphicsContext g, double[] b, double size) {
        int res = view.warpRes();
        float[] w = view.warp();
        g.setStroke(Color.rgb(90, 90, 110, 0.35));
        g.setLineWidth(0.8);
        for (int r = 0; r < res; r++) {
            for (int c = 0; c < res; c++) {
                int i = r * res + c;
                if (c + 1 < res) {
                    line(g, w, i, i + 1, b, size);
                }
                if (r + 1 < res) {
                    line(g, w, i, i + res, b, size);
                }
            }
        }
    }

    private static void line(GraphicsContext g, float[] w, int i, int j, double[] b, double size) {
        g.strokeLine(px(w[2 * i], b, size), py(w[2 * i + 1], b, size), px(w[2 * j], b, size),
                py(w[2 * j + 1], b, size));
    }

    private void drawArrows(GraphicsContext g, double[] b, double size) {
        float[] a = view.arrows();
        float[] f = view.fake();
        double max = 1e-12;
        for (int i = 0; i < a.length; i += 2) {
            max = Math.max(max, Math.hypot(a[i], a[i + 1]));
        }
        double scale = 0.06 * size / max;
        g.setStroke(Color.rgb(60, 20, 110, 0.8));
        g.setLineWidth(1);
        for (int i = 0; i < a.length; i += 2) {
            double x = px(f[i], b, size);
            double y = py(f[i + 1], b, size);
            double dx = a[i] * scale;
            double dy = -a[i + 1] * scale;
            g.strokeLine(x, y, x + dx, y + dy);
        }
    }

    private void drawModes(GraphicsContext g, double[] b, double size) {
        float[] m = view.modes();
        double r = Math.max(7, 3 * view.sigma() / (b[1] - b[0]) * size);
        g.setLineWidth(2);
        for (int i = 0; i < m.length / 2; i++) {
            boolean covered = view.covered()[i];
            g.setStroke(covered ? Color.rgb(10, 130, 50) : Color.rgb(210, 30, 30));
            double x = px(m[2 * i], b, size);
            double y = py(m[2 * i + 1], b, size);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    private static void dot(GraphicsContext g, double x, double y, double d) {
        g.fillOval(x - d / 2, y - d / 2, d, d);
    }

    static double px(double x, double[] b, double size) {
        return (x - b[0]) / (b[1] - b[0]) * size;
    }

    static double py(double y, double[] b, double size) {
        return (b[3] - y) / (b[3] - b[2]) * size;
    }
}
