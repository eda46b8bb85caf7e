package org.latentlab.model.edit;

import org.latentlab.model.LayerSpec;

import java.util.Objects;

/**
 * Adds a layer to one network of the design, unconnected, at a position. Its node id is fixed when the edit is made
 * ({@link #nodeId()}), so that a {@link CompositeEdit} can connect it; its name is the layer's name, or, when that
 * is taken in the network, the first free {@code name_2}, {@code name_3}...
 */
public final class AddLayerEdit extends DesignEdit {

    private final Role role;
    private final LayerSpec layer;
    private final Point at;
    private final String nodeId;

    public AddLayerEdit(DesignDocument document, Role role, LayerSpec layer, Point at) {
        super(document);
        this.role = Objects.requireNonNull(role, "role");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.at = Objects.requireNonNull(at, "position");
        this.nodeId = document.newNodeId();
    }

    /** Adds a new layer of a palette entry's kind with its defaults. */
    public AddLayerEdit(DesignDocument document, Role role, Palette.Entry entry, Point at) {
        this(document, role, entry.prototype(), at);
    }

    /** The id the new node has. */
    public String nodeId() {
        return nodeId;
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        NetworkGraph g = current.graph(role);
        String name = GraphNodes.freshName(layer.name(), g.layerNames());
        LayerSpec named = name.equals(layer.name()) ? layer : LayerProperties.require(layer, "name", name);
        return current.with(role, g.withLayer(new LayerNode(nodeId, named, at.x(), at.y())));
    }

    @Override
    protected String describe(ModelDesign current) {
        return "Add " + layer.type();
    }
}
