package org.latentlab.ui.studies;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.latentlab.train.sbn.ExplainingAway;

import java.util.Locale;

/**
 * The explaining-away net drawn as three units: the two causes above with their prior biases, each shaded by its
 * exact posterior probability, the effect below with its bias, filled when clamped on, and the weights on the
 * arrows.
 */
final class WakeSleepNetCanvas extends Canvas {

    private static final double R = 34;

    WakeSleepNetCanvas(double width, double height) {
        super(width, height);
        setId("wake-sleep-net");
    }

    void draw(ExplainingAway net, ExplainingAway.Posterior p) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double x1 = w * 0.22;
        double x2 = w * 0.78;
        double yTop = 58;
        double xv = w / 2;
        double yv = h - 64;
        g.setStroke(Color.rgb(78, 121, 167));
        g.setLineWidth(2.5);
        g.setFont(Font.font("SansSerif", 13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (double x : new double[] {x1, x2}) {
            arrow(g, x, yTop, xv, yv);
            g.setFill(Color.rgb(78, 121, 167));
            g.fillText(String.format(Locale.ROOT, "%+.0f", net.weight()), (x + xv) / 2 + (x < xv ? -16 : 16),
                    (yTop + yv) / 2);
        }
        unit(g, x1, yTop, p.marginal(0), ExplainingAway.CAUSE_1, net.causeBias(), true);
        unit(g, x2, yTop, p.marginal(1), ExplainingAway.CAUSE_2, net.causeBias(), true);
        unit(g, xv, yv, p.effectOn() ? 1 : 0, ExplainingAway.EFFECT + (p.effectOn() ? " (clamped on)"
                : " (clamped off)"), net.visibleBias(), false);
    }

    private static void unit(GraphicsContext g, double x, double y, double on, String name, double bias,
                             boolean above) {
        double grey = 1 - 0.75 * on;
        g.setFill(Color.gray(grey));
        g.fillOval(x - R, y - R, 2 * R, 2 * R);
        g.setStroke(Color.DARKSLATEGRAY);
        g.setLineWidth(1.5);
        g.strokeOval(x - R, y - R, 2 * R, 2 * R);
        g.setFill(grey < 0.55 ? Color.WHITE : Color.BLACK);
        g.fillText(above ? String.format(Locale.ROOT, "p=%.2f", on) : on > 0.5 ? "1" : "0", x, y);
        g.setFill(Color.BLACK);
        double ty = above ? y - R - 12 : y + R + 12;
        g.fillText(String.format(Locale.ROOT, "%s, bias %.0f", name, bias), x, ty);
    }

    private static void arrow(GraphicsContext g, double xa, double ya, double xb, double yb) {
        double dx = xb - xa;
        double dy = yb - ya;
        double len = Math.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        double sx = xa + ux * R;
        double sy = ya + uy * R;
        double ex = xb - ux * R;
        double ey = yb - uy * R;
        g.strokeLine(sx, sy, ex, ey);
        double hx = ex - ux * 10;
        double hy = ey - uy * 10;
        g.strokeLine(ex, ey, hx - uy * 6, hy + ux * 6);
        g.strokeLine(ex, ey, hx + uy * 6, hy - ux * 6);
    }
}
