package org.latentlab.latent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A BiGAN in the studio (Donahue et al. 2017): G decodes with the GAN's prior, E encodes examples. */
class BiganLatentModelTest {

    @Test
    void decodesWithGAndEncodesWithE() {
        MultiLayerNetwork g = Nets.mlp(2, 4, 5, DataType.DOUBLE, 6);
        MultiLayerNetwork e = Nets.mlp(4, 2, 7, DataType.DOUBLE, 6);
        LatentModel m = LatentModels.bigan(g, e, ImageShape.vector(4), null);
        assertEquals(ModelKind.BIGAN_GENERATOR, m.kind());
        assertEquals(2, m.codeSize());
        assertTrue(m.hasEncoder());
        assertTrue(m.prior().isPresent(), "G's codes come from N(0, I)");
        float[] x = {0.1f, -0.4f, 0.9f, 0.3f};
        double[] expectedCode = e.output(Nd4j.create(new double[] {0.1f, -0.4f, 0.9f, 0.3f}, new long[] {1, 4}), false)
                .toDoubleVector();
        double[] code = m.encode(new float[][] {x})[0];
        assertArrayEquals(expectedCode, code, 1e-6, "E's code");
        float[] expected = g.output(Nd4j.create(code, new long[] {1, 2}), false).dup().data().asFloat();
        assertArrayEquals(expected, m.decode(code), 1e-6f, "G(E(x))");
    }
}
