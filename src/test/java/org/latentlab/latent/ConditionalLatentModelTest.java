package org.latentlab.latent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A conditional G in the studio decodes [z, one-hot of the chosen class], one code or a batch. */
class ConditionalLatentModelTest {

    @Test
    void decodesTheCodeJoinedToTheChosenClass() {
        MultiLayerNetwork g = Nets.mlp(2 + 3, 4, 5, DataType.DOUBLE, 8);
        LatentModel m = LatentModels.conditionalGenerator(g, 2, List.of("a", "b", "c"), ImageShape.vector(4), null);
        assertEquals(2, m.codeSize());
        assertEquals(List.of("a", "b", "c"), m.labelNames());
        double[] z = {0.3, -1.2};
        for (int k = 0; k < 3; k++) {
            m.setLabel(k);
            double[] input = {z[0], z[1], k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0};
            float[] expected = g.output(Nd4j.create(input, new long[] {1, 5}), false).dup().data().asFloat();
            assertArrayEquals(expected, m.decode(z), 1e-6f, "one code as class " + k);
            assertArrayEquals(expected, m.decode(new double[][] {z, {0, 0}})[0], 1e-6f, "a batch as class " + k);
        }
        m.setLabel(0);
        float[] a = m.decode(z);
        m.setLabel(2);
        assertFalse(java.util.Arrays.equals(a, m.decode(z)), "the class changes the decode");
        assertThrows(IllegalArgumentException.class, () -> m.setLabel(3));
    }
}
