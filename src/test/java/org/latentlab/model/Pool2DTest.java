package org.latentlab.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.model.CostEstimate;
import org.latentlab.model.edit.DesignFiles;
import org.latentlab.train.Backend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pooling: shapes as DL4J computes them, values of max and average pooling, files and costs. */
class Pool2DTest {

    private static NetworkSpec net(LayerSpec.Pool2D.Pooling pooling, int kernel, int stride) {
        return new NetworkSpec("P", Shape.image(1, 4, 4), List.of(
                new LayerSpec.Pool2D("pool", pooling, kernel, stride),
                new LayerSpec.Flatten("flat"),
                new LayerSpec.Dense("out", 1, Activation.IDENTITY)));
    }

    @Test
    void outputShapesFollowTheValidPoolingFormula() {
        assertEquals(Shape.image(3, 14, 14), new LayerSpec.Pool2D("p", null, 2, 2).outputShape(Shape.image(3, 28, 28)));
        assertEquals(Shape.image(3, 13, 13), new LayerSpec.Pool2D("p", null, 3, 2).outputShape(Shape.image(3, 28, 28)));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LayerSpec.Pool2D("p", null, 5, 1).outputShape(Shape.image(1, 4, 4)));
        assertTrue(e.getMessage().contains("smaller kernel"), e.getMessage());
        var v = assertThrows(IllegalArgumentException.class,
                () -> new LayerSpec.Pool2D("p", null, 2, 2).outputShape(Shape.vector(16)));
        assertTrue(v.getMessage().contains("add a Reshape"), v.getMessage());
    }

    @Test
    void dl4jPoolsAsTheSpecSays() {
        Backend.init();
        double[] x = new double[16];
        for (int i = 0; i < 16; i++) {
            x[i] = i; // rows 0..3 of a 4x4 image: 0 1 2 3 / 4 5 6 7 / ...
        }
        INDArray in = Nd4j.create(x, new long[] {1, 16}, 'c').castTo(DataType.DOUBLE);
        for (LayerSpec.Pool2D.Pooling kind : LayerSpec.Pool2D.Pooling.values()) {
            NetworkSpec spec = net(kind, 2, 2);
            MultiLayerNetwork m = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.9), 1, DataType.DOUBLE);
            // the pooled 2x2 map: activations of the flatten's input
            List<INDArray> acts = m.feedForward(in, false);
            INDArray pooled = acts.get(1).reshape(1, 4);
            double[] expected = kind == LayerSpec.Pool2D.Pooling.MAX ? new double[] {5, 7, 13, 15}
                    : new double[] {2.5, 4.5, 10.5, 12.5};
            assertArrayEquals(expected, pooled.toDoubleVector(), 1e-12, kind.toString());
            assertEquals(CostEstimate.of(spec, 1).parameters(), m.numParams());
        }
    }

    @Test
    void poolingRoundTripsThroughJson() {
        NetworkSpec spec = net(LayerSpec.Pool2D.Pooling.AVG, 3, 1);
        String json = DesignFiles.toJson(spec);
        assertTrue(json.contains("\"pool2d\"") && json.contains("\"avg\""), json);
        assertEquals(spec, DesignFiles.parseNetwork(json, "test"));
    }
}
