package org.latentlab.model.edit;

import org.latentlab.model.NetworkSpec;

/**
 * Replaces the network in one role by a network file (opening a single network into a design), laid out from where
 * the old network's input was.
 */
public final class ReplaceNetworkEdit extends DesignEdit {

    private final Role role;
    private final NetworkSpec spec;

    public ReplaceNetworkEdit(DesignDocument document, Role role, NetworkSpec spec) {
        super(document);
        this.role = java.util.Objects.requireNonNull(role, "role");
        this.spec = java.util.Objects.requireNonNull(spec, "spec");
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        NetworkGraph old = current.graph(role);
        return current.with(role, NetworkGraph.fromSpec(spec, role.id(), old.input().position()));
    }

    @Override
    protected String describe(ModelDesign current) {
        return "Open " + NetworkCheck.q(spec.name()) + " as the " + role.id();
    }
}
