package org.latentlab.ui.geometry;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.latentlab.analysis.hessian.CriticalPoint;
import org.latentlab.analysis.toy.OptimizerPath;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A surface as a heat map with contour lines and the descent field −∇L, the optimiser paths drawn over it, and at
 * the probed point the Hessian's eigenvectors (green: positive curvature, red: negative, grey: zero) with their
 * lengths proportional to |λ|. A click reports the parameter coordinates under the pointer. For a network's
 * loss-surface scan the same canvas shows a grid without a field, cells not computed yet in grey, a colour bar
 * and the training trajectory ({@link PlanePath}) with its points labelled.
 */
final class ContourCanvas extends Pane {

    static final Color[] PATH_COLOURS = {Color.web("#ffd400"), Color.web("#00e5ff"), Color.web("#ff4fd8"),
            Color.web("#ffffff")};

    private final Canvas canvas = new Canvas();
    private SurfaceGrid grid;
    private WritableImage heat;
    private List<OptimizerPath> paths = List.of();
    private CriticalPoint probe;
    private boolean showField = true;
    private boolean colourBar;
    private String xName = "x";
    private String yName = "y";
    private String placeholder = "";
    private PlanePath track;
    private BiConsumer<Double, Double> onClick = (x, y) -> { };

    ContourCanvas() {
        getChildren().add(canvas);
        setMinSize(240, 240);
        canvas.setOnMouseClicked(e -> {
            if (grid == null) {
                return;
            }
            double[] p = toParameters(e.getX(), e.getY());
            if (p != null) {
                onClick.accept(p[0], p[1]);
            }
        });
    }

    void setOnPick(BiConsumer<Double, Double> handler) {
        this.onClick = handler;
    }

    void setGrid(SurfaceGrid g) {
        this.grid = g;
        this.heat = g == null ? null : heatImage(g);
        redraw();
    }

    void setPaths(List<OptimizerPath> p) {
        this.paths = List.copyOf(p);
        redraw();
    }

    void setProbe(CriticalPoint c) {
        this.probe = c;
        redraw();
    }

    /** The names written under and beside the axes (default x and y). */
    void setAxisNames(String x, String y) {
        this.xName = x;
        this.yName = y;
        redraw();
    }

    /** What the empty canvas says before there is a surface. */
    void setPlaceholder(String text) {
        this.placeholder = text;
        redraw();
    }

    /** A colour bar with the loss values of the scale beside the plot. */
    void setColourBar(boolean on) {
        this.colourBar = on;
        redraw();
    }

    /** A labelled trajectory drawn over the surface, or null for none. */
    void setTrack(PlanePath p) {
        this.track = p;
        redraw();
    }

    boolean hasTrack() {
        return track != null && track.size() > 0;
    }

    SurfaceGrid grid() {
        return grid;
    }

    void setShowField(boolean on) {
        this.showField = on;
        redraw();
    }

    Canvas canvas() {
        return canvas;
    }

    /** The canvas position of parameter point (x, y). */
    double[] toCanvas(double x, double y) {
        double[] box = box();
        return new double[] {box[0] + (x - grid.view().xMin()) / (grid.view().xMax() - grid.view().xMin()) * box[2],
                box[1] + box[2] - (y - grid.view().yMin()) / (grid.view().yMax() - grid.view().yMin()) * box[2]};
    }

    private double[] toParameters(double cx, double cy) {
        double[] box = box();
        double u = (cx - box[0]) / box[2];
        double v = 1 - (cy - box[1]) / box[2];
        if (u < 0 || u > 1 || v < 0 || v > 1) {
            return null;
        }
        return new double[] {grid.view().xMin() + u * (grid.view().xMax() - grid.view().xMin()),
                grid.view().yMin() + v * (grid.view().yMax() - grid.view().yMin())};
    }

    /** The square plot area: left, top, side. */
    private double[] box() {
        double side = Math.max(10, Math.min(canvas.getWidth() - (colourBar ? 130 : 50), canvas.getHeight() - 40));
        return new double[] {40, 10, side};
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private static WritableImage heatImage(SurfaceGrid g) {
        int n = g.n();
        WritableImage img = new WritableImage(n, n);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = g.values()[r * n + c];
                pw.setColor(c, n - 1 - r, Double.isFinite(v) ? colour(g.shade(v))
                        : Double.isNaN(v) && !g.analytic() ? PENDING : Color.BLACK);
            }
        }
        return img;
    }

    /** Cells of a scan not computed yet. */
    static final Color PENDING = Color.web("#d9d9d9");

    /** Low values dark blue, high values light yellow (a perceptually ordered ramp). */
    static Color colour(double t) {
        return Color.hsb(240 - 190 * t, 0.75 - 0.35 * t, 0.30 + 0.65 * t);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f4f4f4"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (grid == null) {
            g.setFill(Color.DIMGRAY);
            g.setFont(Font.font(13));
            g.fillText(placeholder, 40, 30);
            return;
        }
        double[] box = box();
        g.setImageSmoothing(true);
        g.drawImage(heat, box[0], box[1], box[2], box[2]);
        g.setStroke(Color.rgb(255, 255, 255, 0.55));
        g.setLineWidth(1);
        for (double level : grid.levels()) {
            for (double[] s : grid.contour(level)) {
                double[] a = toCanvas(s[0], s[1]);
                double[] b = toCanvas(s[2], s[3]);
                g.strokeLine(a[0], a[1], b[0], b[1]);
            }
        }
        if (showField) {
            drawField(g, box);
        }
        drawAxes(g, box);
        g.save();
        g.beginPath();
        g.rect(box[0], box[1], box[2], box[2]); // a path that leaves the view (a saddle's escape) stops at its edge
        g.clip();
        for (int i = 0; i < paths.size(); i++) {
            drawPath(g, paths.get(i), PATH_COLOURS[i % PATH_COLOURS.length]);
        }
        g.restore();
        if (probe != null) {
            drawProbe(g, probe);
        }
        if (hasTrack()) {
            drawTrack(g, box);
        }
        if (colourBar) {
            drawColourBar(g, box);
        }
    }

    private void drawTrack(GraphicsContext g, double[] box) {
        g.save();
        g.beginPath();
        g.rect(box[0], box[1], box[2], box[2]);
        g.clip();
        g.setStroke(Color.WHITE);
        g.setLineWidth(2.5);
        double[] prev = null;
        for (int i = 0; i < track.size(); i++) {
            double[] c = toCanvas(track.x()[i], track.y()[i]);
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
            double[] c = toCanvas(track.x()[i], track.y()[i]);
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
            double tx = Math.min(cx[i] + 7, box[0] + box[2] - 6.2 * label.length() - 4);
            double ty = Math.max(cy[i] - 6, box[1] + 13);
            g.setFill(Color.rgb(0, 0, 0, 0.55));
            g.fillRect(tx - 2, ty - 11, 6.2 * label.length() + 4, 14);
            g.setFill(Color.WHITE);
            g.fillText(label, tx, ty);
        }
        g.restore();
        int outside = 0;
        for (int i = 0; i < track.size(); i++) {
            if (track.x()[i] < grid.view().xMin() || track.x()[i] > grid.view().xMax()
                    || track.y()[i] < grid.view().yMin() || track.y()[i] > grid.view().yMax()) {
                outside++;
            }
        }
        if (outside > 0) {
            g.setFill(Color.web("#b00020"));
            g.setFont(Font.font(11));
            g.fillText(outside + " of " + track.size() + " trajectory points lie outside the range: widen it",
                    box[0] + 4, box[1] + box[2] - 6);
        }
    }

    private void drawColourBar(GraphicsContext g, double[] box) {
        double x = box[0] + box[2] + 14;
        double top = box[1] + 10;
        double h = box[2] - 20;
        int steps = 100;
        for (int i = 0; i < steps; i++) {
            g.setFill(colour(1 - (i + 0.5) / steps));
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
            g.fillText(value(v), x + 20, y + 4);
        }
        g.save();
        g.translate(x + 74, top + h / 2 + 30);
        g.rotate(-90);
        g.fillText("loss (log scale)", 0, 0);
        g.restore();
    }

    private void drawField(GraphicsContext g, double[] box) {
        int m = grid.arrowsPerSide();
        double max = 0;
        for (int k = 0; k < m * m; k++) {
            double dx = grid.descent()[2 * k];
            double dy = grid.descent()[2 * k + 1];
            max = Math.max(max, Math.hypot(dx, dy));
        }
        double cell = box[2] / m;
        g.setStroke(Color.rgb(0, 0, 0, 0.45));
        g.setLineWidth(1);
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                double dx = grid.descent()[2 * (r * m + c)];
                double dy = grid.descent()[2 * (r * m + c) + 1];
                double len = Math.hypot(dx, dy);
                if (!(len > 0) || !Double.isFinite(len)) {
                    continue;
                }
                // length grows with the square root of |∇L| so that small slopes stay visible
                double l = 0.42 * cell * Math.sqrt(len / max);
                double cx = box[0] + (c + 0.5) * cell;
                double cy = box[1] + box[2] - (r + 0.5) * cell;
                double ux = dx / len;
                double uy = -dy / len;
                arrow(g, cx - ux * l / 2, cy - uy * l / 2, cx + ux * l / 2, cy + uy * l / 2, 3);
            }
        }
    }

    private void drawAxes(GraphicsContext g, double[] box) {
        g.setStroke(Color.GRAY);
        g.strokeRect(box[0], box[1], box[2], box[2]);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(11));
        g.fillText(fmt(grid.view().xMin()), box[0], box[1] + box[2] + 14);
        g.fillText(fmt(grid.view().xMax()), box[0] + box[2] - 20, box[1] + box[2] + 14);
        g.fillText(fmt(grid.view().yMin()), 4, box[1] + box[2]);
        g.fillText(fmt(grid.view().yMax()), 4, box[1] + 10);
        g.fillText(xName, box[0] + box[2] / 2 - 3 * xName.length(), box[1] + box[2] + 26);
        g.save();
        g.translate(14, box[1] + box[2] / 2 + 3 * yName.length());
        g.rotate(yName.length() > 2 ? -90 : 0);
        g.fillText(yName, 0, 0);
        g.restore();
    }

    private void drawPath(GraphicsContext g, OptimizerPath p, Color colour) {
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineWidth(2);
        double[] prev = null;
        for (double[] pt : p.points()) {
            if (!Double.isFinite(pt[0]) || !Double.isFinite(pt[1])) {
                break;
            }
            double[] c = toCanvas(pt[0], pt[1]);
            if (prev != null) {
                g.strokeLine(prev[0], prev[1], c[0], c[1]);
            }
            g.fillOval(c[0] - 2, c[1] - 2, 4, 4);
            prev = c;
        }
        double[] s = toCanvas(p.points().get(0)[0], p.points().get(0)[1]);
        g.setStroke(Color.BLACK);
        g.setLineWidth(1);
        g.fillOval(s[0] - 5, s[1] - 5, 10, 10);
        g.strokeOval(s[0] - 5, s[1] - 5, 10, 10);
    }

    private void drawProbe(GraphicsContext g, CriticalPoint c) {
        double[] at = c.point();
        double[] p = toCanvas(at[0], at[1]);
        double maxAbs = 0;
        for (double l : c.eigenvalues()) {
            maxAbs = Math.max(maxAbs, Math.abs(l));
        }
        double reach = 0.12 * box()[2];
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

    private static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2, double head) {
        g.strokeLine(x1, y1, x2, y2);
        double a = Math.atan2(y2 - y1, x2 - x1);
        g.strokeLine(x2, y2, x2 - head * Math.cos(a - 0.45), y2 - head * Math.sin(a - 0.45));
        g.strokeLine(x2, y2, x2 - head * Math.cos(a + 0.45), y2 - head * Math.sin(a + 0.45));
    }

    /** A loss value for the colour bar: three significant digits, no exponent between 1e-3 and 1e6. */
    static String value(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(java.util.Locale.ROOT, "%.2e", v);
        }
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(3));
        return b.stripTrailingZeros().toPlainString();
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, Math.abs(v) >= 100 || (v != 0 && Math.abs(v) < 0.01) ? "%.2g"
                : "%.2f", v);
    }
}
