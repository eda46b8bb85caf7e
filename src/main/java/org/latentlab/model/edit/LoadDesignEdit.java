package org.latentlab.model.edit;

/** Replaces the whole design: a template chosen, a design file opened. Undoing brings the previous design back. */
public final class LoadDesignEdit extends DesignEdit {

    private final ModelDesign design;
    private final String description;

    /** @param description what the menu says, e.g. {@code Open dcgan.json} or {@code Load template DCGAN} */
    public LoadDesignEdit(DesignDocument document, ModelDesign design, String description) {
        super(document);
        this.design = java.util.Objects.requireNonNull(design, "design");
        this.description = description;
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        return design;
    }

    @Override
    protected String describe(ModelDesign current) {
        return description;
    }
}
