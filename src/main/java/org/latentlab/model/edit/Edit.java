package org.latentlab.model.edit;

/**
 * One undoable change of a {@link DesignDocument} (Gluon Scene Builder calls them jobs). The lifecycle is
 * {@code execute} once, then {@code undo} and {@code redo} alternately, always through an {@link EditHistory}.
 */
public interface Edit {

    /**
     * Applies the edit the first time.
     *
     * @throws org.latentlab.core.LabException when the edit is refused (a value out of range, a connection into the
     *                                         input...), saying why; the document is then unchanged
     */
    void execute();

    /** Puts the document back as it was before {@link #execute()} (or the last {@link #redo()}). */
    void undo();

    /** Applies the edit again after an {@link #undo()}, giving the very state {@link #execute()} gave. */
    void redo();

    /** What the edit does, for menu items: {@code Add dense}, {@code Set units of 'g1' to 256}. */
    String description();

    /** True when executing changed nothing (such edits are not recorded in the history). */
    default boolean changedNothing() {
        return false;
    }
}
