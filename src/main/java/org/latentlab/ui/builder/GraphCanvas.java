package org.latentlab.ui.builder;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.latentlab.model.edit.Diagnostic;
import org.latentlab.model.edit.DesignCheck;
import org.latentlab.model.edit.Edge;
import org.latentlab.model.edit.LayerNode;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.NetworkCheck;
import org.latentlab.model.edit.NetworkGraph;
import org.latentlab.model.edit.Point;
import org.latentlab.model.edit.Role;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The builder's canvas: renders the design (one row per network, its role written above it) and keeps the view of
 * it: the wheel zooms around the pointer, Fit shows it all, a note says when part of it lies outside. Clicking an
 * edge selects it (Delete removes it); the other gestures are {@link CanvasGestures}'. Only renders and dispatches:
 * the design changes through the view model's edits, and the canvas redraws from the new snapshot.
 */
final class GraphCanvas extends Region {

    private final BuilderViewModel vm;
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group overlay = new Group();
    private final Scale scale = new Scale(1, 1);
    private final Translate pan = new Translate(40, 50);
    private final Rectangle clip = new Rectangle();
    private final Map<String, NodeView> views = new HashMap<>();
    private final CanvasGestures gestures;

    GraphCanvas(BuilderViewModel vm) {
        this.vm = vm;
        getStyleClass().add("builder-canvas");
        setId("builder-canvas");
        setFocusTraversable(true);
        world.getTransforms().addAll(pan, scale);
        world.getChildren().addAll(edgeLayer, nodeLayer, overlay);
        getChildren().add(world);
        setClip(clip);
        layoutBoundsProperty().addListener((o, a, b) -> {
            clip.setWidth(b.getWidth());
            clip.setHeight(b.getHeight());
        });
        gestures = new CanvasGestures(this, vm);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            double factor = e.getDeltaY() > 0 ? 1.1 : 1 / 1.1;
            zoomAt(factor, e.getX(), e.getY());
            e.consume();
        });
        vm.designProperty().addListener((o, a, d) -> render());
        vm.selectedEdgeProperty().addListener((o, a, e) -> render());
        vm.selection().addListener((javafx.collections.SetChangeListener<String>) c -> refreshSelection());
        render();
    }

    // ---- coordinates

    /** A point of the scene in canvas (design) units. */
    Point toWorld(double sceneX, double sceneY) {
        Point2D p = world.sceneToLocal(sceneX, sceneY);
        return new Point(Math.round(p.getX()), Math.round(p.getY()));
    }

    boolean containsScene(double sceneX, double sceneY) {
        Point2D p = sceneToLocal(sceneX, sceneY);
        return p != null && getLayoutBounds().contains(p);
    }

    double zoom() {
        return scale.getX();
    }

    /** Where the design's origin is on the canvas, in pixels. */
    Point2D panOffset() {
        return new Point2D(pan.getX(), pan.getY());
    }

    /** Pans the design's origin to a point of the canvas; the person takes over the view. */
    void panTo(double x, double y) {
        if (cutHint != null) {
            setCutHint(false);
        }
        pan.setX(x);
        pan.setY(y);
    }

    /** The group the design is drawn in (its coordinates are the design's). */
    Group world() {
        return world;
    }

    /** Drawn over the design: a connection being dragged, the selection rectangle. */
    Group overlay() {
        return overlay;
    }

    void zoomAt(double factor, double x, double y) {
        if (cutHint != null) {
            setCutHint(false); // the person takes over the view
        }
        double next = Math.max(MIN_SCALE, Math.min(3, scale.getX() * factor));
        double f = next / scale.getX();
        pan.setX(x - (x - pan.getX()) * f);
        pan.setY(y - (y - pan.getY()) * f);
        scale.setX(next);
        scale.setY(next);
    }

    /**
     * The smallest scale an automatic fit goes down to: node text stays readable (the 11 px type and shape lines
     * at about 8 px, the 13 px name at about 10 px, where a fit of a wide template gave about 5 px). A design too large for the canvas at this scale is shown from
     * its top-left corner, with a hint that more lies outside.
     */
    static final double READABLE_SCALE = 0.75;

    /** The smallest zoom at all (the wheel, {@link #fitAll()}). */
    static final double MIN_SCALE = 0.2;

    /**
     * Zooms and pans so that the design fits the canvas, but never below {@link #READABLE_SCALE} (after a template,
     * Open or Arrange). Returns true when the whole design is in view.
     */
    boolean fit() {
        return fit(READABLE_SCALE);
    }

    /** Zooms and pans so that the whole design fits the canvas however small its text gets (Fit, Ctrl+0). */
    void fitAll() {
        fit(MIN_SCALE);
    }

    private boolean fit(double floor) {
        Bounds b = nodeLayer.getLayoutBounds();
        double w = getWidth() > 0 ? getWidth() : getPrefWidth();
        double h = getHeight() > 0 ? getHeight() : getPrefHeight();
        if (b.isEmpty() || w <= 0 || h <= 0) {
            return true;
        }
        double margin = 40;
        double whole = Math.min(1.2, Math.min((w - 2 * margin) / b.getWidth(), (h - 2 * margin) / (b.getHeight() + 30)));
        double s = Math.max(floor, Math.max(MIN_SCALE, whole));
        scale.setX(s);
        scale.setY(s);
        pan.setX(margin - b.getMinX() * s + Math.max(0, (w - 2 * margin - b.getWidth() * s) / 2));
        pan.setY(margin + 30 * s - b.getMinY() * s);
        boolean all = s <= whole + 1e-9;
        setCutHint(!all);
        return all;
    }

    private Label cutHint;

    /** Shows (or hides) the note that part of the design lies outside the canvas. */
    private void setCutHint(boolean show) {
        if (show && cutHint == null) {
            cutHint = new Label("More of the design lies outside: drag the background to pan, or press Fit (Ctrl+0)"
                    + " to see all of it at a smaller size.");
            cutHint.setId("builder-canvas-hint");
            cutHint.getStyleClass().add("canvas-hint");
            cutHint.setMouseTransparent(true);
            getChildren().add(cutHint);
        } else if (!show && cutHint != null) {
            getChildren().remove(cutHint);
            cutHint = null;
        }
        requestLayout();
    }

    /** True while the note that part of the design lies outside the canvas is shown (tests). */
    boolean cutHintShown() {
        return cutHint != null;
    }

    // ---- a palette entry dragged over the canvas

    private Label ghost;

    /** Shows a dragged palette entry at a scene point (hidden outside the canvas). */
    void showGhost(String text, double sceneX, double sceneY) {
        if (ghost == null) {
            ghost = new Label(text);
            ghost.getStyleClass().add("palette-ghost");
            ghost.setMouseTransparent(true);
            getChildren().add(ghost);
        }
        Point2D p = sceneToLocal(sceneX, sceneY);
        ghost.resizeRelocate(p.getX() + 6, p.getY() + 6, ghost.prefWidth(-1), ghost.prefHeight(-1));
        ghost.setVisible(containsScene(sceneX, sceneY));
    }

    /** Removes the ghost; true when a palette drag was under way. */
    boolean hideGhost() {
        if (ghost == null) {
            return false;
        }
        getChildren().remove(ghost);
        ghost = null;
        return true;
    }

    // ---- rendering

    void render() {
        ModelDesign d = vm.designProperty().get();
        DesignCheck check = vm.checkProperty().get();
        if (d == null || check == null) {
            return;
        }
        views.clear();
        nodeLayer.getChildren().clear();
        edgeLayer.getChildren().clear();
        Set<String> selected = new HashSet<>(vm.selection());
        for (Role role : d.family().roles()) {
            NetworkGraph g = d.graph(role);
            NetworkCheck nc = check.network(role);
            Label caption = new Label(role.id() + (role.networkName().equals(role.id()) ? ""
                    : " (" + role.networkName() + ")") + (g.name().equals(role.networkName()) ? "" : " · " + g.name()));
            caption.getStyleClass().add("network-caption");
            caption.setLayoutX(g.input().x());
            caption.setLayoutY(g.input().y() - 30);
            caption.setMouseTransparent(true);
            nodeLayer.getChildren().add(caption);
            NodeView in = new NodeView(g.input().id(), "input", inputKind(d.family(), role) + g.input().shape(),
                    Optional.of(g.input().shape()), true, check.diagnosticsFor(g.input().id()),
                    selected.contains(g.input().id()));
            place(in, g.input().x(), g.input().y());
            for (LayerNode n : g.layers()) {
                NodeView v = new NodeView(n.id(), n.name(), NodeView.describe(n.layer()), nc.shape(n.id()), false,
                        check.diagnosticsFor(n.id()), selected.contains(n.id()));
                place(v, n.x(), n.y());
            }
            for (Edge e : g.edges()) {
                drawEdge(e, check.diagnosticsFor(e));
            }
        }
        WiringLayer.draw(d, views, nodeLayer, edgeLayer);
    }

    private static String inputKind(org.latentlab.model.edit.ModelFamily family, Role role) {
        if (family == org.latentlab.model.edit.ModelFamily.CYCLEGAN) {
            return role == Role.GENERATOR ? "domain A: " : "domain B: ";
        }
        if (family == org.latentlab.model.edit.ModelFamily.AAE && role == Role.DISCRIMINATOR) {
            return "code: ";
        }
        if (family == org.latentlab.model.edit.ModelFamily.CGAN) {
            return role == Role.GENERATOR ? "noise ⊕ label: " : "data ⊕ label: ";
        }
        if (family == org.latentlab.model.edit.ModelFamily.INFOGAN && role == Role.GENERATOR) {
            return "noise ⊕ codes: ";
        }
        if (family == org.latentlab.model.edit.ModelFamily.BIGAN && role == Role.DISCRIMINATOR) {
            return "data ⊕ code: ";
        }
        return switch (role) {
            case GENERATOR -> "noise z: ";
            case DECODER -> "code: ";
            case RBM -> "visible units: ";
            default -> "data: ";
        };
    }

    private void refreshSelection() {
        for (NodeView v : views.values()) {
            v.setSelected(vm.selection().contains(v.nodeId()));
        }
    }

    private void place(NodeView v, double x, double y) {
        v.setLayoutX(x);
        v.setLayoutY(y);
        views.put(v.nodeId(), v);
        nodeLayer.getChildren().add(v);
        gestures.attach(v);
    }

    private void drawEdge(Edge e, List<Diagnostic> problems) {
        NodeView from = views.get(e.from());
        NodeView to = views.get(e.to());
        if (from == null || to == null) {
            return;
        }
        double x1 = from.getLayoutX() + NodeView.WIDTH + NodeView.PORT;
        double y1 = from.getLayoutY() + NodeView.HEIGHT / 2;
        double x2 = to.getLayoutX() - NodeView.PORT;
        double y2 = to.getLayoutY() + NodeView.HEIGHT / 2;
        double bend = Math.max(40, Math.abs(x2 - x1) / 2);
        CubicCurve c = new CubicCurve(x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2);
        c.getStyleClass().add("builder-edge");
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            c.getStyleClass().add("edge-error");
            javafx.scene.control.Tooltip.install(c, new javafx.scene.control.Tooltip(problems.stream()
                    .map(Diagnostic::message).reduce((a, b) -> a + "\n" + b).orElse("")));
        }
        if (e.equals(vm.selectedEdgeProperty().get())) {
            c.getStyleClass().add("edge-selected");
        }
        c.getProperties().put("edge", e);
        c.addEventHandler(MouseEvent.MOUSE_PRESSED, ev -> {
            vm.selectEdge(e);
            requestFocus();
            ev.consume();
        });
        edgeLayer.getChildren().add(c);
    }

    NodeView view(String nodeId) {
        return views.get(nodeId);
    }

    /** The nodes drawn now. */
    Collection<NodeView> views() {
        return views.values();
    }

    /** The node under a scene point (its box or its ports). */
    Optional<NodeView> nodeAt(double sceneX, double sceneY) {
        for (NodeView v : views.values()) {
            Point2D p = v.sceneToLocal(sceneX, sceneY);
            if (p != null && p.getX() >= -2 * NodeView.PORT && p.getX() <= NodeView.WIDTH + 2 * NodeView.PORT
                    && p.getY() >= 0 && p.getY() <= NodeView.HEIGHT) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    protected void layoutChildren() {
        // the world group is placed by its transforms, not by layout
        if (cutHint != null) {
            cutHint.autosize();
            cutHint.relocate(8, getHeight() - cutHint.getHeight() - 6);
        }
    }

    List<Node> nodeViews() {
        return List.copyOf(views.values());
    }
}
