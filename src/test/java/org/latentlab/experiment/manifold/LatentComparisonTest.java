package org.latentlab.experiment.manifold;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.data.ImageScale;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.LatentModel;
import org.latentlab.latent.OutputTransform;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.testing.FlatImages;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Interpolation through two untrained models of 4x4 images with 2-D codes: each path starts and ends at the
 * endpoints' reconstructions, computed here straight through the networks (encoder, decoder, σ); the middle frame
 * decodes the mean of the two codes.
 */
class LatentComparisonTest {

    static final ImageShape SHAPE = ImageShape.image(1, 4, 4);

    @Test
    void pathsStartAndEndAtTheEndpointsReconstructions() {
        MultiLayerNetwork encA = net("ea", 16, 2, Activation.IDENTITY, 1);
        MultiLayerNetwork decA = net("da", 2, 16, Activation.IDENTITY, 2);
        MultiLayerNetwork encB = net("eb", 16, 4, Activation.IDENTITY, 3);
        MultiLayerNetwork decB = net("db", 2, 16, Activation.IDENTITY, 4);
        LatentModel plain = LatentModel.autoencoder(encA, decA, OutputTransform.SIGMOID, SHAPE, ImageScale.ZERO_TO_ONE);
        LatentModel vae = LatentModel.vae(encB, decB, OutputTransform.SIGMOID, SHAPE, ImageScale.ZERO_TO_ONE);
        float[] pixels = new float[20 * 16];
        Random rng = new Random(5);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rng.nextFloat();
        }
        FlatImages set = new FlatImages("tiny", pixels, 1, 4, 4);
        List<int[]> pairs = List.of(new int[] {3, 11}, new int[] {0, 19});
        LatentComparison c = LatentComparison.of(plain, "ae", vae, "vae", set, pairs, 5, 10, 1);

        for (int p = 0; p < pairs.size(); p++) {
            for (int end = 0; end < 2; end++) {
                float[] image = set.example(pairs.get(p)[end]);
                int frame = end == 0 ? 0 : 4;
                assertArrayEquals(reconstruction(encA, decA, image, 2), c.plain().decoded().get(p)[frame], 1e-5f,
                        "autoencoder, pair " + p + ", end " + end);
                // the VAE's code is the mean μ: the first half of the encoder's output
                assertArrayEquals(reconstruction(encB, decB, image, 2), c.vae().decoded().get(p)[frame], 1e-5f,
                        "VAE, pair " + p + ", end " + end);
            }
            double[][] path = c.plain().paths().get(p);
            for (int j = 0; j < 2; j++) {
                assertEquals(0.5 * (path[0][j] + path[4][j]), path[2][j], 1e-12, "the midpoint of a straight line");
            }
        }
        assertEquals(2, c.midpoints(c.plain()).length);
        assertArrayEquals(c.plain().decoded().get(1)[2], c.midpoints(c.plain())[1]);
        assertEquals(10, c.plain().scatter().size());
    }

    @Test
    void codesOfDifferentSizesAreRefused() {
        LatentModel plain = LatentModel.autoencoder(net("ea", 16, 3, Activation.IDENTITY, 1),
                net("da", 3, 16, Activation.IDENTITY, 2), OutputTransform.SIGMOID, SHAPE, ImageScale.ZERO_TO_ONE);
        LatentModel vae = LatentModel.vae(net("eb", 16, 4, Activation.IDENTITY, 3),
                net("db", 2, 16, Activation.IDENTITY, 4), OutputTransform.SIGMOID, SHAPE, ImageScale.ZERO_TO_ONE);
        FlatImages set = new FlatImages("tiny", new float[4 * 16], 1, 4, 4);
        assertThrows(org.latentlab.core.LabException.class, () -> LatentComparison.of(plain, "ae", vae, "vae", set,
                List.of(new int[] {0, 1}), 3, 2, 1));
    }

    static float[] reconstruction(MultiLayerNetwork enc, MultiLayerNetwork dec, float[] image, int code) {
        INDArray x = Nd4j.create(image, new long[] {1, image.length});
        INDArray z = enc.output(x, false).get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, code)).dup();
        return Transforms.sigmoid(dec.output(z, false), true).data().asFloat();
    }

    static MultiLayerNetwork net(String name, int in, int out, Activation a, long seed) {
        return NetworkCompiler.compile(new NetworkSpec(name, Shape.vector(in), List.of(
                new LayerSpec.Dense(name + "1", 8, Activation.TANH), new LayerSpec.Dense(name + "2", out, a))),
                OptimizerSpec.adam(1e-3, 0.9), seed, DataType.FLOAT);
    }
}
