package org.latentlab.model.edit;

import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.Templates;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.latentlab.model.edit.Graphs.dense;
import static org.latentlab.model.edit.Graphs.edge;
import static org.latentlab.model.edit.Graphs.graph;

class NetworkGraphTest {

    @Test
    void everyTemplateNetworkBecomesAChainGraphAndBackTheSameSpec() {
        for (DesignTemplates.Template t : DesignTemplates.all()) {
            for (Map.Entry<Role, NetworkSpec> e : t.design().toSpecs().entrySet()) {
                NetworkSpec spec = e.getValue();
                NetworkGraph g = NetworkGraph.fromSpec(spec, "p", new Point(0, 0));
                assertEquals(spec, g.toSpec(), t.id() + " " + e.getKey());
                assertEquals(spec.layers().size(), g.edges().size());
            }
        }
    }

    @Test
    void aLoadedNetworkIsLaidOutLeftToRightInOneRowWithFixedSpacing() {
        NetworkSpec g = Templates.mlpGan2d(2, 16).generator();
        NetworkGraph graph = NetworkGraph.fromSpec(g, "generator", new Point(10, 40));
        assertEquals(new Point(10, 40), graph.input().position());
        for (int i = 0; i < graph.layers().size(); i++) {
            assertEquals(new Point(10 + (i + 1) * AutoLayout.COLUMN, 40), graph.layers().get(i).position());
        }
        assertEquals("generator", graph.input().id());
        assertEquals("generator/g1", graph.layers().get(0).id());
    }

    @Test
    void aDesignPutsEachNetworkInItsOwnRow() {
        ModelDesign d = DesignTemplates.get("mlp-gan-2d").design();
        assertEquals(0, d.graph(Role.GENERATOR).input().y());
        assertEquals(AutoLayout.ROW, d.graph(Role.DISCRIMINATOR).input().y());
    }

    @Test
    void autoLayoutStacksParallelNodesAndPutsCyclesInARowBelow() {
        NetworkGraph g = graph(Shape.vector(2), List.of(dense("a", 2), dense("b", 2), dense("m", 1),
                dense("x", 2), dense("y", 2)), "in>a", "in>b", "a>m", "b>m", "x>y", "y>x");
        Map<String, Point> p = AutoLayout.arrange(g, new Point(0, 0));
        assertEquals(new Point(0, 0), p.get("in"));
        assertEquals(new Point(AutoLayout.COLUMN, 0), p.get("a"));
        assertEquals(new Point(AutoLayout.COLUMN, AutoLayout.STACK), p.get("b"));
        assertEquals(new Point(2 * AutoLayout.COLUMN, 0), p.get("m"));
        assertEquals(new Point(AutoLayout.COLUMN, 2 * AutoLayout.STACK), p.get("x"));
        assertEquals(new Point(2 * AutoLayout.COLUMN, 2 * AutoLayout.STACK), p.get("y"));
    }

    @Test
    void equalGraphsAreEqualAndAMovedNodeMakesThemDiffer() {
        NetworkGraph a = graph(Shape.vector(2), List.of(dense("a", 2)), "in>a");
        NetworkGraph b = graph(Shape.vector(2), List.of(dense("a", 2)), "in>a");
        assertEquals(a, b);
        assertNotEquals(a, a.withPositions(Map.of("a", new Point(5, 0))));
    }

    @Test
    void theStructuralRulesAreEnforced() {
        assertEquals("network 'net' has two layers named 'a': rename one of them",
                assertThrows(IllegalArgumentException.class, () -> new NetworkGraph("net",
                        new InputNode("in", Shape.vector(2), 0, 0), List.of(new LayerNode("1", dense("a", 2), 0, 0),
                        new LayerNode("2", dense("a", 3), 0, 0)), List.of())).getMessage());
        assertEquals("network 'net': nothing can connect into the input",
                assertThrows(IllegalArgumentException.class, () -> graph(Shape.vector(2), List.of(dense("a", 2)),
                        "a>in")).getMessage());
        assertEquals("network 'net' has the connection in -> a twice",
                assertThrows(IllegalArgumentException.class, () -> graph(Shape.vector(2), List.of(dense("a", 2)),
                        "in>a", "in>a")).getMessage());
        assertEquals("network 'net': edge in -> zz joins a node that is not in it",
                assertThrows(IllegalArgumentException.class, () -> graph(Shape.vector(2), List.of(dense("a", 2)),
                        "in>zz")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LayerNode("n", dense("a", 2), Double.NaN, 0));
    }

    @Test
    void removingLayersRemovesTheirEdges() {
        NetworkGraph g = graph(Shape.vector(2), List.of(dense("a", 2), dense("b", 2)), "in>a", "a>b");
        NetworkGraph less = g.withoutLayers(List.of("a"));
        assertEquals(List.of("in", "b"), less.nodeIds());
        assertEquals(List.of(), less.edges());
        assertEquals(List.of(edge("a", "b")), g.outgoing("a"));
        assertEquals(List.of(edge("in", "a")), g.incoming("a"));
        assertEquals("input", g.label("in"));
        assertEquals(new LayerSpec.Dense("a", 2, Activation.RELU), g.layerNamed("a").orElseThrow().layer());
    }
}
