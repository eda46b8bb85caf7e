package org.latentlab.train.classifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.latentlab.model.OptimizerSpec;

/**
 * How a classifier is trained: minibatches of {@code batchSize} drawn without replacement (a fresh shuffle each
 * epoch; the last incomplete batch of an epoch is dropped), the optimiser, and the augmentation: each training
 * image shifted by a random whole number of pixels in [−shift, shift] along each axis, the edge filled with
 * background (0 = none); optionally Tangent Prop ({@link TangentPropSettings}, null: none), which asks for no shifts
 * (its tangents belong to the unshifted images).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassifierSettings(int batchSize, OptimizerSpec optimizer, int shift, TangentPropSettings tangentProp) {

    @JsonCreator
    public ClassifierSettings {
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("classifier batchSize must be 1..4096, not " + batchSize);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("a classifier needs an optimizer, e.g. {\"type\": \"adam\","
                    + " \"learningRate\": 0.001}");
        }
        if (shift < 0 || shift > 8) {
            throw new IllegalArgumentException("classifier shift (augmentation, in pixels) must be 0..8, not "
                    + shift);
        }
        if (tangentProp != null && tangentProp.active() && shift > 0) {
            throw new IllegalArgumentException("Tangent Prop takes its tangents at the training images as they are:"
                    + " set shift to 0 (the penalty asks for the invariance the shifts would teach)");
        }
    }

    /** Plain training: no Tangent Prop. */
    public ClassifierSettings(int batchSize, OptimizerSpec optimizer, int shift) {
        this(batchSize, optimizer, shift, null);
    }

    /** The same settings with other Tangent Prop settings (null: none). */
    public ClassifierSettings withTangentProp(TangentPropSettings t) {
        return new ClassifierSettings(batchSize, optimizer, shift, t);
    }

    @Override
    public String toString() {
        return "batch " + batchSize + ", " + optimizer + (shift > 0 ? ", shifts up to " + shift + " px" : "")
                + (tangentProp != null && tangentProp.active() ? ", " + tangentProp : "");
    }
}
