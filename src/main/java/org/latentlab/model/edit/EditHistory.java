package org.latentlab.model.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The undo and redo stacks of one document (Scene Builder's job manager). {@link #perform} executes an edit and
 * records it, clearing the redo stack; a refused edit leaves both stacks and the document as they were. Keeps at
 * most {@code limit} edits (the oldest go first). Knows whether the document changed since it was last saved.
 */
public final class EditHistory {

    /** Told after every change of the stacks. */
    @FunctionalInterface
    public interface Listener {
        void historyChanged(EditHistory history);
    }

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final int limit;
    private Edit savedAt;

    public EditHistory() {
        this(1000);
    }

    public EditHistory(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("an edit history keeps at least 1 edit, not " + limit);
        }
        this.limit = limit;
    }

    /**
     * Executes {@code edit} and records it (unless it changed nothing).
     *
     * @throws org.latentlab.core.LabException when the edit is refused; nothing is recorded
     */
    public void perform(Edit edit) {
        Objects.requireNonNull(edit).execute();
        if (edit.changedNothing()) {
            return;
        }
        undo.push(edit);
        redo.clear();
        while (undo.size() > limit) {
            undo.removeLast();
        }
        fire();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (undo.isEmpty()) {
            throw new IllegalStateException("nothing to undo");
        }
        Edit e = undo.pop();
        e.undo();
        redo.push(e);
        fire();
    }

    public void redo() {
        if (redo.isEmpty()) {
            throw new IllegalStateException("nothing to redo");
        }
        Edit e = redo.pop();
        e.redo();
        undo.push(e);
        fire();
    }

    /** The description of the edit an undo would take back. */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(Edit::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(Edit::description);
    }

    /** The menu item's text: {@code Undo Add dense}, or {@code Undo} when there is nothing to undo. */
    public String undoLabel() {
        return undoDescription().map(d -> "Undo " + d).orElse("Undo");
    }

    public String redoLabel() {
        return redoDescription().map(d -> "Redo " + d).orElse("Redo");
    }

    /** Number of edits that can be undone. */
    public int undoCount() {
        return undo.size();
    }

    public int redoCount() {
        return redo.size();
    }

    /** Forgets every edit (after opening another document). */
    public void clear() {
        undo.clear();
        redo.clear();
        savedAt = null;
        fire();
    }

    /** Records that the document was saved in its current state. */
    public void markSaved() {
        savedAt = undo.peek();
        fire();
    }

    /** True when the document differs from its last saved (or opened) state by the edits recorded here. */
    public boolean isModified() {
        return undo.peek() != savedAt;
    }

    public void addListener(Listener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void fire() {
        for (Listener l : listeners) {
            l.historyChanged(this);
        }
    }
}
