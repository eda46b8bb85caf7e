package org.latentlab.ui.gan;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A small square heat map of values on a res × res grid (row 0 at the top) in the 2-D view's colours: purple (0,
 * judged fake) through white (½) to green (1, judged real); values that are not probabilities are scaled to their
 * range. The mixture's modes are drawn as small rings so the two maps of a pair can be read against the data.
 */
final class HeatCanvas extends SquareCanvasPane {

    private float[] values;
    private int res;
    private boolean probability = true;
    private double[] bounds;
    private float[] modes;

    HeatCanvas() {
        setMinSize(120, 120);
        setPrefSize(210, 210);
    }

    /** Shows values (null: empty) with the view's bounds and modes (may be null). */
    void show(float[] values, int res, boolean probability, double[] bounds, float[] modes) {
        this.values = values;
        this.res = res;
        this.probability = probability;
        this.bounds = bounds;
        this.modes = modes;
        redraw();
    }

    /** The values shown, or null. */
    float[] values() {
        return values;
    }

    @Override
    protected void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double size = canvas.getWidth();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, size, size);
        if (values == null || res == 0 || size <= 0) {
            g.setFill(Color.GRAY);
            g.fillText("waiting for a view…", 8, 18);
            return;
        }
        g.setImageSmoothing(true);
        g.drawImage(PointsCanvas.heatImage(values, res, probability), 0, 0, size, size);
        if (bounds != null && modes != null) {
            g.setStroke(Color.rgb(0, 0, 0, 0.45));
            g.setLineWidth(1);
            for (int i = 0; i + 1 < modes.length; i += 2) {
                double x = PointsCanvas.px(modes[i], bounds, size);
                double y = PointsCanvas.py(modes[i + 1], bounds, size);
                g.strokeOval(x - 4, y - 4, 8, 8);
            }
        }
        g.setStroke(Color.rgb(0, 0, 0, 0.25));
        g.strokeRect(0.5, 0.5, size - 1, size - 1);
    }
}
