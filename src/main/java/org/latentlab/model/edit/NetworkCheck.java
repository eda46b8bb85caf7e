package org.latentlab.model.edit;

import org.latentlab.core.LabException;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the builder knows about one network graph: the shape every node outputs where it can be inferred (for the
 * labels on the canvas, even while other parts are broken), the problems found, each attached to its nodes and
 * edges, and, when there is no error, the {@link NetworkSpec} the graph stands for.
 *
 * <p>A graph is valid when its nodes form one chain from the input to a single last layer (the lab's networks are
 * sequential) and every layer takes the shape it receives. Shapes are inferred along the edges in topological order;
 * a layer whose shape cannot be inferred (it sits behind a cycle, a merge, a loose end or another shape error) gets
 * no shape and no message of its own, so that one mistake gives one message.
 */
public final class NetworkCheck {

    private final NetworkGraph graph;
    private final Map<String, Shape> shapes;
    private final List<Diagnostic> diagnostics;
    private final NetworkSpec spec;
    private final String outputNode;

    private NetworkCheck(NetworkGraph graph, Map<String, Shape> shapes, List<Diagnostic> diagnostics, NetworkSpec spec,
                         String outputNode) {
        this.graph = graph;
        this.shapes = Collections.unmodifiableMap(shapes);
        this.diagnostics = List.copyOf(diagnostics);
        this.spec = spec;
        this.outputNode = outputNode;
    }

    /** Checks a graph. */
    public static NetworkCheck of(NetworkGraph g) {
        String net = g.name();
        List<Diagnostic> found = new ArrayList<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put(g.input().id(), g.input().shape());
        if (g.layers().isEmpty()) {
            found.add(Diagnostic.error(Diagnostic.Code.EMPTY, net, "the network is empty: drag a layer from the"
                    + " palette and connect the input to it", List.of(g.input().id()), List.of()));
            return new NetworkCheck(g, shapes, found, null, null);
        }
        for (LayerNode n : g.layers()) {
            boolean in = !g.incoming(n.id()).isEmpty();
            boolean out = !g.outgoing(n.id()).isEmpty();
            if (!in && !out) {
                found.add(Diagnostic.error(Diagnostic.Code.DISCONNECTED, net, q(n.name()) + " is not connected:"
                        + " connect it into the chain or delete it", List.of(n.id()), List.of()));
            } else if (!in) {
                found.add(Diagnostic.error(Diagnostic.Code.DANGLING_INPUT, net, "nothing is connected to the input of "
                        + q(n.name()) + ": connect the layer before it (or the input) to it", List.of(n.id()),
                        List.of()));
            }
        }
        if (g.outgoing(g.input().id()).isEmpty()) {
            found.add(Diagnostic.error(Diagnostic.Code.INPUT_UNCONNECTED, net, "the input (" + g.input().shape()
                    + ") feeds no layer: connect it to the first layer", List.of(g.input().id()), List.of()));
        }
        found.addAll(cycles(g));
        for (LayerNode n : g.layers()) {
            List<Edge> into = g.incoming(n.id());
            if (into.size() > 1) {
                found.add(Diagnostic.error(Diagnostic.Code.MERGE_UNSUPPORTED, net, q(n.name()) + " receives "
                        + into.size() + " inputs (" + labels(g, into.stream().map(Edge::from).toList()) + "), but a "
                        + n.layer().type() + " layer takes one: merging (concat) is not supported, remove all but"
                        + " one of these connections", List.of(n.id()), into));
            }
        }
        String output = null;
        List<String> reached = reachable(g);
        List<String> sinks = reached.stream().filter(id -> !id.equals(g.input().id()))
                .filter(id -> g.outgoing(id).isEmpty()).toList();
        if (reached.size() > 1 && sinks.isEmpty()) {
            found.add(Diagnostic.error(Diagnostic.Code.NO_OUTPUT, net, "the network has no output: every layer the"
                    + " input reaches feeds another one; break the cycle so that the chain ends in one layer",
                    reached.subList(1, reached.size()), List.of()));
        } else if (sinks.size() > 1) {
            found.add(Diagnostic.error(Diagnostic.Code.MULTIPLE_OUTPUTS, net, "the network ends in " + sinks.size()
                    + " layers (" + labels(g, sinks) + "): a network has one output, remove or reconnect the extra"
                    + " branch", sinks, List.of()));
        } else if (sinks.size() == 1) {
            output = sinks.get(0);
        }
        inferShapes(g, shapes, found);
        NetworkSpec spec = null;
        if (found.stream().noneMatch(Diagnostic::isError)) {
            List<LayerNode> chain = chain(g);
            if (chain.stream().allMatch(n -> n.layer() instanceof LayerSpec.Reshape
                    || n.layer() instanceof LayerSpec.Flatten)) {
                found.add(Diagnostic.error(Diagnostic.Code.NO_COMPUTING_LAYER, net, "the network only reshapes or"
                        + " flattens (" + labels(g, chain.stream().map(LayerNode::id).toList()) + "): add a layer"
                        + " that computes, such as dense or conv2d", chain.stream().map(LayerNode::id).toList(),
                        List.of()));
            } else {
                spec = new NetworkSpec(net, g.input().shape(), chain.stream().map(LayerNode::layer).toList());
            }
        }
        return new NetworkCheck(g, shapes, found, spec, output);
    }

    // ---- results ----

    public NetworkGraph graph() {
        return graph;
    }

    /** Every problem found, in a stable order (structure first, then shapes). */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** True when the graph can be built: no error (there are no warnings at this level). */
    public boolean isValid() {
        return spec != null;
    }

    /** The network file this graph stands for, when it is valid. */
    public Optional<NetworkSpec> spec() {
        return Optional.ofNullable(spec);
    }

    /** The spec, or a {@link LabException} with the first problems. */
    public NetworkSpec requireSpec() {
        if (spec == null) {
            List<Diagnostic> errors = errors();
            String first = errors.stream().limit(3).map(Diagnostic::message).collect(Collectors.joining("; "));
            throw new LabException("network '" + graph.name() + "' cannot be built: " + first
                    + (errors.size() > 3 ? " (and " + (errors.size() - 3) + " more)" : ""));
        }
        return spec;
    }

    /** The shape a node outputs (for the input node, its shape), when it could be inferred. */
    public Optional<Shape> shape(String nodeId) {
        return Optional.ofNullable(shapes.get(nodeId));
    }

    /** Shapes of every node whose output shape is known, by node id. */
    public Map<String, Shape> shapes() {
        return shapes;
    }

    /** The shape a layer receives: its one source's output shape, when known. */
    public Optional<Shape> inputShape(String nodeId) {
        List<Edge> into = graph.incoming(nodeId);
        return into.size() == 1 ? shape(into.get(0).from()) : Optional.empty();
    }

    /** The id of the last layer, when the input reaches exactly one (also while other parts are broken). */
    public Optional<String> outputNode() {
        return Optional.ofNullable(outputNode);
    }

    public List<Diagnostic> diagnosticsFor(String nodeId) {
        return diagnostics.stream().filter(d -> d.nodes().contains(nodeId)).toList();
    }

    public List<Diagnostic> diagnosticsFor(Edge edge) {
        return diagnostics.stream().filter(d -> d.edges().contains(edge)).toList();
    }

    // ---- the checks ----

    private static void inferShapes(NetworkGraph g, Map<String, Shape> shapes, List<Diagnostic> found) {
        Map<String, Integer> indegree = new HashMap<>();
        g.nodeIds().forEach(id -> indegree.put(id, 0));
        g.edges().forEach(e -> indegree.merge(e.to(), 1, Integer::sum));
        Deque<String> ready = new ArrayDeque<>();
        g.nodeIds().stream().filter(id -> indegree.get(id) == 0).forEach(ready::add);
        while (!ready.isEmpty()) {
            String id = ready.poll();
            if (!id.equals(g.input().id())) {
                LayerNode n = g.layer(id).orElseThrow();
                List<Edge> into = g.incoming(id);
                Shape in = into.size() == 1 ? shapes.get(into.get(0).from()) : null;
                if (in != null) {
                    try {
                        shapes.put(id, n.layer().outputShape(in));
                    } catch (IllegalArgumentException e) {
                        found.add(shapeProblem(g.name(), n, in, e.getMessage(), into));
                    }
                }
            }
            for (Edge e : g.outgoing(id)) {
                if (indegree.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
    }

    private static Diagnostic shapeProblem(String net, LayerNode n, Shape in, String why, List<Edge> into) {
        String who = q(n.name()) + " (" + n.layer().type() + ")";
        if (n.layer() instanceof LayerSpec.Conv2D c && c.padding() == Padding.VALID && in.isImage()
                && (in.height() < c.kernel() || in.width() < c.kernel())) {
            return Diagnostic.error(Diagnostic.Code.ZERO_SIZE, net, who + " would output nothing: " + why,
                    List.of(n.id()), into);
        }
        return Diagnostic.error(Diagnostic.Code.SHAPE_MISMATCH, net, who + ": " + why, List.of(n.id()), into);
    }

    /** One diagnostic per strongly connected group of nodes that contains a cycle, naming one cycle in it. */
    private static List<Diagnostic> cycles(NetworkGraph g) {
        List<String> ids = g.nodeIds();
        Map<String, Set<String>> reach = new HashMap<>();
        for (String id : ids) {
            reach.put(id, reachableFrom(g, id));
        }
        List<Diagnostic> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String id : ids) {
            if (done.contains(id) || !reach.get(id).contains(id)) {
                continue;
            }
            Set<String> group = new HashSet<>();
            for (String other : ids) {
                if (reach.get(id).contains(other) && reach.get(other).contains(id)) {
                    group.add(other);
                }
            }
            done.addAll(group);
            List<String> cycle = cycleThrough(g, id, group);
            List<Edge> edges = new ArrayList<>();
            for (int i = 0; i < cycle.size(); i++) {
                edges.add(new Edge(cycle.get(i), cycle.get((i + 1) % cycle.size())));
            }
            String path = cycle.stream().map(c -> q(g.label(c))).collect(Collectors.joining(" -> "))
                    + " -> " + q(g.label(cycle.get(0)));
            out.add(Diagnostic.error(Diagnostic.Code.CYCLE, g.name(), path + " is a cycle: data flow forward only,"
                    + " remove one of these connections", cycle, edges));
        }
        return out;
    }

    /** A shortest cycle from {@code start} back to itself inside {@code group} (breadth first). */
    private static List<String> cycleThrough(NetworkGraph g, String start, Set<String> group) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String u = queue.poll();
            for (Edge e : g.outgoing(u)) {
                if (e.to().equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String v = u; !v.equals(start); v = parent.get(v)) {
                        path.add(0, v);
                    }
                    path.add(0, start);
                    return path;
                }
                if (group.contains(e.to()) && !parent.containsKey(e.to())) {
                    parent.put(e.to(), u);
                    queue.add(e.to());
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    /** Nodes reachable from {@code id} by one or more edges. */
    private static Set<String> reachableFrom(NetworkGraph g, String id) {
        Set<String> seen = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(id);
        while (!stack.isEmpty()) {
            for (Edge e : g.outgoing(stack.pop())) {
                if (seen.add(e.to())) {
                    stack.push(e.to());
                }
            }
        }
        return seen;
    }

    /** The input and every node it reaches, in graph order. */
    private static List<String> reachable(NetworkGraph g) {
        Set<String> r = reachableFrom(g, g.input().id());
        List<String> out = new ArrayList<>();
        out.add(g.input().id());
        g.layers().stream().map(LayerNode::id).filter(r::contains).forEach(out::add);
        return out;
    }

    /** The layers from the input to the output, for a graph with no structural error. */
    private static List<LayerNode> chain(NetworkGraph g) {
        List<LayerNode> out = new ArrayList<>();
        String current = g.input().id();
        while (true) {
            List<Edge> next = g.outgoing(current);
            if (next.isEmpty()) {
                return out;
            }
            current = next.get(0).to();
            out.add(g.layer(current).orElseThrow());
        }
    }

    private static String labels(NetworkGraph g, List<String> ids) {
        return ids.stream().map(id -> q(g.label(id))).collect(Collectors.joining(", "));
    }

    static String q(String name) {
        return "'" + name + "'";
    }
}
