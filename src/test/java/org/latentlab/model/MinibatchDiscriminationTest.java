package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;

/**
 * Minibatch discrimination as the lab writes it (experiment-file JSON, shapes, validation) and as DL4J stores it:
 * the features o_b(x_i) = Σ_j exp(−‖M_b(x_i) − M_b(x_j)‖₁) written out against DL4J's output, and a saved network
 * restored with the same output.
 */
class MinibatchDiscriminationTest {

    private static final NetworkSpec SPEC = new NetworkSpec("D", Shape.vector(3), List.of(
            new LayerSpec.MinibatchDiscrimination("mbd", 4, 2)));

    @Test
    void itReadsAndWritesAsJsonAndAddsItsKernelsToTheFeatures() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LayerSpec layer = new LayerSpec.MinibatchDiscrimination("mbd", 5, 3);
        String text = json.writeValueAsString(layer);
        assertTrue(text.contains("\"type\":\"minibatch\""), text);
        assertEquals(layer, json.readValue(text, LayerSpec.class));
        assertEquals(Shape.vector(13), layer.outputShape(Shape.vector(8)));
        assertThrows(IllegalArgumentException.class, () -> layer.outputShape(Shape.image(1, 4, 4)));
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec.MinibatchDiscrimination("m", 0, 3));
    }

    @Test
    void dl4jsOutputIsTheFeaturesAndTheClosenessWrittenOut() {
        MultiLayerNetwork net = NetworkCompiler.compile(SPEC, OptimizerSpec.adam(1e-3, 0.5), 5, DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 3);
        INDArray out = net.output(x, true);
        double[][] t = net.getLayer(0).getParam(MinibatchDiscriminationLayer.T).toDoubleMatrix(); // [3, 4·2]
        double[][] m = new double[5][8];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 8; k++) {
                for (int a = 0; a < 3; a++) {
                    m[i][k] += x.getDouble(i, a) * t[a][k];
                }
            }
        }
        for (int i = 0; i < 5; i++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(x.getDouble(i, a), out.getDouble(i, a), 1e-15);
            }
            for (int b = 0; b < 4; b++) {
                double o = 0;
                for (int j = 0; j < 5; j++) {
                    double d = 0;
                    for (int c = 0; c < 2; c++) {
                        d += Math.abs(m[i][b * 2 + c] - m[j][b * 2 + c]);
                    }
                    o += Math.exp(-d);
                }
                assertEquals(o, out.getDouble(i, 3 + b), 1e-12, "example " + i + " kernel " + b);
            }
        }
    }

    @Test
    void aSavedNetworkRestoresWithTheSameOutput(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = NetworkCompiler.compile(SPEC, OptimizerSpec.adam(1e-3, 0.5), 6, DataType.FLOAT);
        Path file = dir.resolve("d.zip");
        ModelSerializer.writeModel(net, file.toFile(), true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3);
        assertEquals(0.0, net.output(x, false).sub(back.output(x, false)).amaxNumber().doubleValue(), 0.0);
    }
}
