package org.latentlab.model.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a graph readably, left to right: each node in the column of its longest path from a node with no input
 * (the input node is in column 0), columns {@link #COLUMN} apart, nodes sharing a column {@link #STACK} apart in
 * their order in the graph. Nodes on a cycle, or behind one, have no longest path; they go in one more row below,
 * in graph order. A chain (every network a file holds) becomes one straight row.
 */
public final class AutoLayout {

    /** Horizontal distance between columns, in canvas units. */
    public static final double COLUMN = 200;
    /** Vertical distance between nodes in one column. */
    public static final double STACK = 100;
    /** Vertical distance between the networks of a design, one row each. */
    public static final double ROW = 260;

    private AutoLayout() {
    }

    /** New positions for every node of {@code graph}, the input node at {@code origin}. */
    public static Map<String, Point> arrange(NetworkGraph graph, Point origin) {
        List<String> ids = graph.nodeIds();
        Map<String, Integer> indegree = new HashMap<>();
        ids.forEach(id -> indegree.put(id, 0));
        graph.edges().forEach(e -> indegree.merge(e.to(), 1, Integer::sum));
        Map<String, Integer> column = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (String id : ids) {
            if (indegree.get(id) == 0) {
                column.put(id, 0);
                ready.add(id);
            }
        }
        while (!ready.isEmpty()) {
            String id = ready.poll();
            for (Edge e : graph.outgoing(id)) {
                column.merge(e.to(), column.get(id) + 1, Math::max);
                if (indegree.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        Map<String, Point> out = new LinkedHashMap<>();
        Map<Integer, Integer> used = new HashMap<>();
        int deepest = 0;
        List<String> unplaced = new ArrayList<>();
        for (String id : ids) {
            if (indegree.get(id) != 0) {
                unplaced.add(id);
                continue;
            }
            int c = column.get(id);
            int k = used.merge(c, 1, Integer::sum) - 1;
            deepest = Math.max(deepest, k);
            out.put(id, new Point(origin.x() + c * COLUMN, origin.y() + k * STACK));
        }
        for (int i = 0; i < unplaced.size(); i++) {
            out.put(unplaced.get(i), new Point(origin.x() + (i + 1) * COLUMN, origin.y() + (deepest + 1) * STACK));
        }
        return out;
    }
}
