package org.latentlab.model.edit;

import org.latentlab.model.Shape;

/** Sets the data shape the design's roles are tied to (when the experiment's data set changes). */
public final class SetDataShapeEdit extends DesignEdit {

    private final Shape shape;

    public SetDataShapeEdit(DesignDocument document, Shape shape) {
        super(document);
        this.shape = java.util.Objects.requireNonNull(shape, "shape");
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        return current.withData(shape);
    }

    @Override
    protected String describe(ModelDesign current) {
        return "Set the data shape to " + shape;
    }
}
