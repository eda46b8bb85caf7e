package org.latentlab.ui.gan;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.latentlab.train.GanView;

/**
 * An energy-based GAN's reconstructions by D (Zhao et al. 2017) as labelled rows of images, as wide as the pane:
 * real examples x, D(x), G's samples G(z), D(G(z)). The energy of each example is the squared error between its cell
 * and the cell under it.
 */
final class ReconstructionStrip extends Pane {

    private final Canvas canvas = new Canvas();
    private GanView.Images view;

    ReconstructionStrip() {
        getChildren().add(canvas);
        setMinHeight(90);
        setPrefHeight(150);
    }

    void setView(GanView.Images v) {
        view = v;
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
        g.setFill(Color.rgb(40, 40, 48));
        g.fillRect(0, 0, w, h);
        if (view == null || w <= 0 || h <= 0) {
            g.setFill(Color.LIGHTGRAY);
            g.fillText("waiting for the first snapshot…", 12, 20);
            return;
        }
        int rows = Math.max(1, view.rowLabels().size());
        int cols = view.count() / rows;
        double margin = 12 + 7 * view.rowLabels().stream().mapToInt(String::length).max().orElse(0);
        double cell = Math.min((w - margin) / cols, h / rows);
        g.setImageSmoothing(false);
        for (int k = 0; k < view.count(); k++) {
            g.drawImage(ImageGrid.cellImage(view, k, 1), margin + (k % cols) * cell + 1, (k / cols) * cell + 1,
                    cell - 2, cell - 2);
        }
        g.setFill(Color.rgb(230, 230, 235));
        for (int r = 0; r < view.rowLabels().size(); r++) {
            g.fillText(view.rowLabels().get(r), 4, r * cell + cell / 2 + 4);
        }
    }
}
