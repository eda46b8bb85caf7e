package org.latentlab.ui.latent;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.latentlab.ui.common.ImageConversion;
import org.latentlab.latent.ImageShape;

import java.util.function.BiConsumer;

/**
 * Decoded images in a rows x columns grid on a canvas that fills its pane (square cells, as large as fit, pixels
 * drawn sharp), with the cell under the mouse outlined and clicks reported as (row, column). Used for the latent
 * map, the interpolation strip, the samples and the analogy row.
 */
public final class ImageGridCanvas extends Pane {

    private static final int GAP = 1;

    private final Canvas canvas = new Canvas();
    private final double preferredCell;
    private float[][] images;
    private ImageShape shape;
    private int rows;
    private int columns;
    private WritableImage picture;
    private int hoverRow = -1;
    private int hoverCol = -1;
    private int markRow = -1;
    private int markCol = -1;
    private BiConsumer<Integer, Integer> onCell = (r, c) -> { };

    ImageGridCanvas(String id, double preferredCell) {
        this.preferredCell = preferredCell;
        setId(id);
        canvas.setId(id + "-canvas");
        getChildren().add(canvas);
        getStyleClass().add("view-pane");
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> {
            hoverRow = -1;
            hoverCol = -1;
            redraw();
        });
        canvas.setOnMouseClicked(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell != null) {
                onCell.accept(cell[0], cell[1]);
            }
        });
    }

    /** Shows images row-major in a grid of the given size; null clears. */
    void setImages(float[][] images, ImageShape shape, int rows, int columns) {
        this.images = images;
        this.shape = shape;
        this.rows = rows;
        this.columns = columns;
        this.markRow = -1;
        this.markCol = -1;
        picture = images == null ? null : ImageConversion.grid(images, shape, rows, columns, GAP);
        requestLayout();
        redraw();
    }

    /** Outlines one cell (e.g. the frame being scrubbed); -1 for none. */
    void mark(int row, int col) {
        markRow = row;
        markCol = col;
        redraw();
    }

    void setOnCell(BiConsumer<Integer, Integer> action) {
        onCell = action;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public float[][] images() {
        return images;
    }

    /** The top-left corner of a cell in canvas coordinates, and the cell size: {x, y, size}. */
    public double[] cellBounds(int row, int col) {
        double cell = cellSize();
        return new double[] {offsetX(cell) + col * cell, offsetY(cell) + row * cell, cell};
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.max(1, columns) * preferredCell + 2;
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(1, rows) * preferredCell + 2;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private double cellSize() {
        if (rows == 0 || columns == 0) {
            return 0;
        }
        return Math.max(1, Math.min(canvas.getWidth() / columns, canvas.getHeight() / rows));
    }

    private double offsetX(double cell) {
        return (canvas.getWidth() - cell * columns) / 2;
    }

    private double offsetY(double cell) {
        return (canvas.getHeight() - cell * rows) / 2;
    }

    private int[] cellAt(double x, double y) {
        double cell = cellSize();
        if (picture == null || cell <= 0) {
            return null;
        }
        int c = (int) Math.floor((x - offsetX(cell)) / cell);
        int r = (int) Math.floor((y - offsetY(cell)) / cell);
        if (r < 0 || r >= rows || c < 0 || c >= columns || r * columns + c >= images.length) {
            return null;
        }
        return new int[] {r, c};
    }

    private void hover(MouseEvent e) {
        int[] cell = cellAt(e.getX(), e.getY());
        int r = cell == null ? -1 : cell[0];
        int c = cell == null ? -1 : cell[1];
        if (r != hoverRow || c != hoverCol) {
            hoverRow = r;
            hoverCol = c;
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (picture == null) {
            return;
        }
        double cell = cellSize();
        double x0 = offsetX(cell);
        double y0 = offsetY(cell);
        g.setImageSmoothing(false);
        g.drawImage(picture, x0, y0, cell * columns, cell * rows);
        if (markRow >= 0) {
            g.setStroke(Color.web("#e36c09"));
            g.setLineWidth(2.5);
            g.strokeRect(x0 + markCol * cell + 1, y0 + markRow * cell + 1, cell - 2, cell - 2);
        }
        if (hoverRow >= 0) {
            g.setStroke(Color.web("#1f77b4"));
            g.setLineWidth(2);
            g.strokeRect(x0 + hoverCol * cell + 1, y0 + hoverRow * cell + 1, cell - 2, cell - 2);
        }
    }
}
