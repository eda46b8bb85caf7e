package org.latentlab.train.classifier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training with the penalty: λ = 0 is the plain classifier bit for bit; λ &gt; 0 changes the steps. */
class TangentPropTrainingTest {

    private static final int SIDE = LabelledImages.SIDE;

    private static NetworkSpec mlp() {
        return new NetworkSpec("mlp", Shape.image(1, SIDE, SIDE), List.of(
                new LayerSpec.Flatten("f"),
                new LayerSpec.Dense("features", 16, Activation.RELU),
                new LayerSpec.Dense("logits", 3, Activation.IDENTITY)));
    }

    private static TrainingTangents tangents(int size, int k) {
        Random r = new Random(9);
        float[] v = new float[size * k * SIDE * SIDE];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian() * 0.1f;
        }
        return new TrainingTangents(k, SIDE * SIDE, v);
    }

    private static float[] trainedParams(ClassifierSettings settings, TrainingTangents t, int iterations) {
        LabelledImages train = new LabelledImages(64, 1);
        MultiLayerNetwork net = NetworkCompiler.compile(mlp(), settings.optimizer(), 3, DataType.FLOAT);
        try (ClassifierTrainer trainer = new ClassifierTrainer(net, train, 3, settings, 5, t)) {
            for (int i = 0; i < iterations; i++) {
                trainer.iterate();
            }
            if (settings.tangentProp() != null && settings.tangentProp().active()) {
                assertTrue(trainer.lastPenalty() > 0, "penalty " + trainer.lastPenalty());
            }
        }
        return net.params().toFloatVector();
    }

    @Test
    void lambdaZeroTrainsBitForBitLikeThePlainClassifier() {
        ClassifierSettings plain = new ClassifierSettings(16, OptimizerSpec.adam(0.01, 0.9), 0);
        TangentPropSettings off = new TangentPropSettings(0, TangentPropSettings.Source.CLASSIC, 2, 1);
        float[] a = trainedParams(plain, null, 12);
        float[] b = trainedParams(plain.withTangentProp(off), tangents(64, 2), 12);
        assertArrayEquals(a, b, 0f);
        float[] c = trainedParams(plain.withTangentProp(off.withLambda(1)), tangents(64, 2), 12);
        assertFalse(java.util.Arrays.equals(a, c), "λ = 1 must change the steps");
    }

    @Test
    void theTrainerAsksForTangentsAtEveryImage() {
        ClassifierSettings on = new ClassifierSettings(16, OptimizerSpec.adam(0.01, 0.9), 0,
                new TangentPropSettings(1, TangentPropSettings.Source.CLASSIC, 2, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainedParams(on, tangents(10, 2), 1));
        assertTrue(e.getMessage().contains("tangents at each of the 64"), e.getMessage());
    }
}
