package org.latentlab.model.edit;

import org.latentlab.core.LabException;

import java.util.Optional;

/**
 * Base of the builder's edits: an edit is a pure function from the current design to the next one
 * ({@link #apply}); executing it remembers both snapshots, undo and redo put one or the other back. As snapshots are
 * immutable, undo returns exactly the earlier state, and redo exactly the later one.
 */
public abstract class DesignEdit implements Edit {

    protected final DesignDocument document;
    private ModelDesign before;
    private ModelDesign after;
    private boolean applied;
    private String description;

    protected DesignEdit(DesignDocument document) {
        this.document = java.util.Objects.requireNonNull(document, "document");
    }

    /**
     * The design after this edit.
     *
     * @throws LabException or IllegalArgumentException saying why the edit cannot be applied to {@code current}
     */
    protected abstract ModelDesign apply(ModelDesign current);

    /** What the edit does to {@code current}, in words (layers named as they are in it). */
    protected abstract String describe(ModelDesign current);

    /**
     * What the edit does, for menu items; fixed when it is executed, so that a later rename does not change what
     * the undo item says it takes back.
     */
    @Override
    public final String description() {
        return description != null ? description : describe(document.design());
    }

    /** Why this edit would be refused now, or empty if it can be executed (for feedback while dragging). */
    public final Optional<String> refusal() {
        try {
            apply(document.design());
            return Optional.empty();
        } catch (LabException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public final void execute() {
        if (before != null) {
            throw new IllegalStateException("'" + description + "' has already been executed");
        }
        ModelDesign current = document.design();
        ModelDesign next;
        try {
            next = apply(current);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage(), e);
        }
        description = describe(current);
        before = current;
        // an edit that changes nothing keeps the very snapshot, so the edits recorded before it can still be undone
        after = next.equals(current) ? current : next;
        applied = true;
        if (after != current) {
            document.replace(after);
        }
    }

    @Override
    public final void undo() {
        if (!applied || document.design() != after) {
            throw new IllegalStateException("cannot undo '" + description() + "': the document is not in the state"
                    + " it left");
        }
        applied = false;
        document.replace(before);
    }

    @Override
    public final void redo() {
        if (applied || before == null || document.design() != before) {
            throw new IllegalStateException("cannot redo '" + description() + "': the document is not in the state"
                    + " it found");
        }
        applied = true;
        document.replace(after);
    }

    @Override
    public boolean changedNothing() {
        return before != null && before.equals(after);
    }

    /** The layer node {@code id} of {@code design}, or a LabException. */
    static LayerNode layerNode(ModelDesign design, String id) {
        Role role = design.roleOf(id).orElseThrow(() -> new LabException("the design has no node '" + id + "'"));
        return design.graph(role).layer(id).orElseThrow(() -> new LabException("the input of "
                + NetworkCheck.q(design.graph(role).name()) + " is not a layer: change its shape instead"));
    }

    /** The network holding node {@code id}, or a LabException. */
    static Role roleOf(ModelDesign design, String id) {
        return design.roleOf(id).orElseThrow(() -> new LabException("the design has no node '" + id + "'"));
    }
}
