package org.latentlab.model.edit;

import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.Shape;

import java.util.ArrayList;
import java.util.List;

/** Small graphs written by hand: node ids are the layer names, the input's id is {@code in}. */
final class Graphs {

    private Graphs() {
    }

    /** A graph named "net" with the given layers and edges written "from>to". */
    static NetworkGraph graph(Shape input, List<LayerSpec> layers, String... edges) {
        List<LayerNode> nodes = new ArrayList<>();
        for (LayerSpec l : layers) {
            nodes.add(new LayerNode(l.name(), l, 0, 0));
        }
        List<Edge> list = new ArrayList<>();
        for (String e : edges) {
            String[] ends = e.split(">");
            list.add(new Edge(ends[0], ends[1]));
        }
        return new NetworkGraph("net", new InputNode("in", input, 0, 0), nodes, list);
    }

    static LayerSpec dense(String name, int units) {
        return new LayerSpec.Dense(name, units, Activation.RELU);
    }

    static Edge edge(String from, String to) {
        return new Edge(from, to);
    }
}
