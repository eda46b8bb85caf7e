package org.latentlab.engine;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link GraphPlan} compiles: a directed acyclic graph of named nodes, each reading the outputs of nodes
 * before it in the list, with any number of named outputs. The list order is the parameter order: a node's
 * layers take their values from the flat parameter vector after those of every node before it, which is DL4J's
 * {@code ComputationGraph} layout when the nodes come in its topological order ({@link #of}).
 *
 * @param nodes   the nodes, each after the nodes it reads
 * @param outputs the names of the nodes whose outputs the graph returns, in order
 */
record Graph(List<Node> nodes, List<String> outputs) {

    /** A node of the graph. */
    sealed interface Node permits Input, Layers, Concat {

        String name();

        /** The names of the nodes it reads, in order. */
        List<String> inputs();
    }

    /** A named input of flat examples, [batch, size]. */
    record Input(String name, long size) implements Node {
        public Input {
            if (size < 1) {
                throw new IllegalArgumentException("input '" + name + "' needs at least one value, not " + size);
            }
        }

        @Override
        public List<String> inputs() {
            return List.of();
        }
    }

    /** Layers applied in order to one node's output (a dense layer and its activation: one DL4J vertex). */
    record Layers(String name, String input, List<ChainLayer> layers) implements Node {
        public Layers {
            layers = List.copyOf(layers);
            if (layers.isEmpty()) {
                throw new IllegalArgumentException("node '" + name + "' has no layers");
            }
        }

        @Override
        public List<String> inputs() {
            return List.of(input);
        }

        long parameters() {
            return layers.stream().mapToLong(ChainLayer::parameters).sum();
        }
    }

    /** The inputs' flat rows side by side, in order (DL4J's merge vertex on feature vectors). */
    record Concat(String name, List<String> inputs) implements Node {
        public Concat {
            inputs = List.copyOf(inputs);
            if (inputs.size() < 2) {
                throw new IllegalArgumentException("concatenation '" + name + "' needs two or more inputs");
            }
        }
    }

    Graph {
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
        Set<String> seen = new HashSet<>();
        for (Node n : nodes) {
            for (String in : n.inputs()) {
                if (!seen.contains(in)) {
                    throw new IllegalArgumentException("node '" + n.name() + "' reads '" + in
                            + "', which is not a node before it");
                }
            }
            if (!seen.add(n.name())) {
                throw new IllegalArgumentException("two nodes are named '" + n.name() + "'");
            }
        }
        if (outputs.isEmpty() || !seen.containsAll(outputs)) {
            throw new IllegalArgumentException("the outputs " + outputs + " must be nodes of the graph");
        }
    }

    /** The input nodes in order. */
    List<Input> inputNodes() {
        return nodes.stream().filter(Input.class::isInstance).map(Input.class::cast).toList();
    }

    long parameters() {
        return nodes.stream().filter(Layers.class::isInstance).mapToLong(n -> ((Layers) n).parameters()).sum();
    }

    /** Values in one flat output example of each node, by name. */
    Map<String, Long> sizes() {
        Map<String, Long> sizes = new HashMap<>();
        for (Node n : nodes) {
            long size;
            if (n instanceof Input i) {
                size = i.size();
            } else if (n instanceof Layers l) {
                long in = Chain.size(l.layers().get(0).inputShape());
                if (in != sizes.get(l.input())) {
                    throw new IllegalArgumentException("node '" + n.name() + "' takes " + in + " values; '"
                            + l.input() + "' gives " + sizes.get(l.input()));
                }
                size = Chain.size(l.layers().get(l.layers().size() - 1).outputShape());
            } else {
                size = n.inputs().stream().mapToLong(sizes::get).sum();
            }
            sizes.put(n.name(), size);
        }
        return sizes;
    }

    /**
     * The graph of a DL4J {@code ComputationGraph} in FLOAT or DOUBLE made of inputs of the given sizes (in the
     * order of the network's inputs), dense layers with biases and the lab's activations, activation layers and
     * merge vertices on feature vectors, with no dropout or preprocessors: its inputs in the network's order, then
     * its other vertices in the network's topological order (its parameter order); empty for any other network.
     * The parameter layout is checked against each vertex's parameter table.
     */
    static Optional<Graph> of(ComputationGraph net, long... inputSizes) {
        try {
            return Optional.ofNullable(read(net, inputSizes));
        } catch (IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Graph read(ComputationGraph net, long[] inputSizes) {
        DataType type = net.params().dataType();
        ComputationGraphConfiguration conf = net.getConfiguration();
        if (type != DataType.FLOAT && type != DataType.DOUBLE || inputSizes.length != conf.getNetworkInputs().size()) {
            return null;
        }
        Map<String, Long> sizes = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < inputSizes.length; i++) {
            String name = conf.getNetworkInputs().get(i);
            sizes.put(name, inputSizes[i]);
            nodes.add(new Input(name, inputSizes[i])); // first, in the network's order: they hold no parameters
        }
        INDArray flat = net.params();
        long offset = 0;
        for (int index : net.topologicalSortOrder()) {
            String name = net.getVertices()[index].getVertexName();
            if (conf.getNetworkInputs().contains(name)) {
                continue;
            }
            List<String> in = conf.getVertexInputs().get(name);
            var vertex = conf.getVertices().get(name);
            if (vertex instanceof MergeVertex m) {
                if (m.getMergeAxis() != 1) {
                    return null;
                }
                nodes.add(new Concat(name, in));
                sizes.put(name, in.stream().mapToLong(sizes::get).sum());
                continue;
            }
            if (!(vertex instanceof LayerVertex lv) || lv.getPreProcessor() != null || in.size() != 1) {
                return null;
            }
            var layer = lv.getLayerConf().getLayer();
            if (layer.getIDropout() != null) {
                return null;
            }
            long[] shape = {sizes.get(in.get(0))};
            List<ChainLayer> layers = new ArrayList<>();
            if (layer instanceof DenseLayer d) {
                if (!d.hasBias() || d.hasLayerNorm() || d.getNIn() != shape[0]) {
                    return null;
                }
                layers.add(new ChainDense(name, (int) d.getNIn(), (int) d.getNOut()));
                shape = new long[] {d.getNOut()};
                if (!Chain.activation(name, shape, d.getActivationFn(), layers)) {
                    return null;
                }
            } else if (!(layer instanceof ActivationLayer a) || !Chain.activation(name, shape, a.getActivationFn(), layers)
                    || layers.isEmpty()) {
                return null;
            }
            Layers node = new Layers(name, in.get(0), layers);
            if (!layout(net, name, flat, offset, node.parameters())) {
                return null;
            }
            offset += node.parameters();
            nodes.add(node);
            sizes.put(name, shape[0]);
        }
        Graph graph = new Graph(nodes, conf.getNetworkOutputs());
        graph.sizes(); // checks every layer's input size
        return graph.parameters() == net.numParams() ? graph : null;
    }

    /** Whether vertex {@code name}'s parameters (W then b for a dense layer) sit at {@code offset} on. */
    private static boolean layout(ComputationGraph net, String name, INDArray flat, long offset, long count) {
        Map<String, INDArray> table = net.getVertex(name).paramTable(false);
        if (count == 0) {
            return table == null || table.isEmpty();
        }
        if (!List.of("W", "b").equals(new ArrayList<>(table.keySet()))) {
            return false;
        }
        long at = offset;
        for (INDArray p : table.values()) {
            if (p.offset() - flat.offset() != at) {
                return false;
            }
            at += p.length();
        }
        return at - offset == count;
    }
}
