package org.latentlab.model.edit;

import org.latentlab.core.LabException;

/** Renames a layer; the name must be unique in its network and not blank. The node keeps its id. */
public final class RenameLayerEdit extends DesignEdit {

    private final String nodeId;
    private final String name;

    public RenameLayerEdit(DesignDocument document, String nodeId, String name) {
        super(document);
        this.nodeId = nodeId;
        this.name = name;
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        return rename(current, nodeId, name);
    }

    @Override
    protected String describe(ModelDesign current) {
        return "Rename " + ConnectEdit.label(current, nodeId) + " to " + NetworkCheck.q(String.valueOf(name));
    }

    static ModelDesign rename(ModelDesign current, String nodeId, Object value) {
        LayerNode n = layerNode(current, nodeId);
        Role r = roleOf(current, nodeId);
        NetworkGraph g = current.graph(r);
        if (n.name().equals(value)) {
            return current;
        }
        if (value instanceof String s && g.layerNames().contains(s)) {
            throw new LabException(NetworkCheck.q(g.name()) + " already has a layer named " + NetworkCheck.q(s)
                    + ": choose another name");
        }
        return current.with(r, g.withLayerReplaced(n.withLayer(LayerProperties.require(n.layer(), "name",
                value))));
    }
}
