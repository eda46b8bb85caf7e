package org.latentlab.ui.geometry;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.latentlab.analysis.hessian.CriticalPoint;
import org.latentlab.analysis.toy.OptimizerPath;

/**
 * What {@link ContourCanvas} draws over its heat map, each in a plot square ({@link PlotFrame}): an optimiser's
 * path, the Hessian's eigenvectors at a probed point, a network's training trajectory with its points labelled, and
 * the colour bar of the loss scale.
 */
final class ContourLayers {

    private ContourLayers() {
    }

    static void track(GraphicsContext g, PlotFrame f, PlanePath track) {
        g.save();
        g.beginPath();
        g.rect(f.left(), f.top(), f.side(), f.side());
        g.clip();
        g.setStroke(Color.WHITE);
        g.setLineWidth(2.5);
        double[] prev = null;
        for (int i = 0; i < track.size(); i++) {
            double[] c = f.toCanvas(track.x()[i], track.y()[i]);
            if (prev != null) {
                g.setStroke(Color.rgb(0, 0, 0, 0.6));
                g.setLineWidth(4);
                g.strokeLine(prev[0], prev[1], c[0], c[1]);
                g.setStroke(Color.web("#ff9f1c"));
                g.setLineWidth(2);
                g.strokeLine(prev[0], prev[1], c[0], c[1]);
            }
            prev = c;
        }
        g.setFont(Font.font(11));
        double[] cx = new double[track.size()];
        double[] cy = new double[track.size()];
        for (int i = 0; i < track.size(); i++) {
            double[] c = f.toCanvas(track.x()[i], track.y()[i]);
            cx[i] = c[0];
            cy[i] = c[1];
        }
        String[] shown = track.visibleLabels(cx, cy, 16);
        for (int i = 0; i < track.size(); i++) {
            boolean last = i == track.size() - 1;
            g.setFill(last ? Color.web("#ff2d55") : Color.web("#ff9f1c"));
            double r = last ? 6 : 4.5;
            g.fillOval(cx[i] - r, cy[i] - r, 2 * r, 2 * r);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1);
            g.strokeOval(cx[i] - r, cy[i] - r, 2 * r, 2 * r);
        }
        for (int i = 0; i < track.size(); i++) {
            String label = shown[i];
            if (label == null) {
                continue;
            }
            double tx = Math.min(cx[i] + 7, f.left() + f.side() - 6.2 * label.length() - 4);
            double ty = Math.max(cy[i] - 6, f.top() + 13);
            g.setFill(Color.rgb(0, 0, 0, 0.55));
            g.fillRect(tx - 2, ty - 11, 6.2 * label.length() + 4, 14);
            g.setFill(Color.WHITE);
            g.fillText(label, tx, ty);
        }
        g.restore();
        int outside = 0;
        for (int i = 0; i < track.size(); i++) {
            if (!f.contains(track.x()[i], track.y()[i])) {
                outside++;
            }
        }
        if (outside > 0) {
            g.setFill(Color.web("#b00020"));
            g.setFont(Font.font(11));
            g.fillText(outside + " of " + track.size() + " trajectory points lie outside the range: widen it",
                    f.left() + 4, f.top() + f.side() - 6);
        }
    }

    static void colourBar(GraphicsContext g, PlotFrame f, SurfaceGrid grid) {
        double x = f.left() + f.side() + 14;
        double top = f.top() + 10;
        double h = f.side() - 20;
        int steps = 100;
        for (int i = 0; i < steps; i++) {
            g.setFill(ContourCanvas.colour(1 - (i + 0.5) / steps));
            g.fillRect(x, top + h * i / steps, 14, h / steps + 1);
        }
        g.setStroke(Color.GRAY);
        g.strokeRect(x, top, 14, h);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(11));
        for (int k = 0; k <= 4; k++) {
            double t = k / 4.0;
            double v = SurfaceGrid.unsquash(grid.low() + (grid.high() - grid.low()) * t);
            double y = top + h * (1 - t);
            g.strokeLine(x + 14, y, x + 18, y);
            g.fillText(ContourCanvas.value(v), x + 20, y + 4);
        }
        g.save();
        g.translate(x + 74, top + h / 2 + 30);
        g.rotate(-90);
        g.fillText("loss (log scale)", 0, 0);
        g.restore();
    }

    static void path(GraphicsContext g, PlotFrame f, OptimizerPath p, Color colour) {
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineWidth(2);
        double[] prev = null;
        for (double[] pt : p.points()) {
            if (!Double.isFinite(pt[0]) || !Double.isFinite(pt[1])) {
                break;
            }
            double[] c = f.toCanvas(pt[0], pt[1]);
            if (prev != null) {
                g.strokeLine(prev[0], prev[1], c[0], c[1]);
            }
            g.fillOval(c[0] - 2, c[1] - 2, 4, 4);
            prev = c;
        }
        double[] s = f.toCanvas(p.points().get(0)[0], p.points().get(0)[1]);
        g.setStroke(Color.BLACK);
        g.setLineWidth(1);
        g.fillOval(s[0] - 5, s[1] - 5, 10, 10);
        g.strokeOval(s[0] - 5, s[1] - 5, 10, 10);
    }

    static void probe(GraphicsContext g, PlotFrame f, CriticalPoint c) {
        double[] at = c.point();
        double[] p = f.toCanvas(at[0], at[1]);
        double maxAbs = 0;
        for (double l : c.eigenvalues()) {
            maxAbs = Math.max(maxAbs, Math.abs(l));
        }
        double reach = 0.12 * f.side();
        for (int i = 0; i < c.eigenvalues().length; i++) {
            double l = c.eigenvalues()[i];
            double[] v = c.eigenvectors()[i];
            double len = maxAbs > 0 ? reach * Math.max(0.15, Math.abs(l) / maxAbs) : reach * 0.15;
            boolean zero = Math.abs(l) <= CriticalPoint.EIGENVALUE_TOLERANCE * Math.max(1, maxAbs);
            g.setStroke(zero ? Color.LIGHTGRAY : l > 0 ? Color.web("#2ecc40") : Color.web("#ff4136"));
            g.setLineWidth(3);
            double ux = v[0];
            double uy = -v[1];
            double norm = Math.hypot(ux, uy);
            ux /= norm;
            uy /= norm;
            arrow(g, p[0], p[1], p[0] + ux * len, p[1] + uy * len, 7);
            arrow(g, p[0], p[1], p[0] - ux * len, p[1] - uy * len, 7);
        }
        g.setFill(Color.WHITE);
        g.fillOval(p[0] - 4, p[1] - 4, 8, 8);
        g.setStroke(Color.BLACK);
        g.setLineWidth(1);
        g.strokeOval(p[0] - 4, p[1] - 4, 8, 8);
    }

    static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2, double head) {
        g.strokeLine(x1, y1, x2, y2);
        double a = Math.atan2(y2 - y1, x2 - x1);
        g.strokeLine(x2, y2, x2 - head * Math.cos(a - 0.45), y2 - head * Math.sin(a - 0.45));
        g.strokeLine(x2, y2, x2 - head * Math.cos(a + 0.45), y2 - head * Math.sin(a + 0.45));
    }
}
