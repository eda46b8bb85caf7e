package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * In inference mode (the views' scores of points) minibatch discrimination takes each example on its own: a batch's
 * scores equal DL4J's output for each example alone, and the input gradient equals central differences of that.
 */
class MinibatchInferenceTest {

    @Test
    void eachExampleIsScoredOnItsOwn() {
        MultiLayerNetwork net = NetworkCompiler.compile(new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", 6, Activation.TANH), new LayerSpec.MinibatchDiscrimination("m", 3, 2),
                new LayerSpec.Dense("out", 1, Activation.IDENTITY))), OptimizerSpec.adam(1e-3, 0.5), 3,
                DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 7, 2).subi(0.5).muli(4);
        try (InferenceNetwork engine = InferenceNetwork.of(net).orElseThrow()) {
            INDArray scores = engine.output(x).dup();
            INDArray dx = engine.inputGradient(Nd4j.ones(DataType.DOUBLE, 7, 1)).dup();
            double h = 1e-6;
            for (int i = 0; i < 7; i++) {
                INDArray one = x.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all()).dup();
                double alone = net.output(one, false).getDouble(0);
                assertTrue(Math.abs(alone - scores.getDouble(i, 0)) < 1e-12, "example " + i);
                for (int j = 0; j < 2; j++) {
                    INDArray up = one.dup();
                    up.putScalar(0, j, one.getDouble(0, j) + h);
                    INDArray down = one.dup();
                    down.putScalar(0, j, one.getDouble(0, j) - h);
                    double fd = (net.output(up, false).getDouble(0) - net.output(down, false).getDouble(0)) / (2 * h);
                    assertTrue(Math.abs(fd - dx.getDouble(i, j)) < 1e-7 * Math.max(1, Math.abs(fd)),
                            "gradient " + i + "," + j);
                }
            }
        }
    }
}
