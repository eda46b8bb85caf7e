package org.latentlab.ui.gan;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** A pane that keeps one square canvas centred in it, as large as fits, and redraws it when resized. */
abstract class SquareCanvasPane extends Pane {

    protected final Canvas canvas = new Canvas();

    SquareCanvasPane() {
        getChildren().add(canvas);
        setMinSize(200, 200);
    }

    @Override
    protected void layoutChildren() {
        double s = Math.min(getWidth(), getHeight());
        canvas.setWidth(s);
        canvas.setHeight(s);
        canvas.relocate((getWidth() - s) / 2, (getHeight() - s) / 2);
        redraw();
    }

    /** Draws the current content on {@link #canvas}. */
    protected abstract void redraw();

    public Canvas canvas() {
        return canvas;
    }
}
