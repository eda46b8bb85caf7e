package org.latentlab.model.edit;

import org.latentlab.model.LayerSpec;

/**
 * One layer on the canvas: a stable id (never changes, not even on rename; the canvas and the edits refer to nodes by
 * it), the layer's spec (which carries its name and parameters) and a position.
 */
public record LayerNode(String id, LayerSpec layer, double x, double y) {

    public LayerNode {
        GraphNodes.checkId(id);
        if (layer == null) {
            throw new IllegalArgumentException("node '" + id + "' needs a layer");
        }
        new Point(x, y);
    }

    /** The layer's name, as written in the network file and shown on the node. */
    public String name() {
        return layer.name();
    }

    public Point position() {
        return new Point(x, y);
    }

    public LayerNode withLayer(LayerSpec l) {
        return new LayerNode(id, l, x, y);
    }

    public LayerNode at(Point p) {
        return new LayerNode(id, layer, p.x(), p.y());
    }
}
