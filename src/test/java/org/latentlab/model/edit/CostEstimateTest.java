package org.latentlab.model.edit;

import org.latentlab.model.CostEstimate;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.latentlab.train.rbm.DeepBeliefNet;
import org.latentlab.train.rbm.Rbm;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostEstimateTest {

    private static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.9);

    /** DL4J is the oracle for parameter counts: every network of every template. */
    @Test
    void parameterCountsEqualDl4jsForEveryTemplateNetwork() {
        for (DesignTemplates.Template t : DesignTemplates.all()) {
            for (Map.Entry<Role, NetworkSpec> e : t.design().toSpecs().entrySet()) {
                MultiLayerNetwork net = NetworkCompiler.compile(e.getValue(), ADAM, 1, DataType.FLOAT);
                long estimate = CostEstimate.of(e.getValue(), 16).parameters();
                assertEquals(net.numParams(), estimate, t.id() + " " + e.getKey().id());
                for (int i = 0, j = 0; i < e.getValue().layers().size(); i++) {
                    LayerSpec l = e.getValue().layers().get(i);
                    if (l instanceof LayerSpec.Reshape || l instanceof LayerSpec.Flatten) {
                        continue;
                    }
                    assertEquals(net.getLayer(j++).numParams(), CostEstimate.of(e.getValue(), 16).layers().get(i)
                            .parameters(), t.id() + " layer " + l.name());
                }
            }
        }
    }

    /** The lab's RBM is the oracle for RBM designs: W, visible bias b and hidden bias c of each machine. */
    @Test
    void rbmDesignsCountTheVisibleBiasesToo() {
        for (String id : List.of("rbm", "dbn")) {
            ModelDesign d = DesignTemplates.get(id).design();
            DeepBeliefNet dbn = new DeepBeliefNet(784, d.rbmHidden(), 1, DataType.FLOAT);
            long expected = 0;
            for (Rbm r : dbn.rbms()) {
                expected += r.weights().length() + r.visibleBias().length() + r.hiddenBias().length();
            }
            CostEstimate.NetworkCost c = DesignCost.of(d.check(), 8).get(Role.RBM);
            assertEquals(expected, c.parameters(), id);
            assertEquals(expected, c.trainable(), id);
        }
        assertEquals(784L * 256 + 256 + 784, DesignCost.of(DesignTemplates.get("rbm").design().check(), 1)
                .get(Role.RBM).parameters());
    }

    @Test
    void denseCostsFollowTheDocumentedFormulas() {
        NetworkSpec s = new NetworkSpec("n", Shape.vector(10), List.of(
                new LayerSpec.Dense("a", 20, Activation.RELU),
                new LayerSpec.Dense("b", 3, Activation.IDENTITY)));
        CostEstimate.NetworkCost c = CostEstimate.of(s, 32);
        CostEstimate.LayerCost a = c.layers().get(0);
        assertEquals(10 * 20 + 20, a.parameters());
        assertEquals(2 * 10 * 20 + 20 + 20, a.flops(), "multiply-adds x2, bias, relu");
        assertEquals(4L * 32 * 20, a.activationBytes());
        CostEstimate.LayerCost b = c.layers().get(1);
        assertEquals(20 * 3 + 3, b.parameters());
        assertEquals(2 * 20 * 3 + 3, b.flops(), "no activation flops for identity");
        assertEquals(220 + 63, c.parameters());
        assertEquals(4L * 32 * (10 + 20 + 3), c.activationBytes(), "input batch plus both outputs");
        assertEquals(c.flops() * 32, c.flopsPerBatch());
        assertEquals(Shape.vector(20), a.output());
        assertEquals(Shape.vector(20), b.input());
        assertTrue(c.complete());
    }

    @Test
    void convolutionCostsFollowTheDocumentedFormulas() {
        NetworkSpec s = new NetworkSpec("n", Shape.image(2, 8, 8), List.of(
                new LayerSpec.Conv2D("c", 4, 3, 2, Padding.SAME, Activation.LEAKYRELU, 0.2),
                new LayerSpec.BatchNorm("bn"),
                new LayerSpec.Deconv2D("d", 1, 4, 2, Padding.SAME, Activation.TANH, 0),
                new LayerSpec.Upsample2D("u", 2),
                new LayerSpec.Flatten("f"),
                new LayerSpec.Dropout("drop", 0.5)));
        List<CostEstimate.LayerCost> l = CostEstimate.of(s, 2).layers();
        // conv: 2x8x8 -> 4x4x4
        assertEquals(3 * 3 * 2 * 4 + 4, l.get(0).parameters());
        assertEquals(2L * 3 * 3 * 2 * 4 * 4 * 4 + 64 + 64, l.get(0).flops());
        // batch norm over 4 channels: gamma, beta, mean, variance; 2 trainable per channel
        assertEquals(16, l.get(1).parameters());
        assertEquals(8, l.get(1).trainable());
        assertEquals(2 * 64, l.get(1).flops());
        // deconv: 4x4x4 -> 1x8x8; each of the 4x4 input positions spreads a 4x4x1 patch from 4 channels
        assertEquals(4 * 4 * 4 * 1 + 1, l.get(2).parameters());
        assertEquals(2L * 4 * 4 * 4 * 1 * 4 * 4 + 64 + 64, l.get(2).flops());
        assertEquals(0, l.get(3).flops());
        assertEquals(4L * 2 * 256, l.get(3).activationBytes());
        assertEquals(0, l.get(4).activationBytes(), "flatten makes no copy");
        assertEquals(0, l.get(5).parameters() + l.get(5).flops());
        MultiLayerNetwork net = NetworkCompiler.compile(s, ADAM, 1, DataType.FLOAT);
        assertEquals(net.numParams(), CostEstimate.of(s, 2).parameters());
    }

    @Test
    void aBrokenGraphIsCostedWhereItsShapesAreKnown() {
        DesignDocument doc = new DesignDocument(DesignTemplates.get("mlp-gan-2d").design());
        EditHistory h = new EditHistory();
        h.perform(new DisconnectEdit(doc, new Edge("generator/g2", "generator/g_out")));
        CostEstimate.NetworkCost c = DesignCost.of(doc.check().network(Role.GENERATOR), 4);
        assertFalse(c.complete());
        assertEquals(List.of("generator/g1", "generator/g2"), c.layers().stream()
                .map(CostEstimate.LayerCost::nodeId).toList());
        assertEquals((2 * 128 + 128) + (128 * 128 + 128), c.parameters());
        assertThrows(IllegalArgumentException.class, () -> DesignCost.of(doc.check(), 0));
    }
}
