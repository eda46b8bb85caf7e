package org.latentlab.model.edit;

import org.latentlab.core.LabException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pastes copied layers into one network, shifted by (dx, dy): every node gets a fresh id (fixed when the edit is
 * made, see {@link #pastedIds()}) and a name not yet used in that network (its own if free, else {@code name_2}...),
 * and the copied connections are made between the new nodes.
 */
public final class PasteEdit extends DesignEdit {

    private final Clipboard clipboard;
    private final Role role;
    private final double dx;
    private final double dy;
    private final Map<String, String> newIds = new LinkedHashMap<>();

    public PasteEdit(DesignDocument document, Clipboard clipboard, Role role, double dx, double dy) {
        super(document);
        this.clipboard = java.util.Objects.requireNonNull(clipboard, "clipboard");
        this.role = java.util.Objects.requireNonNull(role, "role");
        this.dx = dx;
        this.dy = dy;
        for (LayerNode n : clipboard.nodes()) {
            newIds.put(n.id(), document.newNodeId());
        }
    }

    /** Ids of the pasted nodes, in clipboard order (for selecting them after the paste). */
    public List<String> pastedIds() {
        return List.copyOf(newIds.values());
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        if (clipboard.isEmpty()) {
            throw new LabException("nothing to paste: copy some layers first");
        }
        NetworkGraph g = current.graph(role);
        Set<String> taken = new java.util.HashSet<>(g.layerNames());
        List<LayerNode> nodes = new ArrayList<>(g.layers());
        for (LayerNode n : clipboard.nodes()) {
            String name = GraphNodes.freshName(n.name(), taken);
            taken.add(name);
            nodes.add(new LayerNode(newIds.get(n.id()), name.equals(n.name()) ? n.layer()
                    : LayerProperties.require(n.layer(), "name", name), n.x() + dx, n.y() + dy));
        }
        List<Edge> edges = new ArrayList<>(g.edges());
        for (Edge e : clipboard.edges()) {
            edges.add(new Edge(newIds.get(e.from()), newIds.get(e.to())));
        }
        return current.with(role, new NetworkGraph(g.name(), g.input(), nodes, edges));
    }

    @Override
    protected String describe(ModelDesign current) {
        return clipboard.nodes().size() == 1 ? "Paste " + NetworkCheck.q(clipboard.nodes().get(0).name())
                : "Paste " + clipboard.nodes().size() + " layers";
    }
}
