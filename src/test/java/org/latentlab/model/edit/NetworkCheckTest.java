package org.latentlab.model.edit;

import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.model.edit.Graphs.dense;
import static org.latentlab.model.edit.Graphs.edge;
import static org.latentlab.model.edit.Graphs.graph;

/** Each kind of broken graph gives its own message, attached to the nodes and edges at fault, and nothing else. */
class NetworkCheckTest {

    private static final Shape V2 = Shape.vector(2);

    /** The only diagnostic of a check (one mistake, one message). */
    private static Diagnostic only(NetworkCheck c) {
        assertEquals(1, c.diagnostics().size(), () -> "expected one diagnostic, got " + c.diagnostics());
        return c.diagnostics().get(0);
    }

    @Test
    void aValidChainGivesItsNetworkSpecAndEveryShape() {
        NetworkCheck c = NetworkCheck.of(graph(V2, List.of(dense("a", 8), dense("b", 3)), "in>a", "a>b"));
        assertTrue(c.isValid());
        assertEquals(List.of(), c.diagnostics());
        assertEquals(new NetworkSpec("net", V2, List.of(dense("a", 8), dense("b", 3))), c.requireSpec());
        assertEquals(Shape.vector(8), c.shape("a").orElseThrow());
        assertEquals(Shape.vector(3), c.shape("b").orElseThrow());
        assertEquals(Shape.vector(8), c.inputShape("b").orElseThrow());
        assertEquals("b", c.outputNode().orElseThrow());
    }

    @Test
    void theChainIsReadAlongTheEdgesNotInTheOrderTheNodesWereAdded() {
        NetworkCheck c = NetworkCheck.of(graph(V2, List.of(dense("b", 3), dense("a", 8)), "a>b", "in>a"));
        assertEquals(List.of(dense("a", 8), dense("b", 3)), c.requireSpec().layers());
    }

    @Test
    void anEmptyNetworkIsFlaggedOnItsInput() {
        Diagnostic d = only(NetworkCheck.of(graph(V2, List.of())));
        assertEquals(Diagnostic.Code.EMPTY, d.code());
        assertEquals("the network is empty: drag a layer from the palette and connect the input to it",
                d.message());
        assertEquals(List.of("in"), d.nodes());
    }

    @Test
    void aLayerWithNoConnectionIsDisconnected() {
        Diagnostic d = only(NetworkCheck.of(graph(V2, List.of(dense("a", 8), dense("b", 3), dense("loose", 4)),
                "in>a", "a>b")));
        assertEquals(Diagnostic.Code.DISCONNECTED, d.code());
        assertEquals("'loose' is not connected: connect it into the chain or delete it", d.message());
        assertEquals(List.of("loose"), d.nodes());
        assertEquals(List.of(), d.edges());
    }

    @Test
    void aLayerWhoseInputHasNothingConnectedIsDangling() {
        // in -> a -> b, and x -> b: b also has two inputs; the dangling x is flagged on x.
        NetworkCheck c = NetworkCheck.of(graph(V2, List.of(dense("a", 8), dense("x", 8), dense("b", 3)),
                "in>a", "a>b", "x>b"));
        Diagnostic d = c.diagnosticsFor("x").get(0);
        assertEquals(Diagnostic.Code.DANGLING_INPUT, d.code());
        assertEquals("nothing is connected to the input of 'x': connect the layer before it (or the input) to it",
                d.message());
        assertEquals(List.of("x"), d.nodes());
    }

    @Test
    void aDanglingChainStartIsFlaggedOnceWithTheUnconnectedInput() {
        NetworkCheck c = NetworkCheck.of(graph(V2, List.of(dense("a", 8), dense("b", 3)), "a>b"));
        assertEquals(List.of(Diagnostic.Code.DANGLING_INPUT, Diagnostic.Code.INPUT_UNCONNECTED),
                c.diagnostics().stream().map(Diagnostic::code).toList());
        Diagnostic input = c.diagnostics().get(1);
        assertEquals("the input (2) feeds no layer: connect it to the first layer", input.message());
        assertEquals(List.of("in"), input.nodes());
        assertFalse(c.isValid());
    }

    @Test
    void aCycleNamesItsPathAndMarksItsNodesAndEdges() {
        NetworkCheck c = NetworkCheck.of(graph(V2, List.of(dense("a", 2), dense("b", 2), dense("c", 2)),
                "in>a", "a>b", "b>c", "c>a"));
        List<Diagnostic> cycles = c.diagnostics().stream().filter(d -> d.code() == Diagnostic.Code.CYCLE).toList();
        assertEquals(1, cycles.size(), c.diagnostics()::toString);
        Diagnostic d = cycles.get(0);
        assertEquals("'a' -> 'b' -> 'c' -> 'a' is a cycle: data flow forward only, remove one of these connections",
                d.message());
        assertEquals(List.of("a", "b", "c"), d.nodes());
        assertEquals(List.of(edge("a", "b"), edge("b", "c"), edge("c", "a")), d.edges());
        // a also receives two inputs (from the input and from c), and nothing ends the chain.
        assertEquals(List.of(Diagnostic.Code.CYCLE, Diagnostic.Code.MERGE_UNSUPPORTED, Diagnostic.Code.NO_OUTPUT),
                c.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void aLayerConnectedToItselfIsACycle() {
        NetworkCheck c = NetworkCheck.of(graph(V2, List.of(dense("a", 2), dense("b", 2)), "in>a", "a>a", "a>b"));
        Diagnostic d = c.diagnostics().stream().filter(x -> x.code() == Diagnostic.Code.CYCLE).findFirst()
                .orElseThrow();
        assertEquals("'a' -> 'a' is a cycle: data flow forward only, remove one of these connections", d.message());
        assertEquals(List.of(edge("a", "a")), d.edges());
    }

    @Test
    void twoInputsIntoOneLayerAreAnUnsupportedMerge() {
        NetworkCheck c = NetworkCheck.of(graph(V2, List.of(dense("a", 4), dense("b", 4), dense("m", 1)),
                "in>a", "in>b", "a>m", "b>m"));
        Diagnostic d = only(c);
        assertEquals(Diagnostic.Code.MERGE_UNSUPPORTED, d.code());
        assertEquals("'m' receives 2 inputs ('a', 'b'), but a dense layer takes one: merging (concat) is not"
                + " supported, remove all but one of these connections", d.message());
        assertEquals(List.of("m"), d.nodes());
        assertEquals(List.of(edge("a", "m"), edge("b", "m")), d.edges());
        // The branches before the merge still have their shapes; the merged layer has none.
        assertEquals(Shape.vector(4), c.shape("a").orElseThrow());
        assertTrue(c.shape("m").isEmpty());
    }

    @Test
    void aBranchingChainHasMoreThanOneOutput() {
        Diagnostic d = only(NetworkCheck.of(graph(V2, List.of(dense("a", 4), dense("b", 1), dense("c", 1)),
                "in>a", "a>b", "a>c")));
        assertEquals(Diagnostic.Code.MULTIPLE_OUTPUTS, d.code());
        assertEquals("the network ends in 2 layers ('b', 'c'): a network has one output, remove or reconnect the"
                + " extra branch", d.message());
        assertEquals(List.of("b", "c"), d.nodes());
    }

    @Test
    void aChainThatLoopsBackHasNoOutput() {
        NetworkCheck c = NetworkCheck.of(graph(V2, List.of(dense("a", 2), dense("b", 2)), "in>a", "a>b", "b>a"));
        Diagnostic d = c.diagnostics().stream().filter(x -> x.code() == Diagnostic.Code.NO_OUTPUT).findFirst()
                .orElseThrow();
        assertEquals("the network has no output: every layer the input reaches feeds another one; break the cycle"
                + " so that the chain ends in one layer", d.message());
        assertEquals(List.of("a", "b"), d.nodes());
        assertTrue(c.outputNode().isEmpty());
    }

    @Test
    void aShapeMismatchReusesTheLayersMessageAndMarksTheNodeAndItsIncomingEdge() {
        // dec2 is a convolution fed a vector of 784: it needs an image.
        LayerSpec dec2 = new LayerSpec.Conv2D("dec2", 8, 3, 1, Padding.SAME, Activation.RELU, 0);
        NetworkCheck c = NetworkCheck.of(graph(Shape.vector(32), List.of(dense("dec1", 784), dec2, dense("out", 1)),
                "in>dec1", "dec1>dec2", "dec2>out"));
        Diagnostic d = only(c);
        assertEquals(Diagnostic.Code.SHAPE_MISMATCH, d.code());
        assertEquals("'dec2' (conv2d): a conv2d layer expects an image (channels x height x width) but receives"
                + " 784: add a Reshape", d.message());
        assertEquals(List.of("dec2"), d.nodes());
        assertEquals(List.of(edge("dec1", "dec2")), d.edges());
        assertEquals(Shape.vector(784), c.shape("dec1").orElseThrow(), "shapes before the error are still known");
        assertTrue(c.shape("out").isEmpty(), "and after it unknown, with no second message");
        LabException e = assertThrows(LabException.class, c::requireSpec);
        assertEquals("network 'net' cannot be built: " + d.message(), e.getMessage());
    }

    @Test
    void aReshapeOfTheWrongSizeSaysHowManyValuesItNeeds() {
        Diagnostic d = only(NetworkCheck.of(graph(Shape.vector(32), List.of(dense("dec1", 784),
                        new LayerSpec.Reshape("dec2", 64, 7, 7)), "in>dec1", "dec1>dec2")));
        assertEquals(Diagnostic.Code.SHAPE_MISMATCH, d.code());
        assertEquals("'dec2' (reshape): a reshape to 64x7x7 needs 3136 values but receives 784 (784)", d.message());
    }

    @Test
    void aValidConvolutionLargerThanItsInputIsAZeroSizeLayer() {
        LayerSpec big = new LayerSpec.Conv2D("c3", 4, 5, 1, Padding.VALID, Activation.RELU, 0);
        Diagnostic d = only(NetworkCheck.of(graph(Shape.image(1, 3, 3), List.of(big, new LayerSpec.Flatten("f"),
                dense("o", 1)), "in>c3", "c3>f", "f>o")));
        assertEquals(Diagnostic.Code.ZERO_SIZE, d.code());
        assertEquals("'c3' (conv2d) would output nothing: a conv2d layer with kernel 5 does not fit its input 1x3x3:"
                + " use a smaller kernel or padding \"same\"", d.message());
        assertEquals(List.of("c3"), d.nodes());
    }

    @Test
    void aChainThatOnlyRearrangesValuesHasNothingToBuild() {
        Diagnostic d = only(NetworkCheck.of(graph(Shape.vector(784), List.of(new LayerSpec.Reshape("r", 1, 28, 28),
                new LayerSpec.Flatten("f")), "in>r", "r>f")));
        assertEquals(Diagnostic.Code.NO_COMPUTING_LAYER, d.code());
        assertEquals("the network only reshapes or flattens ('r', 'f'): add a layer that computes, such as dense or"
                + " conv2d", d.message());
        assertEquals(List.of("r", "f"), d.nodes());
    }

    @Test
    void diagnosticsCanBeLookedUpByNodeAndByEdge() {
        NetworkCheck c = NetworkCheck.of(graph(V2, List.of(dense("a", 4), dense("b", 4), dense("m", 1)),
                "in>a", "in>b", "a>m", "b>m"));
        assertEquals(1, c.diagnosticsFor("m").size());
        assertEquals(1, c.diagnosticsFor(edge("b", "m")).size());
        assertEquals(List.of(), c.diagnosticsFor("a"));
        assertEquals(List.of(), c.diagnosticsFor(edge("in", "a")));
    }
}
