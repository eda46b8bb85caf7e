package org.latentlab.model.edit;

/** Sets how a GAN-zoo design's networks are joined (labels, codes, the layer a head reads or a loss measures in). */
public final class SetWiringEdit extends DesignEdit {

    private final Wiring wiring;

    public SetWiringEdit(DesignDocument document, Wiring wiring) {
        super(document);
        this.wiring = java.util.Objects.requireNonNull(wiring, "wiring");
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        return current.withWiring(wiring);
    }

    @Override
    protected String describe(ModelDesign current) {
        Wiring w = current.wiring();
        if (w.classes() != wiring.classes()) {
            return "Set the labels to " + wiring.classes();
        }
        if (w.categorical() != wiring.categorical() || w.continuous() != wiring.continuous()) {
            return "Set the codes to " + wiring.categorical() + " categorical, " + wiring.continuous() + " continuous";
        }
        if (w.qHidden() != wiring.qHidden()) {
            return "Set Q's hidden units to " + wiring.qHidden();
        }
        return wiring.layer().isEmpty() ? "Clear the wired layer" : "Wire D's layer '" + wiring.layer() + "'";
    }
}
