package org.latentlab.model.edit;

import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A network as the builder edits it: an input node, layer nodes and edges between their ports. An immutable
 * snapshot: every change returns a new graph, so two graphs are equal exactly when they have the same nodes (ids,
 * layers, positions) in the same order and the same edges, and an undo can hand back the very snapshot it replaced.
 *
 * <p>The constructor enforces only what no editing state may break: ids unique, layer names unique, edges between
 * existing nodes, nothing into the input node, no edge twice. Everything a person passes through while editing
 * (loose layers, cycles, two inputs into one layer, shapes that do not fit) is allowed here and reported by
 * {@link NetworkCheck}, which also turns a valid graph back into the {@link NetworkSpec} that experiment files hold.
 */
public record NetworkGraph(String name, InputNode input, List<LayerNode> layers, List<Edge> edges) {

    public NetworkGraph {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a network needs a name");
        }
        if (input == null) {
            throw new IllegalArgumentException("network '" + name + "' needs an input node");
        }
        layers = List.copyOf(layers);
        edges = List.copyOf(edges);
        Set<String> ids = new HashSet<>();
        ids.add(input.id());
        Set<String> names = new HashSet<>();
        for (LayerNode n : layers) {
            if (!ids.add(n.id())) {
                throw new IllegalArgumentException("network '" + name + "' has two nodes with id '" + n.id() + "'");
            }
            if (!names.add(n.name())) {
                throw new IllegalArgumentException("network '" + name + "' has two layers named '" + n.name()
                        + "': rename one of them");
            }
        }
        Set<Edge> seen = new HashSet<>();
        for (Edge e : edges) {
            if (!ids.contains(e.from()) || !ids.contains(e.to())) {
                throw new IllegalArgumentException("network '" + name + "': edge " + e + " joins a node that is not"
                        + " in it");
            }
            if (e.to().equals(input.id())) {
                throw new IllegalArgumentException("network '" + name + "': nothing can connect into the input");
            }
            if (!seen.add(e)) {
                throw new IllegalArgumentException("network '" + name + "' has the connection " + e + " twice");
            }
        }
    }

    /**
     * The graph of a network file: the input node at {@code origin} and its layers left to right in a chain. Node
     * ids are {@code idPrefix} for the input and {@code idPrefix/<layer name>} for the layers.
     */
    public static NetworkGraph fromSpec(NetworkSpec spec, String idPrefix, Point origin) {
        InputNode in = new InputNode(idPrefix, spec.input(), origin.x(), origin.y());
        List<LayerNode> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String previous = in.id();
        for (LayerSpec l : spec.layers()) {
            LayerNode node = new LayerNode(idPrefix + "/" + l.name(), l, origin.x(), origin.y());
            nodes.add(node);
            edges.add(new Edge(previous, node.id()));
            previous = node.id();
        }
        NetworkGraph chain = new NetworkGraph(spec.name(), in, nodes, edges);
        return chain.withPositions(AutoLayout.arrange(chain, origin));
    }

    /** The network file this graph stands for; a {@link org.latentlab.core.LabException} saying why if invalid. */
    public NetworkSpec toSpec() {
        return NetworkCheck.of(this).requireSpec();
    }

    // ---- queries ----

    /** Whether a node (input or layer) has this id. */
    public boolean contains(String id) {
        return input.id().equals(id) || layer(id).isPresent();
    }

    public Optional<LayerNode> layer(String id) {
        for (LayerNode n : layers) {
            if (n.id().equals(id)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    public Optional<LayerNode> layerNamed(String layerName) {
        return layers.stream().filter(n -> n.name().equals(layerName)).findFirst();
    }

    /** The name a person sees: the layer's name, or {@code input} for the input node. */
    public String label(String id) {
        if (input.id().equals(id)) {
            return "input";
        }
        return layer(id).map(LayerNode::name).orElse(id);
    }

    public Point position(String id) {
        if (input.id().equals(id)) {
            return input.position();
        }
        return layer(id).map(LayerNode::position)
                .orElseThrow(() -> new IllegalArgumentException("network '" + name + "' has no node '" + id + "'"));
    }

    public Set<String> layerNames() {
        Set<String> names = new LinkedHashSet<>();
        layers.forEach(n -> names.add(n.name()));
        return names;
    }

    /** Ids of all nodes, the input first. */
    public List<String> nodeIds() {
        List<String> ids = new ArrayList<>(layers.size() + 1);
        ids.add(input.id());
        layers.forEach(n -> ids.add(n.id()));
        return ids;
    }

    public List<Edge> incoming(String id) {
        return edges.stream().filter(e -> e.to().equals(id)).toList();
    }

    public List<Edge> outgoing(String id) {
        return edges.stream().filter(e -> e.from().equals(id)).toList();
    }

    /** The network as its spec reads ({@code G: 2 -> dense 128 relu -> ...}) when valid, else a count of parts. */
    @Override
    public String toString() {
        return NetworkCheck.of(this).spec().map(NetworkSpec::toString).orElse(name + ": " + layers.size()
                + " layers, " + edges.size() + " connections (not a valid chain)");
    }

    // ---- changes (each returns a new graph) ----

    public NetworkGraph withLayer(LayerNode node) {
        List<LayerNode> nodes = new ArrayList<>(layers);
        nodes.add(node);
        return new NetworkGraph(name, input, nodes, edges);
    }

    /** The node with the same id replaced by {@code node}. */
    public NetworkGraph withLayerReplaced(LayerNode node) {
        List<LayerNode> nodes = new ArrayList<>(layers.size());
        boolean found = false;
        for (LayerNode n : layers) {
            if (n.id().equals(node.id())) {
                nodes.add(node);
                found = true;
            } else {
                nodes.add(n);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("network '" + name + "' has no layer '" + node.id() + "'");
        }
        return new NetworkGraph(name, input, nodes, edges);
    }

    /** Without the given layer nodes and every edge touching them. */
    public NetworkGraph withoutLayers(Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        return new NetworkGraph(name, input,
                layers.stream().filter(n -> !gone.contains(n.id())).toList(),
                edges.stream().filter(e -> !gone.contains(e.from()) && !gone.contains(e.to())).toList());
    }

    public NetworkGraph withEdge(Edge e) {
        List<Edge> list = new ArrayList<>(edges);
        list.add(e);
        return new NetworkGraph(name, input, layers, list);
    }

    public NetworkGraph withoutEdge(Edge e) {
        if (!edges.contains(e)) {
            throw new IllegalArgumentException("network '" + name + "' has no connection " + e);
        }
        return new NetworkGraph(name, input, layers, edges.stream().filter(x -> !x.equals(e)).toList());
    }

    public NetworkGraph withInputShape(Shape shape) {
        return new NetworkGraph(name, input.withShape(shape), layers, edges);
    }

    /** Nodes moved to the given positions (ids not in this graph are ignored, missing ids stay where they are). */
    public NetworkGraph withPositions(Map<String, Point> positions) {
        InputNode in = positions.containsKey(input.id()) ? input.at(positions.get(input.id())) : input;
        List<LayerNode> nodes = layers.stream()
                .map(n -> positions.containsKey(n.id()) ? n.at(positions.get(n.id())) : n)
                .toList();
        return new NetworkGraph(name, in, nodes, edges);
    }
}
