package org.latentlab.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maxout (Goodfellow et al. 2013) as the lab writes it (experiment-file JSON, shapes, validation) and as DL4J runs
 * it: the output h_j = max_k (x·W + b)_{j·pieces + k} written out by hand from the layer's W and b. Its gradients
 * are the engine's ({@code MaxoutEngineTest}): DL4J 1.0.0-M2.1 returns twice the gradient through SameDiff layers
 * when a MultiLayerNetwork backpropagates an output gradient (minibatch discrimination's layer does the same;
 * {@code SameDiffBackwardTest} pins it), so the lab trains these layers on its engine only.
 */
class MaxoutLayerTest {

    private static final int N = 4;
    private static final int IN = 3;
    private static final int UNITS = 4;
    private static final int PIECES = 3;
    private static final NetworkSpec SPEC = new NetworkSpec("D", Shape.vector(IN), List.of(
            new LayerSpec.Maxout("mx", UNITS, PIECES)));

    private static INDArray data(long seed, long rows, long cols) {
        Random r = new Random(seed);
        double[][] v = new double[(int) rows][(int) cols];
        for (double[] row : v) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * r.nextDouble() - 1;
            }
        }
        return Nd4j.create(v).castTo(DataType.DOUBLE);
    }

    @Test
    void itReadsAndWritesAsJsonAndRefusesWhatIsNotAMaxoutLayer() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LayerSpec layer = new LayerSpec.Maxout("d1", 200, 5);
        String text = json.writeValueAsString(layer);
        assertTrue(text.contains("\"type\":\"maxout\""), text);
        assertEquals(layer, json.readValue(text, LayerSpec.class));
        assertEquals(Shape.vector(200), layer.outputShape(Shape.vector(8)));
        assertThrows(IllegalArgumentException.class, () -> layer.outputShape(Shape.image(1, 4, 4)));
        assertEquals("maxout layer 'm' needs 2..64 pieces per unit, not 1",
                assertThrows(IllegalArgumentException.class, () -> new LayerSpec.Maxout("m", 10, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec.Maxout("m", 0, 5));
        // PacGAN's first D layer on packs of 4 2-D points: (8 + 1) · 200 · 5 parameters
        assertEquals(9_000, CostEstimate.of(new NetworkSpec("D", Shape.vector(8), List.of(layer)), 1).parameters());
    }

    @Test
    void dl4jsOutputIsTheLargestPieceOfEachUnitWrittenOut() {
        MultiLayerNetwork net = NetworkCompiler.compile(SPEC, OptimizerSpec.adam(1e-3, 0.5), 5, DataType.DOUBLE);
        net.params().addi(data(9, 1, net.numParams()).muli(0.5).reshape(net.params().shape())); // biases away from 0 too
        assertEquals((IN + 1L) * UNITS * PIECES, net.numParams());
        double[][] w = net.getLayer(0).getParam(MaxoutLayer.W).toDoubleMatrix();
        double[] b = net.getLayer(0).getParam(MaxoutLayer.B).toDoubleVector();
        // a dense layer's flat layout: W column by column ('f' order), then b
        assertEquals(w[1][0], net.params().getDouble(1L), 0.0);
        assertEquals(b[0], net.params().getDouble((long) IN * UNITS * PIECES), 0.0);
        INDArray x = data(3, N, IN);
        INDArray out = net.output(x, false);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < UNITS; j++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < PIECES; k++) {
                    int col = j * PIECES + k;
                    double z = b[col];
                    for (int a = 0; a < IN; a++) {
                        z += x.getDouble(i, a) * w[a][col];
                    }
                    best = Math.max(best, z);
                }
                assertEquals(best, out.getDouble(i, j), 1e-14, "example " + i + " unit " + j);
            }
        }
    }
}
