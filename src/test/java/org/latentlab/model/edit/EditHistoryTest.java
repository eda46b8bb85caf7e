package org.latentlab.model.edit;

import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditHistoryTest {

    private final DesignDocument doc = new DesignDocument(DesignTemplates.get("autoencoder").design());

    private Edit units(int n) {
        return new SetLayerPropertyEdit(doc, "encoder/enc_out", "units", n);
    }

    @Test
    void menuLabelsNameTheEditAndFallBackToPlainUndoRedo() {
        EditHistory h = new EditHistory();
        assertEquals("Undo", h.undoLabel());
        assertEquals("Redo", h.redoLabel());
        assertFalse(h.canUndo());
        h.perform(new AddLayerEdit(doc, Role.ENCODER, Palette.entry("dense").orElseThrow(), new Point(0, 0)));
        assertEquals("Undo Add dense", h.undoLabel());
        assertTrue(h.canUndo());
        h.undo();
        assertEquals("Redo Add dense", h.redoLabel());
        assertTrue(h.canRedo());
        assertEquals("Undo", h.undoLabel());
    }

    @Test
    void aNewEditClearsTheRedoStack() {
        EditHistory h = new EditHistory();
        h.perform(units(10));
        h.perform(units(20));
        h.undo();
        assertTrue(h.canRedo());
        h.perform(units(30));
        assertFalse(h.canRedo());
        assertEquals(2, h.undoCount());
        h.undo();
        h.undo();
        assertEquals(64, ((org.latentlab.model.LayerSpec.Dense) DesignEdit.layerNode(doc.design(),
                "encoder/enc_out").layer()).units());
    }

    @Test
    void listenersHearEveryChangeOfTheStacks() {
        EditHistory h = new EditHistory();
        List<String> heard = new ArrayList<>();
        h.addListener(x -> heard.add(x.undoLabel() + "|" + x.redoLabel()));
        h.perform(units(10));
        h.undo();
        h.redo();
        h.clear();
        assertEquals(List.of("Undo Set units of 'enc_out' to 10|Redo", "Undo|Redo Set units of 'enc_out' to 10",
                "Undo Set units of 'enc_out' to 10|Redo", "Undo|Redo"), heard);
    }

    @Test
    void aRefusedEditIsNotRecordedAndNeitherIsOneThatChangesNothing() {
        EditHistory h = new EditHistory();
        ModelDesign before = doc.design();
        assertThrows(LabException.class, () -> h.perform(units(0)));
        h.perform(units(64));
        assertEquals(0, h.undoCount(), "setting the value it already has is not an edit");
        assertTrue(before.equals(doc.design()));
    }

    @Test
    void theHistoryKnowsWhetherTheDocumentDiffersFromTheSavedOne() {
        EditHistory h = new EditHistory();
        assertFalse(h.isModified());
        h.perform(units(10));
        assertTrue(h.isModified());
        h.markSaved();
        assertFalse(h.isModified());
        h.undo();
        assertTrue(h.isModified());
        h.redo();
        assertFalse(h.isModified(), "back at the saved state");
        h.undo();
        h.perform(units(11));
        assertTrue(h.isModified(), "the saved state can no longer be reached");
    }

    @Test
    void theOldestEditsGoWhenTheLimitIsReached() {
        EditHistory h = new EditHistory(2);
        ModelDesign start = doc.design();
        h.perform(units(10));
        ModelDesign after10 = doc.design();
        h.perform(units(20));
        h.perform(units(30));
        assertEquals(2, h.undoCount());
        h.undo();
        h.undo();
        assertFalse(h.canUndo());
        assertSame(after10, doc.design(), "the first edit can no longer be undone");
        assertTrue(!start.equals(doc.design()));
        assertThrows(IllegalStateException.class, h::undo);
        assertThrows(IllegalArgumentException.class, () -> new EditHistory(0));
    }

    @Test
    void theDocumentTellsItsListenersBeforeAndAfter() {
        EditHistory h = new EditHistory();
        List<ModelDesign[]> changes = new ArrayList<>();
        DesignDocument.Listener l = (b, a) -> changes.add(new ModelDesign[] {b, a});
        doc.addListener(l);
        ModelDesign start = doc.design();
        h.perform(units(10));
        h.undo();
        doc.removeListener(l);
        h.redo();
        assertEquals(2, changes.size());
        assertSame(start, changes.get(0)[0]);
        assertSame(start, changes.get(1)[1]);
        assertSame(doc.check(), doc.check(), "the check is computed once per snapshot");
    }
}
