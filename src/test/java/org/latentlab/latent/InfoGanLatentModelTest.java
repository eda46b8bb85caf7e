package org.latentlab.latent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An InfoGAN's G in the studio (Chen et al. 2016): the code is the noise followed by the continuous codes, and G
 * receives [noise, one-hot of the chosen categorical value, continuous codes], one code or a batch.
 */
class InfoGanLatentModelTest {

    @Test
    void decodesTheNoiseTheChosenValueAndTheContinuousCodes() {
        MultiLayerNetwork g = Nets.mlp(2 + 3 + 1, 4, 5, DataType.DOUBLE, 8);
        LatentModel m = LatentModels.infoGenerator(g, 2, 1, List.of("c=0", "c=1", "c=2"), ImageShape.vector(4), null);
        assertEquals(3, m.codeSize(), "two noise values and one continuous code");
        assertEquals(1, m.continuousCodes());
        assertTrue(m.isInfoGan());
        double[] code = {0.3, -1.2, 1.7};
        for (int k = 0; k < 3; k++) {
            m.setLabel(k);
            double[] input = {code[0], code[1], k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0, code[2]};
            float[] expected = g.output(Nd4j.create(input, new long[] {1, 6}), false).dup().data().asFloat();
            assertArrayEquals(expected, m.decode(code), 1e-6f, "one code with value " + k);
            assertArrayEquals(expected, m.decode(new double[][] {code, {0, 0, 0}})[0], 1e-6f, "a batch, value " + k);
        }
        assertFalse(LatentModels.conditionalGenerator(g, 3, List.of("a", "b", "c"), ImageShape.vector(4), null)
                .isInfoGan(), "a conditional G is no InfoGAN");
    }
}
