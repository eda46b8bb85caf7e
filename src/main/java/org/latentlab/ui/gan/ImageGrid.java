package org.latentlab.ui.gan;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.latentlab.latent.ImagePixels;
import org.latentlab.latent.ImageShape;
import org.latentlab.train.GanView;

/**
 * An 8x8 grid of G(z) for a fixed set of codes, so each cell follows one code through training. Clicking a cell
 * selects it; {@link #cellImage(GanView.Images, int, int)} gives it enlarged for the side panel.
 */
public final class ImageGrid extends SquareCanvasPane {

    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private GanView.Images view;
    private int cols = 8;

    public ImageGrid() {
        canvas.setOnMouseClicked(e -> {
            if (view == null) {
                return;
            }
            double cell = cell();
            double cx = e.getX() - margin();
            int c = cx < 0 ? -1 : (int) (cx / cell);
            int r = (int) (e.getY() / cell);
            int k = r * cols + c;
            if (c >= 0 && c < cols && k >= 0 && k < view.count()) {
                selected.set(k);
                redraw();
            }
        });
        selected.addListener((o, a, b) -> redraw());
    }

    public void setView(GanView.Images v) {
        view = v;
        cols = v.columns();
        redraw();
    }

    /** Room on the left for a conditional GAN's row labels (one row per class); 0 without them. */
    private double margin() {
        if (view == null || view.rowLabels().isEmpty()) {
            return 0;
        }
        return 10 + 7 * view.rowLabels().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The side of one cell: the grid's columns across the width, its rows within the height. */
    private double cell() {
        int rows = (view.count() + cols - 1) / cols;
        double h = canvas.getHeight() > 0 ? canvas.getHeight() : canvas.getWidth();
        return Math.min((canvas.getWidth() - margin()) / cols, h / rows);
    }

    public GanView.Images getView() {
        return view;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    @Override
    protected void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double size = canvas.getWidth();
        g.setFill(Color.rgb(40, 40, 48));
        g.fillRect(0, 0, size, size);
        if (view == null || size <= 0) {
            g.setFill(Color.LIGHTGRAY);
            g.fillText("waiting for the first snapshot…", 12, 20);
            return;
        }
        double cell = cell();
        double m = margin();
        g.setImageSmoothing(false);
        for (int k = 0; k < view.count(); k++) {
            double x = m + (k % cols) * cell;
            double y = (k / cols) * cell;
            g.drawImage(cellImage(view, k, 1), x + 1, y + 1, cell - 2, cell - 2);
        }
        g.setFill(Color.rgb(230, 230, 235));
        for (int r = 0; r < view.rowLabels().size(); r++) {
            g.fillText(view.rowLabels().get(r), 4, r * cell + cell / 2 + 4);
        }
        int s = selected.get();
        if (s >= 0 && s < view.count()) {
            g.setStroke(Color.rgb(255, 170, 0));
            g.setLineWidth(2.5);
            g.strokeRect(m + (s % cols) * cell + 1, (s / cols) * cell + 1, cell - 2, cell - 2);
        }
    }

    /** Cell k as an image, each pixel repeated {@code scale} times: grey, or colour for three channels. */
    public static WritableImage cellImage(GanView.Images v, int k, int scale) {
        int w = v.width() * scale;
        int h = v.height() * scale;
        int[] argb = ImagePixels.scaled(v.pixels(), k * v.imageSize(), shapeOf(v), scale);
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }

    /** The shape of one image of the grid. */
    static ImageShape shapeOf(GanView.Images v) {
        return ImageShape.image(v.channels(), v.height(), v.width());
    }
}
