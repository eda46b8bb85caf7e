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
 * and the training trajectory ({@link PlanePath}) with its points labelled. The layers over the heat map are drawn
 * by {@link ContourLayers}.
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
        return frame().toCanvas(x, y);
    }

    private double[] toParameters(double cx, double cy) {
        return frame().toParameters(cx, cy);
    }

    /** The square plot area, left 40 and top 10, as wide as the canvas leaves room for beside the colour bar. */
    private PlotFrame frame() {
        double side = Math.max(10, Math.min(canvas.getWidth() - (colourBar ? 130 : 50), canvas.getHeight() - 40));
        return new PlotFrame(grid.view(), 40, 10, side);
    }

    private double[] box() {
        PlotFrame f = frame();
        return new double[] {f.left(), f.top(), f.side()};
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
            ContourLayers.path(g, frame(), paths.get(i), PATH_COLOURS[i % PATH_COLOURS.length]);
        }
        g.restore();
        if (probe != null) {
            ContourLayers.probe(g, frame(), probe);
        }
        if (hasTrack()) {
            ContourLayers.track(g, frame(), track);
        }
        if (colourBar) {
            ContourLayers.colourBar(g, frame(), grid);
        }
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
                ContourLayers.arrow(g, cx - ux * l / 2, cy - uy * l / 2, cx + ux * l / 2, cy + uy * l / 2, 3);
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
