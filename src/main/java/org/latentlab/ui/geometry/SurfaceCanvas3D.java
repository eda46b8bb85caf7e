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
 * at its 2nd and 98th percentiles), with the optimiser paths lying on it. Drag to turn it.
 */
final class SurfaceCanvas3D extends Pane {

    private static final int MESH = 36;

    private final Canvas canvas = new Canvas();
    private SurfaceGrid grid;
    private List<OptimizerPath> paths = List.of();
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
        double v = grid.surface().value(x, y);
        return Double.isFinite(v) ? grid.shade(v) : 1;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f4f4f4"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (grid == null) {
            return;
        }
        var view = grid.view();
        double[][] h = new double[MESH + 1][MESH + 1];
        for (int i = 0; i <= MESH; i++) {
            for (int j = 0; j <= MESH; j++) {
                double x = view.xMin() + (view.xMax() - view.xMin()) * i / MESH;
                double y = view.yMin() + (view.yMax() - view.yMin()) * j / MESH;
                h[i][j] = height(x, y);
            }
        }
        List<double[]> quads = new ArrayList<>();
        for (int i = 0; i < MESH; i++) {
            for (int j = 0; j < MESH; j++) {
                double u0 = -1 + 2.0 * i / MESH;
                double u1 = -1 + 2.0 * (i + 1) / MESH;
                double v0 = -1 + 2.0 * j / MESH;
                double v1 = -1 + 2.0 * (j + 1) / MESH;
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
        g.setFill(Color.DIMGRAY);
        g.setFont(Font.font(11));
        g.fillText("drag to turn; height: sign(L)·log(1+|L|), clipped", 8, canvas.getHeight() - 8);
    }
}
