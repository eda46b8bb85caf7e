package org.latentlab.model.edit;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The design open in the builder: the current {@link ModelDesign} snapshot, its {@link DesignCheck} (computed once
 * per snapshot, on demand) and the listeners told of every change. Only {@link Edit}s change it, so everything that
 * changes it can be undone; a canvas renders {@link #design()} and {@link #check()} and turns gestures into edits.
 *
 * <p>Not thread-safe: one thread (the UI's) owns a document, as it owns the canvas.
 */
public final class DesignDocument {

    /** Told after every change of the design (an edit, an undo, a redo). */
    @FunctionalInterface
    public interface Listener {
        void designChanged(ModelDesign before, ModelDesign after);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private ModelDesign design;
    private DesignCheck check;
    private long nextId = 1;
    private int batchDepth;
    private ModelDesign batchStart;

    public DesignDocument(ModelDesign design) {
        this.design = Objects.requireNonNull(design, "design");
    }

    public ModelDesign design() {
        return design;
    }

    /** The check of the current design (shapes, diagnostics), computed the first time it is asked for. */
    public DesignCheck check() {
        if (check == null || check.design() != design) {
            check = DesignCheck.of(design);
        }
        return check;
    }

    public void addListener(Listener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Replaces the design; only edits call this. */
    void replace(ModelDesign next) {
        ModelDesign before = design;
        design = Objects.requireNonNull(next);
        if (batchDepth == 0) {
            fire(before, next);
        }
    }

    /**
     * Runs {@code changes} (several edits done as one) with a single notification at the end, from the design
     * before them to the design after them, and none if they end where they began.
     */
    void batch(Runnable changes) {
        if (batchDepth++ == 0) {
            batchStart = design;
        }
        try {
            changes.run();
        } finally {
            if (--batchDepth == 0 && batchStart != design) {
                fire(batchStart, design);
            }
        }
    }

    private void fire(ModelDesign before, ModelDesign after) {
        for (Listener l : listeners) {
            l.designChanged(before, after);
        }
    }

    /**
     * A node id no node of this document has had: {@code n1}, {@code n2}... never handed out twice, so an undone
     * node's id is not reused while its redo is still possible.
     */
    String newNodeId() {
        while (true) {
            String id = "n" + nextId++;
            if (!design.nodeIds().contains(id)) {
                return id;
            }
        }
    }
}
