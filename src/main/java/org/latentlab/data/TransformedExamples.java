package org.latentlab.data;

import java.util.Random;

/** The examples of a set, each changed by one {@link DomainTransform} (labels kept). */
public final class TransformedExamples implements ExampleSet {

    private final ExampleSet base;
    private final DomainTransform transform;

    /** @throws IllegalArgumentException when the transform does not fit the set's examples */
    public TransformedExamples(ExampleSet base, DomainTransform transform) {
        String why = transform.refusal(base.shape());
        if (why != null) {
            throw new IllegalArgumentException(base.name() + ": " + why);
        }
        this.base = base;
        this.transform = transform;
    }

    @Override
    public String name() {
        return transform == DomainTransform.NONE ? base.name() : base.name() + " (" + transform.id() + ")";
    }

    @Override
    public int[] shape() {
        return base.shape();
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public float[] example(int i) {
        return transform.apply(base.example(i), base.shape());
    }

    @Override
    public boolean hasLabels() {
        return base.hasLabels();
    }

    @Override
    public int label(int i) {
        return base.label(i);
    }

    @Override
    public String labelName(int label) {
        return base.labelName(label);
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        ExampleSet.sampleUniform(this, n, rng, out);
    }

    @Override
    public String contentHash() {
        return base.contentHash() + (transform == DomainTransform.NONE ? "" : "+" + transform.id());
    }
}
