package org.latentlab.ui.geometry;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.latentlab.analysis.toy.OptimizerPath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The same surface in 3-D: a shaded mesh, height on the contour view's colour scale (sign(L)·log(1 + |L|), clipped
 * at its 2nd and 98th percentiles), with the optimiser paths lying on it. Drag to turn it. A network's scan is
 * drawn cell for cell (cells not computed yet are left out) with its training trajectory on the surface.
 */
final class SurfaceCanvas3D extends Pane {

    private static final int MESH = 36;

    private final Canvas canvas = new Canvas();
    private SurfaceGrid grid;
    private List<OptimizerPath> paths = List.of();
    private PlanePath track;
    private double azimuth = Math.toRadians(-35);
    private double elevation = Math.toRadians(32);
    private double dragX;
    private double dragY;

    SurfaceCanvas3D() {
        getChildren().add(canvas);
        setMinSize(200, 200);
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.setOnMouseDragged(e -> {
            azimuth += (e.getX() - dragX) * 0.01;
            elevation = Math.max(0.05, Math.min(1.5, elevation + (e.getY() - dragY) * 0.01));
            dragX = e.getX();
            dragY = e.getY();
            redraw();
        });
    }

    void setGrid(SurfaceGrid g) {
        this.grid = g;
        redraw();
    }

    void setTrack(PlanePath p) {
        this.track = p;
        redraw();
    }

    void setPaths(List<OptimizerPath> p) {
        this.paths = List.copyOf(p);
        redraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** Projects (u, v, h) in [−1, 1]² × [0, 1] to canvas coordinates and depth. */
    private double[] project(double u, double v, double h) {
        double z = (h - 0.5) * 1.1;
        double x1 = u * Math.cos(azimuth) - v * Math.sin(azimuth);
        double y1 = u * Math.sin(azimuth) + v * Math.cos(azimuth);
        double sy = z * Math.cos(elevation) - y1 * Math.sin(elevation);
        double depth = y1 * Math.cos(elevation) + z * Math.sin(elevation);
        double scale = 0.30 * Math.min(canvas.getWidth(), canvas.getHeight());
        return new double[] {canvas.getWidth() / 2 + x1 * scale, canvas.getHeight() / 2 - sy * scale, depth};
    }

    private double height(double x, double y) {
        double v = grid.valueAt(x, y);
        return Double.isFinite(v) ? grid.shade(v) : grid.analytic() ? 1 : Double.NaN;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f4f4f4"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (grid == null) {
            return;
        }
        var view = grid.view();
        int mesh = grid.analytic() ? MESH : grid.n() - 1;
        double[][] h = new double[mesh + 1][mesh + 1];
        for (int i = 0; i <= mesh; i++) {
            for (int j = 0; j <= mesh; j++) {
                double x = view.xMin() + (view.xMax() - view.xMin()) * i / mesh;
                double y = view.yMin() + (view.yMax() - view.yMin()) * j / mesh;
                h[i][j] = grid.analytic() ? height(x, y) : cellHeight(j, i);
            }
        }
        List<double[]> quads = new ArrayList<>();
        for (int i = 0; i < mesh; i++) {
            for (int j = 0; j < mesh; j++) {
                if (Double.isNaN(h[i][j] + h[i + 1][j] + h[i + 1][j + 1] + h[i][j + 1])) {
                    continue;
                }
                double u0 = -1 + 2.0 * i / mesh;
                double u1 = -1 + 2.0 * (i + 1) / mesh;
                double v0 = -1 + 2.0 * j / mesh;
                double v1 = -1 + 2.0 * (j + 1) / mesh;
                double[] a = project(u0, v0, h[i][j]);
                double[] b = project(u1, v0, h[i + 1][j]);
                double[] c = project(u1, v1, h[i + 1][j + 1]);
                double[] d = project(u0, v1, h[i][j + 1]);
                double mean = (h[i][j] + h[i + 1][j] + h[i + 1][j + 1] + h[i][j + 1]) / 4;
                quads.add(new double[] {a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1],
                        (a[2] + b[2] + c[2] + d[2]) / 4, mean});
            }
        }
        quads.sort(Comparator.comparingDouble(q -> -q[8]));
        g.setLineWidth(0.5);
        for (double[] q : quads) {
            g.setFill(ContourCanvas.colour(q[9]));
            g.fillPolygon(new double[] {q[0], q[2], q[4], q[6]}, new double[] {q[1], q[3], q[5], q[7]}, 4);
            g.setStroke(Color.rgb(0, 0, 0, 0.25));
            g.strokePolygon(new double[] {q[0], q[2], q[4], q[6]}, new double[] {q[1], q[3], q[5], q[7]}, 4);
        }
        for (int k = 0; k < paths.size(); k++) {
            OptimizerPath p = paths.get(k);
            g.setStroke(ContourCanvas.PATH_COLOURS[k % ContourCanvas.PATH_COLOURS.length]);
            g.setLineWidth(2.5);
            double[] prev = null;
            for (double[] pt : p.points()) {
                if (!Double.isFinite(pt[0]) || !Double.isFinite(pt[1]) || pt[0] < view.xMin() || pt[0] > view.xMax()
                        || pt[1] < view.yMin() || pt[1] > view.yMax()) {
                    prev = null;
                    continue;
                }
                double u = -1 + 2 * (pt[0] - view.xMin()) / (view.xMax() - view.xMin());
                double v = -1 + 2 * (pt[1] - view.yMin()) / (view.yMax() - view.yMin());
                double[] c = project(u, v, height(pt[0], pt[1]) + 0.01);
                if (prev != null) {
                    g.strokeLine(prev[0], prev[1], c[0], c[1]);
                }
                prev = c;
            }
        }
        if (track != null) {
            drawTrack(g, view);
        }
        g.setFill(Color.DIMGRAY);
        g.setFont(Font.font(11));
        g.fillText(grid.analytic() ? "drag to turn; height: sign(L)·log(1+|L|), clipped"
                : "drag to turn; height: log(1 + loss), clipped; grey cells not computed yet are left out", 8,
                canvas.getHeight() - 8);
    }

    /** The scan's value at row r, column c on the height scale; NaN while pending. */
    private double cellHeight(int row, int column) {
        double v = grid.values()[row * grid.n() + column];
        return Double.isNaN(v) ? Double.NaN : Double.isFinite(v) ? grid.shade(v) : 1;
    }

    private void drawTrack(GraphicsContext g, org.latentlab.analysis.toy.ViewRange view) {
        int n = track.size();
        double[] cx = new double[n];
        double[] cy = new double[n];
        boolean[] on = new boolean[n];
        for (int i = 0; i < n; i++) {
            double x = track.x()[i];
            double y = track.y()[i];
            double hgt = height(x, y);
            if (Double.isNaN(hgt)) {
                continue;
            }
            double u = -1 + 2 * (x - view.xMin()) / (view.xMax() - view.xMin());
            double v = -1 + 2 * (y - view.yMin()) / (view.yMax() - view.yMin());
            double[] c = project(u, v, hgt + 0.02);
            cx[i] = c[0];
            cy[i] = c[1];
            on[i] = true;
        }
        g.setStroke(Color.web("#ff9f1c"));
        g.setLineWidth(2.5);
        for (int i = 1; i < n; i++) {
            if (on[i] && on[i - 1]) {
                g.strokeLine(cx[i - 1], cy[i - 1], cx[i], cy[i]);
            }
        }
        String[] shown = track.visibleLabels(cx, cy, 16);
        g.setFont(Font.font(11));
        for (int i = 0; i < n; i++) {
            if (!on[i]) {
                continue;
            }
            boolean last = i == n - 1;
            g.setFill(last ? Color.web("#ff2d55") : Color.web("#ff9f1c"));
            g.fillOval(cx[i] - 4, cy[i] - 4, 8, 8);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1);
            g.strokeOval(cx[i] - 4, cy[i] - 4, 8, 8);
            if (shown[i] != null) {
                g.setFill(Color.BLACK);
                g.fillText(shown[i], cx[i] + 6, cy[i] - 5);
            }
        }
    }
}
