package org.latentlab.ui.builder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.core.TaskHandle;
import org.latentlab.experiment.DesignExperiments;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.model.edit.Edge;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.Palette;
import org.latentlab.model.edit.Point;
import org.latentlab.model.edit.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network builder's ViewModel without a screen: edits, files, Train and the DL4J export on a direct runner. */
class BuilderViewModelTest {

    @TempDir
    Path dir;

    private final BuilderViewModel vm = new BuilderViewModel(DesignTemplates.get("mlp-gan-2d"),
            new DirectTaskRunner());

    @Test
    void theExportOfADesignWritesEachNetworkAndSaysSo() throws IOException {
        Path out = dir.resolve("export");
        TaskHandle export = vm.exportDl4j(out);
        assertTrue(export.isDone(), "the direct runner finishes the job before returning");
        assertFalse(vm.messageIsErrorProperty().get(), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("exported 4 files to " + out), vm.messageProperty().get());
        try (var files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(4, names.size(), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-generator.zip")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-discriminator.json")), names.toString());
        }
    }

    @Test
    void anExportThatFailsBecomesTheMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        vm.exportDl4j(file);
        assertTrue(vm.messageIsErrorProperty().get());
        String m = vm.messageProperty().get();
        assertTrue(m.contains("a-file"), m);
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void anRbmIsNotExportedAndTheReasonIsShown() {
        BuilderViewModel rbm = new BuilderViewModel(DesignTemplates.get("rbm"), new DirectTaskRunner());
        rbm.exportDl4j(dir.resolve("rbm"));
        assertTrue(rbm.messageIsErrorProperty().get());
        assertTrue(rbm.messageProperty().get().contains("save the design as JSON"), rbm.messageProperty().get());
    }

    @Test
    void anEditCanBeUndoneAndRedoneAndTheLabelsSayWhich() {
        ModelDesign before = vm.designProperty().get();
        assertFalse(vm.canUndoProperty().get());
        vm.targetProperty().set(Role.DISCRIMINATOR);
        Palette.Entry dense = Palette.entries().stream().filter(e -> e.id().equals("dense")).findFirst()
                .orElseThrow();
        Optional<String> added = vm.addLayer(dense, new Point(900, 400));
        assertTrue(added.isPresent(), vm.messageProperty().get());
        assertTrue(vm.selection().contains(added.get()), "a new layer is selected");
        assertTrue(vm.designProperty().get().graph(Role.DISCRIMINATOR).contains(added.get()));
        assertTrue(vm.canUndoProperty().get());
        assertTrue(vm.undoLabelProperty().get().startsWith("Undo "), vm.undoLabelProperty().get());
        assertTrue(vm.titleProperty().get().endsWith(" •"), "modified: " + vm.titleProperty().get());

        vm.undo();
        assertEquals(before, vm.designProperty().get());
        assertTrue(vm.canRedoProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("undone: "), vm.messageProperty().get());
        vm.redo();
        assertTrue(vm.designProperty().get().graph(Role.DISCRIMINATOR).contains(added.get()));
    }

    @Test
    void aSelectedConnectionIsWhatDeleteRemoves() {
        var d = vm.designProperty().get().graph(Role.DISCRIMINATOR);
        Edge edge = d.edges().get(d.edges().size() - 1);
        String layer = edge.to();
        vm.selection().add(layer);
        vm.selectEdge(edge);
        assertTrue(vm.selection().isEmpty(), "a connection is picked instead of layers");
        assertTrue(vm.messageProperty().get().contains("Delete removes it"), vm.messageProperty().get());
        vm.deleteSelection();
        var after = vm.designProperty().get().graph(Role.DISCRIMINATOR);
        assertFalse(after.edges().contains(edge), "the connection is gone");
        assertTrue(after.contains(layer), "its layers stay");
        assertEquals(null, vm.selectedEdgeProperty().get());

        vm.undo();
        assertTrue(vm.designProperty().get().graph(Role.DISCRIMINATOR).edges().contains(edge));
    }

    @Test
    void nothingConnectsIntoANetworksInput() {
        var d = vm.designProperty().get().graph(Role.DISCRIMINATOR);
        String input = d.input().id();
        String layer = d.layers().get(d.layers().size() - 1).id();
        ModelDesign before = vm.designProperty().get();
        assertFalse(vm.connect(layer, input));
        assertTrue(vm.messageIsErrorProperty().get());
        assertTrue(vm.messageProperty().get().contains("input"), vm.messageProperty().get());
        assertEquals(before, vm.designProperty().get());
    }

    @Test
    void aMalformedFileIsRefusedAndTheCanvasKeepsItsDesign() throws IOException {
        ModelDesign before = vm.designProperty().get();
        Path bad = Files.writeString(dir.resolve("design.json"), "{ \"format\": ");
        assertFalse(vm.open(bad));
        assertTrue(vm.messageIsErrorProperty().get());
        assertTrue(vm.messageProperty().get().contains("design.json"), vm.messageProperty().get());
        assertEquals(before, vm.designProperty().get());
    }

    @Test
    void aSavedDesignOpensAgainUnchanged() {
        Path file = dir.resolve("saved.json");
        assertTrue(vm.save(file), vm.messageProperty().get());
        assertEquals(Optional.of(file), vm.file());
        BuilderViewModel other = new BuilderViewModel(new DirectTaskRunner());
        assertTrue(other.open(file), other.messageProperty().get());
        assertEquals(org.latentlab.model.edit.DesignFiles.toJson(vm.designProperty().get()),
                org.latentlab.model.edit.DesignFiles.toJson(other.designProperty().get()));
    }

    @Test
    void trainHandsTheDesignsExperimentToItsBench() {
        List<DesignExperiments.Trainable> sent = new ArrayList<>();
        vm.setTrainer(sent::add);
        assertTrue(vm.train().isPresent(), vm.messageProperty().get());
        assertEquals(1, sent.size());
        assertInstanceOf(DesignExperiments.Gan.class, sent.get(0));
        assertTrue(vm.messageProperty().get().startsWith("training "), vm.messageProperty().get());
    }
}
