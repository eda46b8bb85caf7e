package org.latentlab.model.edit;

import org.latentlab.core.LabException;

/**
 * Connects the output port of one node to the input port of another in the same network. Refused: a node that is
 * not there, nodes in two networks (the networks of a design are joined by their roles, not by wires), a connection
 * into an input node, a connection that already exists. Allowed, and then flagged by {@link NetworkCheck}: cycles,
 * a second connection into a layer, a second one out of a node.
 */
public final class ConnectEdit extends DesignEdit {

    private final String from;
    private final String to;

    public ConnectEdit(DesignDocument document, String from, String to) {
        super(document);
        this.from = java.util.Objects.requireNonNull(from, "from");
        this.to = java.util.Objects.requireNonNull(to, "to");
    }

    public Edge edge() {
        return new Edge(from, to);
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        Role a = roleOf(current, from);
        Role b = roleOf(current, to);
        NetworkGraph g = current.graph(a);
        if (a != b) {
            throw new LabException(NetworkCheck.q(g.label(from)) + " is in " + NetworkCheck.q(g.name()) + " and "
                    + NetworkCheck.q(current.graph(b).label(to)) + " in " + NetworkCheck.q(current.graph(b).name())
                    + ": layers connect within one network; the networks are joined by their roles");
        }
        if (g.input().id().equals(to)) {
            throw new LabException("nothing can connect into the input of " + NetworkCheck.q(g.name())
                    + ": it is where the network starts");
        }
        if (g.edges().contains(edge())) {
            throw new LabException(NetworkCheck.q(g.label(from)) + " is already connected to "
                    + NetworkCheck.q(g.label(to)));
        }
        return current.with(a, g.withEdge(edge()));
    }

    @Override
    protected String describe(ModelDesign current) {
        return "Connect " + label(current, from) + " to " + label(current, to);
    }

    /** {@code 'g1'}: a node's name in quotes (or its id while it does not exist yet). */
    static String label(ModelDesign d, String id) {
        return NetworkCheck.q(d.roleOf(id).map(r -> d.graph(r).label(id)).orElse(id));
    }
}
