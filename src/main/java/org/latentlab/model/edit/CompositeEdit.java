package org.latentlab.model.edit;

import java.util.List;

/**
 * Several edits of one document done, undone and redone as one ("Add dense" and "Connect" from one drop on a port),
 * with one notification of the document's listeners each time. Executing is all or nothing: if one part is refused,
 * the parts already done are undone and the refusal is passed on.
 */
public final class CompositeEdit implements Edit {

    private final DesignDocument document;
    private final String description;
    private final List<Edit> parts;

    public CompositeEdit(DesignDocument document, String description, List<? extends Edit> parts) {
        this.document = java.util.Objects.requireNonNull(document, "document");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a composite edit needs a description");
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a composite edit needs at least one part");
        }
        this.description = description;
        this.parts = List.copyOf(parts);
    }

    public List<Edit> parts() {
        return parts;
    }

    @Override
    public void execute() {
        document.batch(() -> {
            for (int i = 0; i < parts.size(); i++) {
                try {
                    parts.get(i).execute();
                } catch (RuntimeException e) {
                    for (int j = i - 1; j >= 0; j--) {
                        parts.get(j).undo();
                    }
                    throw e;
                }
            }
        });
    }

    @Override
    public void undo() {
        document.batch(() -> {
            for (int i = parts.size() - 1; i >= 0; i--) {
                parts.get(i).undo();
            }
        });
    }

    @Override
    public void redo() {
        document.batch(() -> {
            for (Edit e : parts) {
                e.redo();
            }
        });
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean changedNothing() {
        return parts.stream().allMatch(Edit::changedNothing);
    }
}
