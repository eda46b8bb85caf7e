package org.latentlab.model.edit;

import org.latentlab.model.Activation;
import org.latentlab.model.Padding;

/**
 * Sets one parameter of a layer (the property sheet's edit): the node's layer is replaced by a copy with that
 * parameter changed. A value the layer refuses (see {@link LayerProperties#with}) is refused with its reason and
 * never stored; setting {@code name} follows the rules of {@link RenameLayerEdit}.
 */
public final class SetLayerPropertyEdit extends DesignEdit {

    private final String nodeId;
    private final String property;
    private final Object value;

    public SetLayerPropertyEdit(DesignDocument document, String nodeId, String property, Object value) {
        super(document);
        this.nodeId = nodeId;
        this.property = property;
        this.value = value;
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        if ("name".equals(property)) {
            return RenameLayerEdit.rename(current, nodeId, value);
        }
        LayerNode n = layerNode(current, nodeId);
        Role r = roleOf(current, nodeId);
        return current.with(r, current.graph(r).withLayerReplaced(n.withLayer(LayerProperties.require(n.layer(),
                property, value))));
    }

    @Override
    protected String describe(ModelDesign current) {
        return "Set " + property + " of " + ConnectEdit.label(current, nodeId) + " to " + show(value);
    }

    private static String show(Object v) {
        if (v instanceof Activation a) {
            return a.id();
        } else if (v instanceof Padding p) {
            return p.id();
        }
        return String.valueOf(v);
    }
}
