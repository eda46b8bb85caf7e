package org.latentlab.train.classifier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierTrainerTest {

    static NetworkSpec tinyNet() {
        return new NetworkSpec("tiny", Shape.image(1, LabelledImages.SIDE, LabelledImages.SIDE), List.of(
                new LayerSpec.Conv2D("c1", 4, 3, 1, Padding.SAME, Activation.RELU, 0),
                new LayerSpec.Pool2D("p1", LayerSpec.Pool2D.Pooling.MAX, 2, 2),
                new LayerSpec.Flatten("f"),
                new LayerSpec.Dense("features", 8, Activation.RELU),
                new LayerSpec.Dense("logits", 3, Activation.IDENTITY)));
    }

    static MultiLayerNetwork trained(NetworkSpec spec, ExampleSet train, int iterations) {
        ClassifierSettings settings = new ClassifierSettings(16, OptimizerSpec.adam(0.01, 0.9), 0);
        MultiLayerNetwork net = NetworkCompiler.compile(spec, settings.optimizer(), 3, DataType.FLOAT);
        try (ClassifierTrainer t = new ClassifierTrainer(net, train, 3, settings, 5)) {
            double first = Double.NaN;
            double late = 0;
            for (int i = 0; i < iterations; i++) {
                t.iterate();
                if (i == 0) {
                    first = t.lastLoss();
                }
                if (i >= iterations - 10) {
                    late += t.lastLoss() / 10;
                }
            }
            assertTrue(Double.isFinite(first) && late < first / 2, "loss falls: " + first + " -> " + late);
            assertEquals(iterations, t.iteration());
        }
        return net;
    }

    @Test
    void aTinyConvNetLearnsSeparableBarsAndIsRightOnHeldOutImages() {
        LabelledImages train = new LabelledImages(300, 1);
        LabelledImages heldOut = new LabelledImages(150, 2);
        MultiLayerNetwork net = trained(tinyNet(), train, 150);
        NetworkClassifier c = new NetworkClassifier(tinyNet(), net, ImageScale.ZERO_TO_ONE);
        ConfusionMatrix m = c.confusion(heldOut);
        assertEquals(150, m.total());
        assertTrue(m.accuracy() >= 0.95, "held-out accuracy " + m.accuracy() + "\n" + m);
        assertEquals(m.accuracy(), c.accuracy(heldOut), 0);
    }

    @Test
    void probabilitiesAndFeaturesAreDl4jsSoftmaxAndPenultimateActivations() {
        LabelledImages set = new LabelledImages(40, 3);
        MultiLayerNetwork net = trained(tinyNet(), set, 30);
        NetworkClassifier c = new NetworkClassifier(tinyNet(), net, ImageScale.ZERO_TO_ONE);
        float[] flat = new float[set.size() * 64];
        for (int i = 0; i < set.size(); i++) {
            System.arraycopy(set.example(i), 0, flat, i * 64, 64);
        }
        INDArray x = Nd4j.create(flat, new long[] {set.size(), 64}, 'c');
        // oracle: DL4J's own inference, the softmax written out, and its activations layer by layer
        double[][] logits = net.output(x, false).toDoubleMatrix();
        double[][] p = c.probabilities(x).toDoubleMatrix();
        List<INDArray> acts = net.feedForward(x, false);
        double[][] features = acts.get(acts.size() - 2).toDoubleMatrix();
        double[][] f = c.features(x).toDoubleMatrix();
        assertEquals(8, c.featureSize());
        for (int i = 0; i < set.size(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits[i]) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (double v : logits[i]) {
                z += Math.exp(v - max);
            }
            for (int k = 0; k < 3; k++) {
                assertEquals(Math.exp(logits[i][k] - max) / z, p[i][k], 1e-5, "p row " + i);
            }
            assertArrayEquals(features[i], f[i], 1e-4, "features row " + i);
        }
        int[] predicted = c.predict(x);
        for (int i = 0; i < set.size(); i++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                if (p[i][k] > p[i][best]) {
                    best = k;
                }
            }
            assertEquals(best, predicted[i]);
        }
    }

    @Test
    void aSetWithoutLabelsOrOfAnotherShapeIsRefusedInOneLine() {
        MultiLayerNetwork net = NetworkCompiler.compile(tinyNet(), OptimizerSpec.adam(0.01, 0.9), 3, DataType.FLOAT);
        NetworkClassifier c = new NetworkClassifier(tinyNet(), net, ImageScale.ZERO_TO_ONE);
        LabelledImages set = new LabelledImages(10, 1);
        ExampleSet unlabelled = new ExampleSet() {
            public String name() { return "unlabelled"; }
            public int[] shape() { return set.shape(); }
            public int size() { return set.size(); }
            public float[] example(int i) { return set.example(i); }
            public boolean hasLabels() { return false; }
            public int label(int i) { return -1; }
            public void sample(int n, java.util.Random r, float[] out) { set.sample(n, r, out); }
            public String contentHash() { return "u"; }
        };
        LabException e = assertThrows(LabException.class, () -> c.confusion(unlabelled));
        assertTrue(e.getMessage().contains("no labels") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void confusionCountsPredictionsAgainstTruth() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 0, 2}, 3);
        assertEquals(1, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(1, m.count(2, 0));
        assertEquals(6, m.total());
        assertEquals(4.0 / 6, m.accuracy(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {3}, new int[] {0}, 3));
    }
}
