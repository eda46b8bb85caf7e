package org.latentlab.model.edit;

/**
 * A connection from the output port of node {@code from} to the input port of node {@code to} (node ids). Every node
 * has one output port; every layer node has one input port; the input node has none. Two edges are the same edge when
 * they join the same ports, so an edge needs no id of its own.
 */
public record Edge(String from, String to) {

    public Edge {
        if (from == null || to == null) {
            throw new IllegalArgumentException("an edge joins two nodes, not " + from + " and " + to);
        }
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
