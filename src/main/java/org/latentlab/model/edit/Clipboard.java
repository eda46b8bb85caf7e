package org.latentlab.model.edit;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copied layers: the layer nodes of a selection and the connections among them (connections to nodes outside the
 * selection are not copied; input nodes are never copied). Immutable; paste it with {@link PasteEdit}.
 */
public record Clipboard(List<LayerNode> nodes, List<Edge> edges) {

    public static final Clipboard EMPTY = new Clipboard(List.of(), List.of());

    public Clipboard {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** Copies the layer nodes among {@code ids} (in graph order) with the connections among them. */
    public static Clipboard copy(ModelDesign design, Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        List<LayerNode> nodes = design.networks().values().stream().flatMap(g -> g.layers().stream())
                .filter(n -> wanted.contains(n.id())).toList();
        Set<String> copied = new HashSet<>();
        nodes.forEach(n -> copied.add(n.id()));
        List<Edge> edges = design.networks().values().stream().flatMap(g -> g.edges().stream())
                .filter(e -> copied.contains(e.from()) && copied.contains(e.to())).toList();
        return new Clipboard(nodes, edges);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }
}
