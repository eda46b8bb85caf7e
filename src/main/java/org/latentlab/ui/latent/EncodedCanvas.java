package org.latentlab.ui.latent;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.function.IntConsumer;

/**
 * Encoded examples as points on a plane, coloured by label (ten-colour palette, grey when unlabelled), with the
 * current code as a cross. The point under the mouse (within a few pixels) is reported on hover and on click.
 */
final class EncodedCanvas extends Pane {

    static final Color[] PALETTE = {
        Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"),
        Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"),
        Color.web("#bcbd22"), Color.web("#17becf")
    };
    private static final double PAD = 34;
    private static final double PICK_RADIUS = 7;

    private final Canvas canvas = new Canvas();
    private double[][] points;
    private int[] labels;
    private String xAxis = "";
    private String yAxis = "";
    private double[] marker;
    private String emptyText = "";
    private int hover = -1;
    private double minX;
    private double maxX;
    private double minY;
    private double maxY;
    private IntConsumer onHover = i -> { };
    private IntConsumer onClick = i -> { };

    EncodedCanvas() {
        setId("latent-encoded");
        getStyleClass().add("view-pane");
        getChildren().add(canvas);
        setMinSize(200, 200);
        canvas.setOnMouseMoved(e -> {
            int i = nearest(e.getX(), e.getY());
            if (i != hover) {
                hover = i;
                onHover.accept(i);
                redraw();
            }
        });
        canvas.setOnMouseClicked(e -> {
            int i = nearest(e.getX(), e.getY());
            if (i >= 0) {
                onClick.accept(i);
            }
        });
    }

    void setPoints(double[][] points, int[] labels, String xAxis, String yAxis) {
        this.points = points;
        this.labels = labels;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.hover = -1;
        if (points != null && points.length > 0) {
            minX = Double.POSITIVE_INFINITY;
            maxX = Double.NEGATIVE_INFINITY;
            minY = Double.POSITIVE_INFINITY;
            maxY = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
            double mx = Math.max(1e-9, (maxX - minX) * 0.05);
            double my = Math.max(1e-9, (maxY - minY) * 0.05);
            minX -= mx;
            maxX += mx;
            minY -= my;
            maxY += my;
        }
        redraw();
    }

    /** What the empty canvas says (why there are no points, what to do). */
    void setEmptyText(String text) {
        emptyText = text;
        redraw();
    }

    /** The current code's position (plane coordinates), or null. */
    void setMarker(double[] position) {
        marker = position;
        redraw();
    }

    void setOnHover(IntConsumer action) {
        onHover = action;
    }

    void setOnPick(IntConsumer action) {
        onClick = action;
    }

    /** The canvas position of point i: {x, y}. */
    double[] screen(int i) {
        return new double[] {sx(points[i][0]), sy(points[i][1])};
    }

    Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private double sx(double x) {
        return PAD + (x - minX) / (maxX - minX) * (canvas.getWidth() - 2 * PAD);
    }

    private double sy(double y) {
        return canvas.getHeight() - PAD - (y - minY) / (maxY - minY) * (canvas.getHeight() - 2 * PAD);
    }

    private int nearest(double x, double y) {
        if (points == null) {
            return -1;
        }
        int best = -1;
        double bestD = PICK_RADIUS * PICK_RADIUS;
        for (int i = 0; i < points.length; i++) {
            double dx = sx(points[i][0]) - x;
            double dy = sy(points[i][1]) - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (points == null || points.length == 0) {
            g.setFill(Color.web("#444c56"));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, w / 2, h / 2);
            return;
        }
        g.setStroke(Color.web("#cfd3da"));
        g.setLineWidth(1);
        g.strokeRect(PAD, PAD, w - 2 * PAD, h - 2 * PAD);
        g.setFill(Color.web("#444c56"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xAxis, w / 2, h - 8);
        g.save();
        g.translate(14, h / 2);
        g.rotate(-90);
        g.fillText(yAxis, 0, 6);
        g.restore();
        for (int i = 0; i < points.length; i++) {
            int l = labels == null ? -1 : labels[i];
            g.setFill((l < 0 ? Color.GREY : PALETTE[l % PALETTE.length]).deriveColor(0, 1, 1, 0.75));
            g.fillOval(sx(points[i][0]) - 2.5, sy(points[i][1]) - 2.5, 5, 5);
        }
        if (hover >= 0) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeOval(sx(points[hover][0]) - 5, sy(points[hover][1]) - 5, 10, 10);
        }
        if (marker != null) {
            double x = sx(marker[0]);
            double y = sy(marker[1]);
            g.setStroke(Color.BLACK);
            g.setLineWidth(2.5);
            g.strokeLine(x - 8, y, x + 8, y);
            g.strokeLine(x, y - 8, x, y + 8);
        }
    }
}
