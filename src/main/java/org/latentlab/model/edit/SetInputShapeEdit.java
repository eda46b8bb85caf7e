package org.latentlab.model.edit;

import org.latentlab.model.Shape;

/** Sets the shape of a network's input (a generator's noise size, a decoder's code size...). */
public final class SetInputShapeEdit extends DesignEdit {

    private final Role role;
    private final Shape shape;

    public SetInputShapeEdit(DesignDocument document, Role role, Shape shape) {
        super(document);
        this.role = java.util.Objects.requireNonNull(role, "role");
        this.shape = java.util.Objects.requireNonNull(shape, "shape");
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        return current.with(role, current.graph(role).withInputShape(shape));
    }

    @Override
    protected String describe(ModelDesign current) {
        return "Set the input of " + NetworkCheck.q(current.graph(role).name()) + " to " + shape;
    }
}
