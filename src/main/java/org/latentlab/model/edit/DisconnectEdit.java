package org.latentlab.model.edit;

import org.latentlab.core.LabException;

/** Removes one connection. */
public final class DisconnectEdit extends DesignEdit {

    private final Edge edge;

    public DisconnectEdit(DesignDocument document, Edge edge) {
        super(document);
        this.edge = java.util.Objects.requireNonNull(edge, "edge");
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        Role r = roleOf(current, edge.from());
        NetworkGraph g = current.graph(r);
        if (!g.edges().contains(edge)) {
            throw new LabException(NetworkCheck.q(g.label(edge.from())) + " is not connected to "
                    + ConnectEdit.label(current, edge.to()));
        }
        return current.with(r, g.withoutEdge(edge));
    }

    @Override
    protected String describe(ModelDesign current) {
        return "Disconnect " + ConnectEdit.label(current, edge.from()) + " from "
                + ConnectEdit.label(current, edge.to());
    }
}
