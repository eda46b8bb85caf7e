package org.latentlab.ui.builder;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import java.util.List;
import java.util.Optional;

/**
 * What the mouse does on the builder's canvas, turned into the ViewModel's edits: click selects (Shift adds),
 * dragging a node moves the selection (drawn as it moves, one edit when released), dragging from an output port to
 * a node connects them, dragging the background pans and Shift + drag selects with a rectangle. Holds only the state
 * of the gesture under way.
 */
final class CanvasGestures {

    private final GraphCanvas canvas;
    private final BuilderViewModel vm;

    private Point2D pressScene;
    private Point2D panStart;
    private boolean bandSelect;
    private Rectangle band;
    private NodeView dragging;
    private boolean moved;
    private Line connecting;
    private NodeView connectFrom;

    CanvasGestures(GraphCanvas canvas, BuilderViewModel vm) {
        this.canvas = canvas;
        this.vm = vm;
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::backgroundPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::backgroundDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::backgroundReleased);
    }

    /** Makes a node of the canvas draggable, selectable and connectable from its output port. */
    void attach(NodeView v) {
        v.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> nodePressed(v, e));
        v.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::nodeDragged);
        v.addEventHandler(MouseEvent.MOUSE_RELEASED, this::nodeReleased);
        v.outPort().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> portPressed(v, e));
        v.outPort().addEventHandler(MouseEvent.MOUSE_DRAGGED, this::connectionDragged);
        v.outPort().addEventHandler(MouseEvent.MOUSE_RELEASED, this::connectionReleased);
    }

    // ---- nodes

    private void nodePressed(NodeView v, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        canvas.requestFocus();
        vm.selectedEdgeProperty().set(null);
        if (e.isShiftDown() || e.isShortcutDown()) {
            if (!vm.selection().remove(v.nodeId())) {
                vm.selection().add(v.nodeId());
            }
        } else if (!vm.selection().contains(v.nodeId())) {
            vm.selection().clear();
            vm.selection().add(v.nodeId());
        }
        vm.designProperty().get().roleOf(v.nodeId()).ifPresent(vm.targetProperty()::set);
        dragging = canvas.view(v.nodeId());
        pressScene = new Point2D(e.getSceneX(), e.getSceneY());
        moved = false;
        e.consume();
    }

    private void nodeDragged(MouseEvent e) {
        if (dragging == null || connecting != null) {
            return;
        }
        double dx = (e.getSceneX() - pressScene.getX()) / canvas.zoom();
        double dy = (e.getSceneY() - pressScene.getY()) / canvas.zoom();
        moved = moved || Math.abs(dx) > 2 || Math.abs(dy) > 2;
        for (String id : vm.selection()) {
            NodeView s = canvas.view(id);
            if (s != null) {
                s.setTranslateX(dx);
                s.setTranslateY(dy);
            }
        }
        e.consume();
    }

    private void nodeReleased(MouseEvent e) {
        if (connecting != null) {
            finishConnection(e);
            e.consume();
            return;
        }
        if (dragging == null) {
            return;
        }
        dragging = null;
        if (moved) {
            double dx = Math.round((e.getSceneX() - pressScene.getX()) / canvas.zoom());
            double dy = Math.round((e.getSceneY() - pressScene.getY()) / canvas.zoom());
            vm.moveBy(List.copyOf(vm.selection()), dx, dy);
        }
        canvas.render();
        e.consume();
    }

    // ---- connections

    private void portPressed(NodeView v, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        canvas.requestFocus();
        connectFrom = v;
        double x = v.getLayoutX() + NodeView.WIDTH + NodeView.PORT;
        double y = v.getLayoutY() + NodeView.HEIGHT / 2;
        connecting = new Line(x, y, x, y);
        connecting.getStyleClass().add("builder-connecting");
        connecting.setMouseTransparent(true);
        canvas.overlay().getChildren().add(connecting);
        dragging = null;
        e.consume();
    }

    private void connectionDragged(MouseEvent e) {
        if (connecting != null) {
            Point2D p = canvas.world().sceneToLocal(e.getSceneX(), e.getSceneY());
            connecting.setEndX(p.getX());
            connecting.setEndY(p.getY());
            e.consume();
        }
    }

    private void connectionReleased(MouseEvent e) {
        if (connecting != null) {
            finishConnection(e);
            e.consume();
        }
    }

    private void finishConnection(MouseEvent e) {
        NodeView from = connectFrom;
        canvas.overlay().getChildren().remove(connecting);
        connecting = null;
        connectFrom = null;
        Optional<NodeView> target = canvas.nodeAt(e.getSceneX(), e.getSceneY());
        if (from != null && target.isPresent() && target.get() != from) {
            vm.connect(from.nodeId(), target.get().nodeId());
        }
        canvas.render();
    }

    // ---- the background

    private void backgroundPressed(MouseEvent e) {
        if (e.isConsumed()) {
            return;
        }
        canvas.requestFocus();
        pressScene = new Point2D(e.getSceneX(), e.getSceneY());
        if (e.isShiftDown()) {
            bandSelect = true;
            Point2D p = canvas.world().sceneToLocal(e.getSceneX(), e.getSceneY());
            band = new Rectangle(p.getX(), p.getY(), 0, 0);
            band.getStyleClass().add("builder-band");
            canvas.overlay().getChildren().add(band);
        } else {
            bandSelect = false;
            panStart = canvas.panOffset();
            vm.selectedEdgeProperty().set(null);
            vm.selection().clear();
        }
    }

    private void backgroundDragged(MouseEvent e) {
        if (e.isConsumed() || pressScene == null || dragging != null || connecting != null) {
            return;
        }
        if (bandSelect && band != null) {
            Point2D a = canvas.world().sceneToLocal(pressScene.getX(), pressScene.getY());
            Point2D b = canvas.world().sceneToLocal(e.getSceneX(), e.getSceneY());
            band.setX(Math.min(a.getX(), b.getX()));
            band.setY(Math.min(a.getY(), b.getY()));
            band.setWidth(Math.abs(a.getX() - b.getX()));
            band.setHeight(Math.abs(a.getY() - b.getY()));
        } else if (panStart != null) {
            canvas.panTo(panStart.getX() + e.getSceneX() - pressScene.getX(),
                    panStart.getY() + e.getSceneY() - pressScene.getY());
        }
    }

    private void backgroundReleased(MouseEvent e) {
        if (e.isConsumed()) {
            return;
        }
        if (bandSelect && band != null) {
            Bounds r = band.getBoundsInParent();
            canvas.overlay().getChildren().remove(band);
            band = null;
            for (NodeView v : canvas.views()) {
                if (r.intersects(v.getBoundsInParent())) {
                    vm.selection().add(v.nodeId());
                }
            }
        }
        bandSelect = false;
        panStart = null;
        pressScene = null;
    }
}
