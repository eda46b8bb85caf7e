package org.latentlab.train.classifier;

import org.latentlab.core.LabException;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.train.Host;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * What the evaluation of generated images asks of a trained classifier: for a batch of images (flat rows
 * [n, channels·height·width], pixels in the classifier's {@link #scale()}) the class probabilities p(y|x) (the
 * classifier score, the class histogram) and the penultimate layer's activations (Fréchet distance, KID, precision
 * and recall, nearest neighbours in feature space); and, on any labelled set of its input shape, its accuracy and
 * confusion matrix. Results are fresh arrays. Implementations may serialise calls: use one from one thread at a
 * time.
 */
public interface Classifier {

    /** Batches the default {@link #confusion} cuts a labelled set into. */
    int BATCH = 500;

    /** K, the number of classes. */
    int classCount();

    /** The shape of one input image: {@code [channels, height, width]}. */
    int[] inputShape();

    /** The pixel range the classifier was trained on; images given in another range go through {@link #inScale}. */
    ImageScale scale();

    /** Values in one feature vector (the penultimate layer's width). */
    int featureSize();

    /** p(y|x): [n, K], every row non-negative and summing to 1. */
    INDArray probabilities(INDArray images);

    /** The penultimate layer's inference-mode activations: [n, {@link #featureSize()}]. */
    INDArray features(INDArray images);

    /** Values in one flat input image. */
    default int inputSize() {
        return Arrays.stream(inputShape()).reduce(1, (a, b) -> a * b);
    }

    /** The most probable class of each image (ties to the lower class). */
    default int[] predict(INDArray images) {
        INDArray p = probabilities(images);
        int n = (int) p.rows();
        float[] flat = Host.floats(p);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = argmax(flat, i * classCount(), classCount());
        }
        return out;
    }

    /** Images given in {@code given} converted to the classifier's scale (a fresh array, or the same one). */
    default INDArray inScale(INDArray images, ImageScale given) {
        if (given == scale()) {
            return images;
        }
        // v/255 = (v/127.5 − 1 + 1)/2 and back
        return given == ImageScale.MINUS_ONE_TO_ONE ? images.add(1.0).muli(0.5) : images.mul(2.0).subi(1.0);
    }

    /**
     * The confusion matrix on a labelled set of the classifier's input shape, its images in the classifier's
     * {@link #scale()}: rows the true classes, columns the predictions.
     *
     * @throws LabException when the set has no labels, another shape, or labels outside the K classes
     */
    default ConfusionMatrix confusion(ExampleSet labelled) {
        if (!labelled.hasLabels()) {
            throw new LabException(labelled.name() + " has no labels: give the labels file to measure a classifier"
                    + " on it");
        }
        if (!Arrays.equals(labelled.shape(), inputShape())) {
            throw new LabException(labelled.name() + " holds images of " + Arrays.toString(labelled.shape())
                    + " but the classifier takes " + Arrays.toString(inputShape()));
        }
        int n = labelled.size();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        int d = inputSize();
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            float[] batch = new float[m * d];
            for (int k = 0; k < m; k++) {
                System.arraycopy(labelled.example(from + k), 0, batch, k * d, d);
                truth[from + k] = labelled.label(from + k);
                if (truth[from + k] < 0 || truth[from + k] >= classCount()) {
                    throw new LabException(labelled.name() + ": example " + (from + k) + " has label "
                            + truth[from + k] + ", but the classifier knows " + classCount() + " classes (0.."
                            + (classCount() - 1) + ")");
                }
            }
            int[] p = predict(Nd4j.create(batch, new long[] {m, d}, 'c'));
            System.arraycopy(p, 0, predicted, from, m);
        }
        return ConfusionMatrix.of(truth, predicted, classCount());
    }

    /** The fraction of a labelled set classified right (see {@link #confusion}). */
    default double accuracy(ExampleSet labelled) {
        return confusion(labelled).accuracy();
    }

    /** The index of the largest of {@code count} values from {@code offset} (ties to the lower index). */
    static int argmax(float[] values, int offset, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (values[offset + k] > values[offset + best]) {
                best = k;
            }
        }
        return best;
    }
}
