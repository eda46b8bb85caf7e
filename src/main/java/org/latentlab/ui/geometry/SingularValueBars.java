package org.latentlab.ui.geometry;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.Locale;

/**
 * The singular values σ₁ ≥ σ₂ ≥ … of an encoder's Jacobian at one input as bars: a few large ones and a quick fall
 * say the encoder reacts to few directions at that point (a low-dimensional tangent space), a flat profile that it
 * reacts to many. The bars of the tangent vectors shown as images are highlighted.
 */
final class SingularValueBars extends Pane {

    private final Canvas canvas = new Canvas();
    private double[] values;
    private int highlighted;
    private double scaleMax = Double.NaN;

    SingularValueBars() {
        getChildren().add(canvas);
        setMinSize(160, 100);
        setPrefHeight(125);
    }

    /** Shows σ (descending), the first {@code highlighted} marked as the ones drawn as images. */
    void show(double[] sigma, int highlightedCount) {
        this.values = sigma.clone();
        this.highlighted = highlightedCount;
        redraw();
    }

    /** A common top of the value axis, so that several models' bars compare; NaN for each its own. */
    void setScaleMax(double max) {
        this.scaleMax = max;
        redraw();
    }

    void clear() {
        values = null;
        redraw();
    }

    /** The number of bars drawn (0 before a computation). */
    int barCount() {
        return values == null ? 0 : values.length;
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
        g.setFont(Font.font(11));
        g.setFill(Color.BLACK);
        if (values == null || values.length == 0) {
            g.fillText("singular values of ∂c/∂x appear here", 8, 18);
            return;
        }
        double left = 44;
        double right = w - 8;
        double top = 18;
        double bottom = h - 20;
        double max = Double.isFinite(scaleMax) && scaleMax > 0 ? scaleMax : values[0];
        if (!(max > 0)) {
            max = 1;
        }
        int n = values.length;
        double slot = (right - left) / n;
        for (int i = 0; i < n; i++) {
            double bh = Math.min(1, values[i] / max) * (bottom - top);
            g.setFill(i < highlighted ? Color.web("#e15759") : Color.web("#4e79a7"));
            // whole pixels: bars narrower than a few pixels (a code of 196 units in one column) stay solid
            double x0 = Math.round(left + i * slot);
            double x1 = Math.round(left + (i + 1) * slot);
            double gap = slot > 4 ? 1 : 0;
            g.fillRect(x0 + gap, Math.round(bottom - bh), Math.max(1, x1 - x0 - 2 * gap), Math.round(bh));
        }
        g.setStroke(Color.GRAY);
        g.strokeLine(left, bottom, right, bottom);
        g.strokeLine(left, top, left, bottom);
        g.setFill(Color.BLACK);
        g.fillText(fmt(max), 2, top + 4);
        g.fillText("0", 30, bottom + 4);
        g.fillText("σ₁ … σ" + subscript(n) + "   (σ₁ = " + fmt(values[0]) + ", red: shown as images)", left,
                bottom + 15);
        g.fillText("σᵢ of the encoder Jacobian", left, 12);
    }

    private static String subscript(int n) {
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            b.append((char) ('₀' + (c - '0')));
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 1000 || (v != 0 && Math.abs(v) < 0.01) ? String.format(Locale.ROOT, "%.2g", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
