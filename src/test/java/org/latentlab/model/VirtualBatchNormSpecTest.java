package org.latentlab.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual batch norm as an experiment file writes it (JSON, defaults, validation, shapes, cost) and as DL4J stores
 * it: four vectors per unit, the stored statistics' optimiser a no-op, and a saved network (its reference batch size
 * and statistics included) restored with the same output.
 */
class VirtualBatchNormSpecTest {

    @Test
    void itReadsAndWritesAsJsonWithADefaultReferenceBatch() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LayerSpec layer = new LayerSpec.VirtualBatchNorm("vbn", 32);
        String text = json.writeValueAsString(layer);
        assertTrue(text.contains("\"type\":\"virtualbatchnorm\"") && text.contains("\"referenceBatch\":32"), text);
        assertEquals(layer, json.readValue(text, LayerSpec.class));
        assertEquals(64, ((LayerSpec.VirtualBatchNorm) json.readValue("{\"type\":\"virtualbatchnorm\",\"name\":\"v\"}",
                LayerSpec.class)).referenceBatch());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LayerSpec.VirtualBatchNorm("v", -3));
        assertTrue(e.getMessage().contains("reference batch of 1..4096 codes"), e.getMessage());
        assertEquals(Shape.vector(8), layer.outputShape(Shape.vector(8)));
        assertEquals(Shape.image(3, 4, 4), layer.outputShape(Shape.image(3, 4, 4)), "per channel after a convolution");
    }

    @Test
    void dl4jKeepsFourVectorsPerUnitAndNeverLearnsTheStoredStatistics() {
        NetworkSpec spec = new NetworkSpec("G", Shape.vector(2), List.of(new LayerSpec.Dense("g1", 5,
                Activation.RELU), new LayerSpec.VirtualBatchNorm("vbn", 16), new LayerSpec.Dense("g_out", 2,
                Activation.IDENTITY)));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 1, DataType.FLOAT);
        assertEquals(List.of(VirtualBatchNormLayer.GAMMA, VirtualBatchNormLayer.BETA, VirtualBatchNormLayer.MEAN,
                VirtualBatchNormLayer.VARIANCE), List.copyOf(net.getLayer(1).paramTable().keySet()));
        assertEquals(20, net.getLayer(1).numParams());
        assertEquals(net.numParams(), CostEstimate.of(spec, 1).parameters());
        VirtualBatchNormLayer conf = (VirtualBatchNormLayer) net.getLayer(1).conf().getLayer();
        assertTrue(conf.getUpdaterByParam(VirtualBatchNormLayer.MEAN) instanceof NoOp);
        assertTrue(conf.getUpdaterByParam(VirtualBatchNormLayer.VARIANCE) instanceof NoOp);
        assertTrue(!(conf.getUpdaterByParam(VirtualBatchNormLayer.GAMMA) instanceof NoOp));
    }

    @Test
    void aSavedNetworkRestoresWithTheSameOutput(@TempDir Path dir) throws Exception {
        NetworkSpec spec = new NetworkSpec("G", Shape.vector(2), List.of(new LayerSpec.Dense("g1", 5,
                Activation.TANH), new LayerSpec.VirtualBatchNorm("vbn", 16)));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 2, DataType.FLOAT);
        net.getLayer(1).getParam(VirtualBatchNormLayer.MEAN).assign(Nd4j.rand(DataType.FLOAT, 1, 5));
        net.getLayer(1).getParam(VirtualBatchNormLayer.VARIANCE).assign(Nd4j.rand(DataType.FLOAT, 1, 5).addi(0.1));
        Path file = dir.resolve("g.zip");
        ModelSerializer.writeModel(net, file.toFile(), true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        assertEquals(16, ((VirtualBatchNormLayer) back.getLayer(1).conf().getLayer()).getReferenceBatch());
        INDArray z = Nd4j.rand(DataType.FLOAT, 4, 2);
        assertEquals(0.0, net.output(z, false).sub(back.output(z, false)).amaxNumber().doubleValue(), 0.0);
    }

    /** After a convolution: per channel, four values per channel, and a saved network still normalises per channel. */
    @Test
    void afterAConvolutionItKeepsFourValuesPerChannelAndRestores(@TempDir Path dir) throws Exception {
        NetworkSpec spec = new NetworkSpec("G", Shape.vector(2), List.of(new LayerSpec.Dense("g1", 18,
                Activation.TANH), new LayerSpec.Reshape("r", 2, 3, 3), new LayerSpec.VirtualBatchNorm("vbn", 16),
                new LayerSpec.Deconv2D("g_out", 1, 4, 2, Padding.SAME, Activation.IDENTITY, 0)));
        MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 2, DataType.FLOAT);
        assertEquals(8, net.getLayer(1).numParams(), "γ, β, μ_r, σ_r² for each of 2 channels");
        assertEquals(net.numParams(), CostEstimate.of(spec, 1).parameters());
        assertTrue(((VirtualBatchNormLayer) net.getLayer(1).conf().getLayer()).isConvolutional());
        net.getLayer(1).getParam(VirtualBatchNormLayer.MEAN).assign(Nd4j.rand(DataType.FLOAT, 1, 2));
        net.getLayer(1).getParam(VirtualBatchNormLayer.VARIANCE).assign(Nd4j.rand(DataType.FLOAT, 1, 2).addi(0.1));
        Path file = dir.resolve("g.zip");
        ModelSerializer.writeModel(net, file.toFile(), true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        assertTrue(((VirtualBatchNormLayer) back.getLayer(1).conf().getLayer()).isConvolutional());
        INDArray z = Nd4j.rand(DataType.FLOAT, 4, 2);
        assertEquals(0.0, net.output(z, false).sub(back.output(z, false)).amaxNumber().doubleValue(), 0.0);
    }
}
