package org.latentlab.experiment.randomlabels;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.ExampleSet;
import org.latentlab.train.classifier.Classifier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A labelled set held as one array of flat images [n, d] and its labels, to measure a network's accuracy on it many
 * times during training without copying the images again.
 */
public record LabelledImages(INDArray images, int[] labels) {

    /** The images and labels of {@code set}, in the network's float type. */
    public static LabelledImages of(ExampleSet set) {
        int n = set.size();
        int d = set.dimension();
        float[] flat = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(set.example(i), 0, flat, i * d, d);
            labels[i] = set.label(i);
        }
        return new LabelledImages(Nd4j.create(flat, new long[] {n, d}, 'c'), labels);
    }

    public int size() {
        return labels.length;
    }

    /** The fraction the network's logits classify right (inference mode; ties to the lower class). */
    public double accuracy(MultiLayerNetwork net) {
        INDArray in = images.dataType() == net.params().dataType() ? images : images.castTo(net.params().dataType());
        INDArray out = net.output(in, false);
        int classes = (int) out.size(1);
        float[] logits = out.dup().reshape(out.length()).toFloatVector();
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (Classifier.argmax(logits, i * classes, classes) == labels[i]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }
}
