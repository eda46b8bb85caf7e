package org.latentlab.experiment.sharpflat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.ExampleSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The mean softmax cross-entropy of a logits classifier on a labelled set, in inference mode, by batches. */
final class NetworkLoss {

    private static final int BATCH = 1000;

    private NetworkLoss() {
    }

    static double meanCrossEntropy(MultiLayerNetwork net, ExampleSet set, int classes) {
        int n = set.size();
        int d = set.dimension();
        double total = 0;
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            float[] flat = new float[m * d];
            for (int i = 0; i < m; i++) {
                System.arraycopy(set.example(from + i), 0, flat, i * d, d);
            }
            INDArray out = net.output(Nd4j.create(flat, new long[] {m, d}, 'c'), false);
            double[] logits = out.dup().reshape(out.length()).toDoubleVector();
            for (int i = 0; i < m; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    max = Math.max(max, logits[i * classes + k]);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    sum += Math.exp(logits[i * classes + k] - max);
                }
                total += max + Math.log(sum) - logits[i * classes + set.label(from + i)];
            }
        }
        return total / n;
    }
}
