package org.latentlab.model.edit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.Templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every edit: what it does, what it refuses (leaving everything as it was), and exact undo and redo. */
class EditsTest {

    private DesignDocument doc;
    private EditHistory history;

    @BeforeEach
    void setUp() {
        doc = new DesignDocument(DesignTemplates.get("mlp-gan-2d").design());
        history = new EditHistory();
    }

    private static Palette.Entry entry(String id) {
        return Palette.entry(id).orElseThrow();
    }

    private LayerNode node(String id) {
        return DesignEdit.layerNode(doc.design(), id);
    }

    /** Performs an edit that must be refused; checks that nothing changed and returns the reason. */
    private String refused(Edit e) {
        ModelDesign before = doc.design();
        int undoable = history.undoCount();
        LabException x = assertThrows(LabException.class, () -> history.perform(e));
        assertSame(before, doc.design(), "a refused edit leaves the design as it was");
        assertEquals(undoable, history.undoCount(), "and records nothing");
        return x.getMessage();
    }

    /**
     * A scripted session using every kind of edit; undoing all of it gives back the very design it started from,
     * and redoing all of it the very design it ended with, step by step.
     */
    @Test
    void undoingEveryEditReturnsTheStartAndRedoingReturnsTheEnd() {
        ModelDesign start = doc.design();
        Map<Role, NetworkSpec> startSpecs = start.toSpecs();
        List<ModelDesign> states = new ArrayList<>(List.of(start));
        List<String> seen = new ArrayList<>();
        doc.addListener((b, a) -> seen.add("changed"));

        AddLayerEdit add = new AddLayerEdit(doc, Role.GENERATOR, entry("dense"), new Point(500, 100));
        String extra = add.nodeId();
        List<Edit> script = new ArrayList<>(List.of(
                add,
                new ConnectEdit(doc, "generator/g2", extra),
                new DisconnectEdit(doc, new Edge("generator/g2", "generator/g_out")),
                new ConnectEdit(doc, extra, "generator/g_out"),
                new SetLayerPropertyEdit(doc, extra, "units", 32),
                new SetLayerPropertyEdit(doc, extra, "activation", "leakyrelu"),
                new RenameLayerEdit(doc, extra, "g_extra"),
                MoveNodesEdit.by(doc, List.of(extra, "generator/g1"), 10, -5)));
        for (Edit e : script) {
            history.perform(e);
            states.add(doc.design());
        }
        assertEquals("Connect 'g2' to 'dense'", script.get(1).description(),
                "named as it was when connected, not as it is after the rename");
        assertEquals(new NetworkSpec("G", Shape.vector(2), List.of(
                        new LayerSpec.Dense("g1", 128, Activation.RELU),
                        new LayerSpec.Dense("g2", 128, Activation.RELU),
                        new LayerSpec.Dense("g_extra", 32, Activation.LEAKYRELU),
                        new LayerSpec.Dense("g_out", 2, Activation.IDENTITY))),
                doc.design().graph(Role.GENERATOR).toSpec(), "the script built what it meant to");

        Clipboard copied = Clipboard.copy(doc.design(), List.of("generator/g1", "generator/g2"));
        PasteEdit paste = new PasteEdit(doc, copied, Role.DISCRIMINATOR, 0, 300);
        AddLayerEdit drop = new AddLayerEdit(doc, Role.DISCRIMINATOR, entry("dropout"), new Point(300, 400));
        List<Edit> more = List.of(
                paste,
                new RemoveLayersEdit(doc, paste.pastedIds()),
                new CompositeEdit(doc, "Insert dropout", List.of(drop,
                        new DisconnectEdit(doc, new Edge("discriminator/d1", "discriminator/d2")),
                        new ConnectEdit(doc, "discriminator/d1", drop.nodeId()),
                        new ConnectEdit(doc, drop.nodeId(), "discriminator/d2"))),
                new SetInputShapeEdit(doc, Role.GENERATOR, Shape.vector(8)),
                MoveNodesEdit.arrange(doc, Role.GENERATOR),
                new SetDataShapeEdit(doc, Shape.vector(3)),
                new ReplaceNetworkEdit(doc, Role.DISCRIMINATOR, Templates.mlpGan2d(3, 32).discriminator()),
                new LoadDesignEdit(doc, DesignTemplates.get("vae").design(), "Load template vae"));
        for (Edit e : more) {
            history.perform(e);
            states.add(doc.design());
            assertNotEquals(states.get(states.size() - 2), doc.design(), e.description() + " changed something");
        }
        script.addAll(more);
        ModelDesign end = doc.design();
        assertEquals(script.size(), history.undoCount());
        assertEquals(states.size() - 1, seen.size(), "one notification per edit");

        for (int i = script.size() - 1; i >= 0; i--) {
            assertEquals("Undo " + script.get(i).description(), history.undoLabel());
            history.undo();
            assertEquals(states.get(i), doc.design(), "undo of " + script.get(i).description());
        }
        assertSame(start, doc.design(), "undoing everything gives back the very first snapshot");
        assertEquals(2 * script.size(), seen.size(), "one notification per undo, composites included");
        assertEquals(startSpecs, doc.design().toSpecs());
        assertTrue(!history.canUndo() && history.canRedo());

        for (int i = 0; i < script.size(); i++) {
            assertEquals("Redo " + script.get(i).description(), history.redoLabel());
            history.redo();
            assertEquals(states.get(i + 1), doc.design(), "redo of " + script.get(i).description());
        }
        assertSame(end, doc.design(), "redoing everything gives back the very last snapshot");
        assertEquals(end.toSpecs(), doc.design().toSpecs());
    }

    @Test
    void addingGivesAFreshNameInItsNetworkAndAnIdKnownBeforehand() {
        AddLayerEdit a = new AddLayerEdit(doc, Role.GENERATOR, entry("dense"), new Point(0, 0));
        AddLayerEdit b = new AddLayerEdit(doc, Role.GENERATOR, entry("dense"), new Point(0, 0));
        AddLayerEdit c = new AddLayerEdit(doc, Role.DISCRIMINATOR, entry("dense"), new Point(0, 0));
        assertNotEquals(a.nodeId(), b.nodeId());
        history.perform(new CompositeEdit(doc, "Add three", List.of(a, b, c)));
        assertEquals("dense", node(a.nodeId()).name());
        assertEquals("dense_2", node(b.nodeId()).name());
        assertEquals("dense", node(c.nodeId()).name(), "names are unique per network");
        assertEquals(entry("dense").prototype(), node(a.nodeId()).layer());
        assertEquals("Add dense", a.description());
        assertEquals(Diagnostic.Code.DISCONNECTED, doc.check().diagnosticsFor(a.nodeId()).get(0).code());
    }

    @Test
    void deletingRemovesTheLayersAndTheirConnectionsButNeverAnInput() {
        RemoveLayersEdit e = new RemoveLayersEdit(doc, List.of("generator/g2"));
        assertEquals("Delete 'g2'", e.description());
        history.perform(e);
        NetworkGraph g = doc.design().graph(Role.GENERATOR);
        assertTrue(g.layer("generator/g2").isEmpty());
        assertEquals(List.of(new Edge("generator", "generator/g1")), g.edges());
        assertEquals("Delete 2 layers", new RemoveLayersEdit(doc, List.of("generator/g1", "discriminator/d1"))
                .description());
        assertEquals("the input of 'G' cannot be deleted: change its shape instead",
                refused(new RemoveLayersEdit(doc, List.of("generator/g1", "generator"))));
        assertEquals("the design has no node 'nope'", refused(new RemoveLayersEdit(doc, List.of("nope"))));
    }

    @Test
    void connectingRefusesWhatCannotBeDrawnAndAllowsWhatTheCheckFlags() {
        assertEquals("'g1' is in 'G' and 'd1' in 'D': layers connect within one network; the networks are joined by"
                + " their roles", refused(new ConnectEdit(doc, "generator/g1", "discriminator/d1")));
        assertEquals("nothing can connect into the input of 'G': it is where the network starts",
                refused(new ConnectEdit(doc, "generator/g1", "generator")));
        assertEquals("'g1' is already connected to 'g2'", refused(new ConnectEdit(doc, "generator/g1",
                "generator/g2")));
        ConnectEdit back = new ConnectEdit(doc, "generator/g2", "generator/g1");
        assertEquals(Optional.empty(), back.refusal());
        assertEquals("Connect 'g2' to 'g1'", back.description());
        history.perform(back);
        assertTrue(doc.check().diagnostics().stream().anyMatch(d -> d.code() == Diagnostic.Code.CYCLE));
        assertEquals(Optional.of("'g1' is already connected to 'g2'"),
                new ConnectEdit(doc, "generator/g1", "generator/g2").refusal());
    }

    @Test
    void disconnectingRemovesOneConnection() {
        Edge e = new Edge("generator/g1", "generator/g2");
        DisconnectEdit d = new DisconnectEdit(doc, e);
        assertEquals("Disconnect 'g1' from 'g2'", d.description());
        history.perform(d);
        assertTrue(!doc.design().graph(Role.GENERATOR).edges().contains(e));
        assertEquals("'g1' is not connected to 'g2'", refused(new DisconnectEdit(doc, e)));
    }

    @Test
    void movingShiftsNodesAndArrangingLaysTheNetworkOutAgain() {
        Point g1 = doc.design().graph(Role.GENERATOR).position("generator/g1");
        history.perform(MoveNodesEdit.by(doc, List.of("generator/g1", "generator"), 30, 40));
        assertEquals(g1.plus(30, 40), doc.design().graph(Role.GENERATOR).position("generator/g1"));
        assertEquals(new Point(30, 40), doc.design().graph(Role.GENERATOR).position("generator"));
        assertEquals("Move 2 nodes", history.undoDescription().orElseThrow());
        MoveNodesEdit arrange = MoveNodesEdit.arrange(doc, Role.GENERATOR);
        assertEquals("Arrange 'G'", arrange.description());
        history.perform(arrange);
        assertEquals(new Point(30 + AutoLayout.COLUMN, 40),
                doc.design().graph(Role.GENERATOR).position("generator/g1"));
        assertEquals("Move 'g2'", MoveNodesEdit.by(doc, List.of("generator/g2"), 1, 1).description());
    }

    @Test
    void settingAPropertyReplacesTheLayerByAChangedCopy() {
        SetLayerPropertyEdit e = new SetLayerPropertyEdit(doc, "generator/g1", "units", 256);
        assertEquals("Set units of 'g1' to 256", e.description());
        history.perform(e);
        assertEquals(new LayerSpec.Dense("g1", 256, Activation.RELU), node("generator/g1").layer());
        history.perform(new SetLayerPropertyEdit(doc, "generator/g1", "activation", Activation.TANH));
        assertEquals(Activation.TANH, ((LayerSpec.Dense) node("generator/g1").layer()).activation());
        assertEquals("Set activation of 'g1' to tanh", history.undoDescription().orElseThrow());
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheRecordsReasonAndNeverStored() {
        assertEquals("dense layer 'g1' needs units >= 1, not 0",
                refused(new SetLayerPropertyEdit(doc, "generator/g1", "units", 0)));
        assertEquals("dense layer 'g1' needs units >= 1, not -3",
                refused(new SetLayerPropertyEdit(doc, "generator/g1", "units", -3)));
        assertEquals("units of 'g1': needs a whole number, not 2.5",
                refused(new SetLayerPropertyEdit(doc, "generator/g1", "units", 2.5)));
        assertEquals("alpha of 'g1' must be (0, 1], not 0",
                refused(new SetLayerPropertyEdit(doc, "generator/g1", "alpha", 0)));
        assertEquals("activation of 'g1': unknown activation 'softmax' (known: identity, relu, leakyrelu, tanh,"
                + " sigmoid)",
                refused(new SetLayerPropertyEdit(doc, "generator/g1", "activation", "softmax")));
        assertEquals("a dense layer has no property 'filters' (it has [name, units, activation, alpha])",
                refused(new SetLayerPropertyEdit(doc, "generator/g1", "filters", 3)));
        assertEquals("the input of 'G' is not a layer: change its shape instead",
                refused(new SetLayerPropertyEdit(doc, "generator", "units", 3)));
        assertEquals(0, history.undoCount());
    }

    @Test
    void renamingKeepsTheIdAndRefusesATakenOrBlankName() {
        history.perform(new RenameLayerEdit(doc, "generator/g1", "first"));
        assertEquals("first", node("generator/g1").name());
        assertEquals("Rename 'g1' to 'first'", history.undoDescription().orElseThrow());
        assertEquals("'G' already has a layer named 'g2': choose another name",
                refused(new RenameLayerEdit(doc, "generator/g1", "g2")));
        assertEquals("every layer needs a name", refused(new RenameLayerEdit(doc, "generator/g1", " ")));
        assertEquals("'G' already has a layer named 'g_out': choose another name",
                refused(new SetLayerPropertyEdit(doc, "generator/g2", "name", "g_out")));
        history.perform(new RenameLayerEdit(doc, "discriminator/d1", "g2"));
        assertEquals("g2", node("discriminator/d1").name(), "the same name in another network is fine");
    }

    @Test
    void pastingMakesFreshIdsAndNamesAndCopiesTheConnectionsBetweenTheCopies() {
        ModelDesign before = doc.design();
        Clipboard c = Clipboard.copy(before, List.of("generator/g1", "generator/g2", "generator"));
        assertEquals(2, c.nodes().size(), "input nodes are not copied");
        assertEquals(List.of(new Edge("generator/g1", "generator/g2")), c.edges(), "only edges inside the copy");
        PasteEdit p = new PasteEdit(doc, c, Role.GENERATOR, 20, 30);
        assertEquals("Paste 2 layers", p.description());
        history.perform(p);
        NetworkGraph g = doc.design().graph(Role.GENERATOR);
        List<String> ids = p.pastedIds();
        assertEquals(2, ids.size());
        assertTrue(ids.stream().noneMatch(before.nodeIds()::contains), "fresh ids");
        assertEquals("g1_2", g.layer(ids.get(0)).orElseThrow().name());
        assertEquals("g2_2", g.layer(ids.get(1)).orElseThrow().name());
        assertEquals(new LayerSpec.Dense("g1_2", 128, Activation.RELU), g.layer(ids.get(0)).orElseThrow().layer());
        assertEquals(before.graph(Role.GENERATOR).position("generator/g1").plus(20, 30), g.position(ids.get(0)));
        assertEquals(List.of(new Edge(ids.get(0), ids.get(1))), g.outgoing(ids.get(0)));
        PasteEdit again = new PasteEdit(doc, c, Role.GENERATOR, 40, 60);
        history.perform(again);
        assertEquals("g1_3", doc.design().graph(Role.GENERATOR).layer(again.pastedIds().get(0)).orElseThrow()
                .name());
        assertEquals("nothing to paste: copy some layers first",
                refused(new PasteEdit(doc, Clipboard.EMPTY, Role.GENERATOR, 0, 0)));
    }

    @Test
    void aCompositeEditIsAllOrNothing() {
        AddLayerEdit add = new AddLayerEdit(doc, Role.GENERATOR, entry("dense"), new Point(0, 0));
        CompositeEdit c = new CompositeEdit(doc, "Add and connect", List.of(add,
                new ConnectEdit(doc, add.nodeId(), "generator")));
        assertEquals("nothing can connect into the input of 'G': it is where the network starts", refused(c));
        assertTrue(doc.design().graph(Role.GENERATOR).layer(add.nodeId()).isEmpty(), "the add was taken back");
    }

    @Test
    void theInputAndDataShapesCanBeSet() {
        history.perform(new SetInputShapeEdit(doc, Role.GENERATOR, Shape.vector(16)));
        assertEquals(16, doc.design().latentDim());
        assertEquals("Set the input of 'G' to 16", history.undoDescription().orElseThrow());
        history.perform(new SetDataShapeEdit(doc, Shape.vector(3)));
        assertEquals(Shape.vector(3), doc.design().data());
        assertEquals(List.of(Diagnostic.Code.DATA_MISMATCH, Diagnostic.Code.DATA_MISMATCH),
                doc.check().diagnostics().stream().map(Diagnostic::code).toList(), "G and D no longer fit the data");
    }

    @Test
    void openingANetworkIntoARoleReplacesItAndKeepsItsPlace() {
        NetworkSpec d = Templates.mlpGan2d(2, 64).discriminator();
        ReplaceNetworkEdit e = new ReplaceNetworkEdit(doc, Role.DISCRIMINATOR, d);
        assertEquals("Open 'D' as the discriminator", e.description());
        Point at = doc.design().graph(Role.DISCRIMINATOR).input().position();
        history.perform(e);
        assertEquals(d, doc.design().graph(Role.DISCRIMINATOR).toSpec());
        assertEquals(at, doc.design().graph(Role.DISCRIMINATOR).input().position());
    }

    @Test
    void undoAndRedoRefuseADocumentChangedBehindTheirBack() {
        Edit a = new SetLayerPropertyEdit(doc, "generator/g1", "units", 3);
        a.execute();
        new SetLayerPropertyEdit(doc, "generator/g1", "units", 4).execute();
        assertThrows(IllegalStateException.class, a::undo);
        assertThrows(IllegalStateException.class, a::execute);
    }
}
