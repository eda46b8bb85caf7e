package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A conditional GAN's labels (Mirza and Osindero 2014, "Conditional generative adversarial nets"): the experiment
 * file's top-level {@code "conditional": {"classes": K}}. It sits beside the networks, not in {@code training},
 * because it fixes their input sizes (G takes latent + K values, D the example and K label values or planes), as
 * the networks themselves do, while {@code training} holds what may change during a run.
 *
 * @param classes K, the number of classes of the data set's labels (2..1000)
 */
public record ConditionalSpec(int classes) {

    public static final int MAX_CLASSES = 1000;

    /** Reads {@code {"classes": K}}; a missing K is refused with the same message as a wrong one. */
    @JsonCreator
    static ConditionalSpec fromJson(@JsonProperty("classes") Integer classes) {
        return new ConditionalSpec(classes == null ? -1 : classes);
    }

    public ConditionalSpec {
        if (classes < 2 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException("conditional.classes must be 2.." + MAX_CLASSES + " (the number of"
                    + " classes of the data set's labels), not " + (classes == -1 ? "missing" : classes));
        }
    }
}
