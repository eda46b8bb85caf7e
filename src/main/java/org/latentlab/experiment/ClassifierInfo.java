package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.latentlab.data.ImageScale;
import org.latentlab.train.classifier.ConfusionMatrix;

/**
 * What is saved beside a trained classifier ({@code classifier.json}): the experiment that trained it, the data it
 * saw (the training split's content hash and both splits' sizes), its accuracy and confusion matrix on the
 * held-out split, how long it trained, and the SHA-256 of its network file, by which a damaged file is told.
 */
@JsonPropertyOrder({"spec", "heldOutAccuracy"})
public record ClassifierInfo(ClassifierSpec spec, ImageScale scale, String trainingDataHash, int trainingExamples,
                             int heldOutExamples, double heldOutAccuracy, int[][] confusion, long iterations,
                             double trainingSeconds, String modelSha256) {

    public ClassifierInfo {
        if (spec == null || scale == null || trainingDataHash == null || modelSha256 == null || confusion == null) {
            throw new IllegalArgumentException("classifier.json needs spec, scale, trainingDataHash, confusion and"
                    + " modelSha256");
        }
        ConfusionMatrix m = new ConfusionMatrix(confusion);
        if (m.total() != heldOutExamples || Math.abs(m.accuracy() - heldOutAccuracy) > 1e-9) {
            throw new IllegalArgumentException("classifier.json: the confusion matrix (" + m.total() + " examples,"
                    + " accuracy " + m.accuracy() + ") does not agree with heldOutExamples " + heldOutExamples
                    + " and heldOutAccuracy " + heldOutAccuracy);
        }
        if (trainingExamples < 1 || iterations < 1 || !(trainingSeconds >= 0)) {
            throw new IllegalArgumentException("classifier.json: trainingExamples and iterations must be >= 1 and"
                    + " trainingSeconds >= 0");
        }
        confusion = m.counts();
    }

    /** The held-out confusion matrix. */
    public ConfusionMatrix confusionMatrix() {
        return new ConfusionMatrix(confusion);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %.2f %% on %d held-out images (trained on %d, %d iterations,"
                + " %.0f s)", spec.name(), 100 * heldOutAccuracy, heldOutExamples, trainingExamples, iterations,
                trainingSeconds);
    }
}
