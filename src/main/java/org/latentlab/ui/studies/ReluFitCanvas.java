package org.latentlab.ui.studies;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.latentlab.analysis.relu.FitTarget;
import org.latentlab.analysis.relu.LinearPieces;
import org.latentlab.analysis.relu.LinearRegions;
import org.latentlab.experiment.relu.ReluFitSpec;
import org.latentlab.experiment.relu.ReluFitStatus;

import java.util.BitSet;
import java.util.Locale;

/**
 * A fit as it trains. One input: the target (grey), the net's exact polyline (blue) and its kinks (red dots, with
 * ticks under the axis). Two inputs: the square cut into the net's exact linear regions, each polygon a colour of
 * its own (hue from its activation pattern, lightness from the net's value at its centre), the target's zero line
 * dashed. Only renders; the pieces and regions come computed in the status.
 */
final class ReluFitCanvas extends Pane {

    private static final double LEFT = 48;
    private static final double RIGHT = 14;
    private static final double TOP = 28;
    private static final double BOTTOM = 36;
    private static final Color NET = Color.web("#4e79a7");
    private static final Color KINK = Color.web("#e15759");

    private final Canvas canvas = new Canvas();
    private ReluFitStatus status;
    private String emptyText = "";

    ReluFitCanvas() {
        setId("relu-fit-canvas");
        getChildren().add(canvas);
        setMinSize(240, 200);
        setPrefSize(640, 520);
    }

    void show(ReluFitStatus s) {
        this.status = s;
        redraw();
    }

    void setEmptyText(String text) {
        this.emptyText = text;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (status == null) {
            g.setFill(Color.GRAY);
            g.setFont(Font.font(13));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, w / 2, h / 2);
            return;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        if (status.pieces() != null) {
            drawCurve(g, w, h);
        } else {
            drawRegions(g, w, h);
        }
    }

    private void drawCurve(GraphicsContext g, double w, double h) {
        ReluFitSpec spec = status.spec();
        FitTarget target = spec.target();
        LinearPieces pieces = status.pieces();
        double[][] line = pieces.polyline();
        int n = (int) Math.max(2, w - LEFT - RIGHT);
        double[] tx = new double[n];
        double[] ty = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            tx[i] = spec.lo() + (spec.hi() - spec.lo()) * i / (n - 1);
            ty[i] = target.at(tx[i], 0);
            lo = Math.min(lo, ty[i]);
            hi = Math.max(hi, ty[i]);
        }
        for (double y : line[1]) {
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        double pad = Math.max(1e-9, (hi - lo) * 0.08);
        lo -= pad;
        hi += pad;
        double x0 = LEFT;
        double x1 = w - RIGHT;
        double y0 = h - BOTTOM;
        double y1 = TOP;
        double fLo = lo;
        double fHi = hi;
        java.util.function.DoubleUnaryOperator px = x -> x0 + (x - spec.lo()) / (spec.hi() - spec.lo()) * (x1 - x0);
        java.util.function.DoubleUnaryOperator py = y -> y0 + (y - fLo) / (fHi - fLo) * (y1 - y0);
        frame(g, x0, x1, y0, y1, spec.lo(), spec.hi(), lo, hi);
        g.setStroke(Color.gray(0.65));
        g.setLineWidth(3);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                g.moveTo(px.applyAsDouble(tx[i]), py.applyAsDouble(ty[i]));
            } else {
                g.lineTo(px.applyAsDouble(tx[i]), py.applyAsDouble(ty[i]));
            }
        }
        g.stroke();
        g.setStroke(NET);
        g.setLineWidth(1.8);
        g.beginPath();
        for (int i = 0; i < line[0].length; i++) {
            double x = px.applyAsDouble(line[0][i]);
            double y = py.applyAsDouble(line[1][i]);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setFill(KINK);
        g.setStroke(KINK);
        g.setLineWidth(1);
        for (int i = 1; i < line[0].length - 1; i++) {
            double x = px.applyAsDouble(line[0][i]);
            double y = py.applyAsDouble(line[1][i]);
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
            g.strokeLine(x, y0, x, y0 - 7);
        }
        g.setFill(Color.BLACK);
        g.setFont(Font.font(12));
        g.fillText(String.format(Locale.ROOT, "%s   step %,d   loss %.2e   %d linear pieces (%d kinks, red)",
                status.net(), status.iteration(), status.loss(), pieces.pieces(), pieces.kinks().length), LEFT, 18);
        legend(g, x1, y1);
    }

    private void legend(GraphicsContext g, double x1, double y1) {
        double x = x1 - 150;
        double y = y1 + 14;
        g.setFont(Font.font(11));
        g.setStroke(Color.gray(0.65));
        g.setLineWidth(3);
        g.strokeLine(x, y - 4, x + 22, y - 4);
        g.setFill(Color.BLACK);
        g.fillText("target " + status.spec().function(), x + 28, y);
        g.setStroke(NET);
        g.setLineWidth(1.8);
        g.strokeLine(x, y + 12, x + 22, y + 12);
        g.fillText("ReLU net", x + 28, y + 16);
    }

    private void drawRegions(GraphicsContext g, double w, double h) {
        ReluFitSpec spec = status.spec();
        LinearRegions regions = status.regions();
        double side = Math.max(50, Math.min(w - LEFT - RIGHT, h - TOP - BOTTOM));
        double x0 = LEFT;
        double y0 = TOP + side;
        double scale = side / (spec.hi() - spec.lo());
        double vLo = Double.POSITIVE_INFINITY;
        double vHi = Double.NEGATIVE_INFINITY;
        for (LinearRegions.Region r : regions.regions()) {
            double[] c = r.centre();
            double v = r.gx() * c[0] + r.gy() * c[1] + r.c();
            vLo = Math.min(vLo, v);
            vHi = Math.max(vHi, v);
        }
        double span = Math.max(1e-12, vHi - vLo);
        g.setLineWidth(0.6);
        g.setStroke(Color.gray(0.15, 0.55));
        for (LinearRegions.Region r : regions.regions()) {
            double[] xs = new double[r.xs().length];
            double[] ys = new double[r.xs().length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = x0 + (r.xs()[i] - spec.lo()) * scale;
                ys[i] = y0 - (r.ys()[i] - spec.lo()) * scale;
            }
            double[] c = r.centre();
            double v = (r.gx() * c[0] + r.gy() * c[1] + r.c() - vLo) / span;
            g.setFill(Color.hsb(hue(r.pattern()), 0.42, 0.3 + 0.7 * v));
            g.fillPolygon(xs, ys, xs.length);
            g.strokePolygon(xs, ys, xs.length);
        }
        frame(g, x0, x0 + side, y0, TOP, spec.lo(), spec.hi(), spec.lo(), spec.hi());
        g.setFill(Color.gray(0.25));
        g.setFont(Font.font(11));
        g.fillText("y", 6, TOP + side / 2);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(12));
        g.fillText(String.format(Locale.ROOT, "%s   step %,d   loss %.2e   %d linear regions (exact polygons)",
                status.net(), status.iteration(), status.loss(), regions.count()), LEFT, 18);
        double tx = x0 + side + 14;
        double ty = TOP + 12;
        String[] caption = {"each polygon: one activation pattern; the net is affine on it.",
                "colour: the pattern; lightness: the net's value there. Target: " + spec.function()};
        if (tx + 200 > w) {
            tx = LEFT;
            ty = y0 + 46;
            if (ty + 20 > h) {
                return;
            }
        } else {
            caption = new String[] {"each polygon: one", "activation pattern;", "the net is affine", "on it.", "",
                    "colour: the pattern", "lightness: the net's", "value there", "", "target:", spec.function()};
        }
        g.setFont(Font.font(11));
        for (String s : caption) {
            g.fillText(s, tx, ty);
            ty += 15;
        }
    }

    /** A pattern's hue, spread by a multiplicative hash so that neighbours differ. */
    static double hue(BitSet pattern) {
        long hsh = 0x9E3779B97F4A7C15L;
        for (long word : pattern.toLongArray()) {
            hsh = (hsh ^ word) * 0xBF58476D1CE4E5B9L;
            hsh ^= hsh >>> 31;
        }
        return (hsh >>> 11) % 360;
    }

    private static void frame(GraphicsContext g, double x0, double x1, double y0, double y1, double xLo, double xHi,
                              double yLo, double yHi) {
        g.setStroke(Color.gray(0.3));
        g.setLineWidth(1);
        g.strokeRect(x0, y1, x1 - x0, y0 - y1);
        g.setFill(Color.gray(0.25));
        g.setFont(Font.font(11));
        for (int i = 0; i <= 4; i++) {
            double fx = xLo + (xHi - xLo) * i / 4;
            double sx = x0 + (x1 - x0) * i / 4;
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(tick(fx), sx, y0 + 16);
            double fy = yLo + (yHi - yLo) * i / 4;
            double sy = y0 + (y1 - y0) * i / 4;
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(tick(fy), x0 - 5, sy + 4);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("x", (x0 + x1) / 2, y0 + 31);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private static String tick(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.2f", v);
    }
}
