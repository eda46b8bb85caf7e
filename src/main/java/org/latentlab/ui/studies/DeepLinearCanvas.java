package org.latentlab.ui.studies;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.latentlab.analysis.deeplinear.DeepLinearSlice;

/**
 * The loss of a deep linear network over two weights as a heat map of log(1 + L) (dark: low) with contour lines,
 * the slice's saddle at the origin (red) and its valley of minima wᵢwⱼ = 1/s^{d−2} (green), axes in weight units.
 */
final class DeepLinearCanvas extends Pane {

    private static final double MARGIN = 36;
    private static final int LEVELS = 12;
    private final Canvas canvas = new Canvas();
    private DeepLinearSlice slice;

    DeepLinearCanvas() {
        getChildren().add(canvas);
        setMinSize(200, 200);
        setPrefSize(520, 520);
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    void show(DeepLinearSlice s) {
        this.slice = s;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (slice == null || w < 2 * MARGIN || h < 2 * MARGIN) {
            return;
        }
        int side = (int) Math.min(w - 2 * MARGIN, h - 2 * MARGIN);
        int n = slice.axis().length;
        double top = Math.log1p(slice.max());
        WritableImage image = new WritableImage(side, side);
        PixelWriter px = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            int row = (int) ((double) (side - 1 - y) / (side - 1) * (n - 1));
            for (int x = 0; x < side; x++) {
                int col = (int) ((double) x / (side - 1) * (n - 1));
                double v = Math.log1p(slice.loss()[row][col]) / top;
                px.setColor(x, y, colour(v));
            }
        }
        g.drawImage(image, MARGIN, MARGIN);
        contours(g, side, top);
        double lo = slice.axis()[0];
        double hi = slice.axis()[n - 1];
        double c = Math.pow(slice.others(), slice.net().depth() - 2) / slice.net().target();
        g.setStroke(Color.web("#2ca02c"));
        g.setLineWidth(2);
        if (c != 0) {
            for (int sign = -1; sign <= 1; sign += 2) {
                g.beginPath();
                boolean started = false;
                for (int k = 0; k <= 400; k++) {
                    double wi = sign * (1e-3 + (hi - 1e-3) * k / 400.0);
                    double wj = 1 / (c * wi);
                    if (wj < lo || wj > hi) {
                        started = false;
                        continue;
                    }
                    double sx = MARGIN + (wi - lo) / (hi - lo) * side;
                    double sy = MARGIN + (hi - wj) / (hi - lo) * side;
                    if (started) {
                        g.lineTo(sx, sy);
                    } else {
                        g.moveTo(sx, sy);
                        started = true;
                    }
                }
                g.stroke();
            }
        }
        double ox = MARGIN + (0 - lo) / (hi - lo) * side;
        double oy = MARGIN + (hi - 0) / (hi - lo) * side;
        g.setFill(Color.web("#d62728"));
        g.fillOval(ox - 5, oy - 5, 10, 10);
        g.setStroke(Color.BLACK);
        g.setLineWidth(1);
        g.strokeRect(MARGIN, MARGIN, side, side);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(12));
        for (double t : new double[] {lo, 0, hi}) {
            double sx = MARGIN + (t - lo) / (hi - lo) * side;
            double sy = MARGIN + (hi - t) / (hi - lo) * side;
            g.fillText(org.latentlab.analysis.deeplinear.DeepLinearSpectra.number(t), sx - 6, MARGIN + side + 14);
            g.fillText(org.latentlab.analysis.deeplinear.DeepLinearSpectra.number(t), 4, sy + 4);
        }
        g.fillText("w" + (slice.i() + 1), MARGIN + side / 2.0 + 20, MARGIN + side + 28);
        g.fillText("w" + (slice.j() + 1), 4, MARGIN + side / 2.0 - 20);
    }

    /** Lines where log(1 + L) crosses each of {@value #LEVELS} levels, cell by cell on the grid. */
    private void contours(GraphicsContext g, int side, double top) {
        int n = slice.axis().length;
        double cell = (double) side / (n - 1);
        g.setStroke(Color.color(1, 1, 1, 0.45));
        g.setLineWidth(1);
        for (int level = 1; level < LEVELS; level++) {
            double at = top * level / LEVELS;
            for (int row = 0; row < n - 1; row++) {
                for (int col = 0; col < n - 1; col++) {
                    double a = Math.log1p(slice.loss()[row][col]);
                    double b = Math.log1p(slice.loss()[row][col + 1]);
                    double c = Math.log1p(slice.loss()[row + 1][col]);
                    double x = MARGIN + col * cell;
                    double y = MARGIN + side - row * cell;
                    if ((a - at) * (b - at) < 0) {
                        double f = (at - a) / (b - a);
                        g.strokeLine(x + f * cell, y - 1, x + f * cell, y + 1);
                    }
                    if ((a - at) * (c - at) < 0) {
                        double f = (at - a) / (c - a);
                        g.strokeLine(x - 1, y - f * cell, x + 1, y - f * cell);
                    }
                }
            }
        }
    }

    /** Dark blue (low) through teal and yellow (high). */
    private static Color colour(double v) {
        double t = Math.max(0, Math.min(1, v));
        return Color.hsb(240 - 180 * t, 0.85, 0.25 + 0.7 * t);
    }
}
