package org.latentlab.latent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.data.ImageScale;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.Templates;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LatentModel against its networks' own outputs (FLOAT, as the lab trains). */
class LatentModelTest {

    private static final ImageShape IMAGE_4X4 = ImageShape.image(1, 4, 4);

    private static float[] rawOutput(MultiLayerNetwork net, double[] code) {
        INDArray out = net.output(Nd4j.create(code, new long[] {1, code.length}, DataType.FLOAT), false);
        return out.reshape('c', new long[] {out.length()}).toFloatVector();
    }

    private static double[][] codes(int n, int k, long seed) {
        return CodePrior.standardNormal(k).sample(n, new Random(seed));
    }

    @Test
    void aGeneratorDecodesOneCodeAndBatchesAlikeAndAsItsNetwork() {
        MultiLayerNetwork g = NetworkCompiler.compile(Templates.mlpGan28(100).generator(), Nets.ADAM, 7,
                DataType.FLOAT);
        LatentModel model = LatentModel.generator(g, 100, ImageShape.image(1, 28, 28), ImageScale.MINUS_ONE_TO_ONE);
        double[][] z = codes(3, 100, 1);
        float[][] batch = model.decode(z);
        assertEquals(3, batch.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(784, batch[i].length);
            assertArrayEquals(rawOutput(g, z[i]), batch[i], 1e-5f);
            assertArrayEquals(batch[i], model.decode(z[i]), 1e-5f);
        }
        float[] reused = new float[784];
        model.decodeInto(z[2], reused);
        model.decodeInto(z[1], reused);
        assertArrayEquals(batch[1], reused, 1e-5f, "the reused input row takes the new code");
        assertEquals(ModelKind.GAN_GENERATOR, model.kind());
        assertTrue(model.prior().isPresent());
        assertFalse(model.hasEncoder());
        assertEquals("GAN generator 100 -> 1x28x28, prior N(0, I) over 100 dimensions", model.toString());
    }

    @Test
    void aConvolutionalGeneratorsImageOutputIsReadRowMajor() {
        MultiLayerNetwork g = NetworkCompiler.compile(Templates.dcgan28(8).generator(), Nets.ADAM, 5,
                DataType.FLOAT);
        LatentModel model = LatentModel.generator(g, 8, ImageShape.image(1, 28, 28), ImageScale.MINUS_ONE_TO_ONE);
        double[][] z = codes(2, 8, 2);
        float[][] batch = model.decode(z);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(rawOutput(g, z[i]), batch[i], 1e-5f);
            assertArrayEquals(batch[i], model.decode(z[i]), 1e-5f);
        }
    }

    @Test
    void theModelKeepsAPrivateCopyOfItsNetworks() {
        MultiLayerNetwork dec = Nets.mlp(2, 16, 3, DataType.FLOAT, 8);
        LatentModel model = LatentModel.generator(dec, 2, IMAGE_4X4, ImageScale.ZERO_TO_ONE);
        double[] z = {0.3, -0.7};
        float[] before = model.decode(z);
        dec.params().assign(0);
        assertArrayEquals(before, model.decode(z), 0f, "the caller's network is not the model's");

        MultiLayerNetwork other = Nets.mlp(2, 16, 4, DataType.FLOAT, 8);
        model.setParameters(other.params().dup(), null);
        assertArrayEquals(rawOutput(other, z), model.decode(z), 1e-6f, "new parameters are copied in");
        assertThrows(IllegalArgumentException.class, () -> model.setParameters(Nd4j.zeros(DataType.FLOAT, 1, 3),
                null));
    }

    @Test
    void aBernoulliVaeDecodesThroughTheSigmoidAndEncodesToTheMean() {
        MultiLayerNetwork enc = Nets.mlp(16, 4, 1, DataType.FLOAT, 8);
        MultiLayerNetwork dec = Nets.mlp(2, 16, 2, DataType.FLOAT, 8);
        LatentModel vae = LatentModel.vae(enc, dec, OutputTransform.SIGMOID, IMAGE_4X4, ImageScale.ZERO_TO_ONE);
        assertEquals(2, vae.codeSize());
        double[] z = {1.5, -0.5};
        float[] raw = rawOutput(dec, z);
        float[] decoded = vae.decode(z);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(1 / (1 + Math.exp(-raw[i])), decoded[i], 1e-6);
        }
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) {
            x[i] = i / 16f;
        }
        INDArray e = enc.output(Nd4j.create(x, new long[] {1, 16}), false);
        double[] code = vae.encode(new float[][] {x})[0];
        assertArrayEquals(new double[] {e.getDouble(0, 0), e.getDouble(0, 1)}, code, 1e-6);
        assertEquals(4, vae.encoderOutput(new float[][] {x})[0].length, "[mu, log var] side by side");
        assertEquals("VAE decoder 2 -> 1x4x4, sigmoid output, with encoder, prior N(0, I) over 2 dimensions",
                vae.toString());
    }

    @Test
    void aPlainAutoencoderDrawsCodesOnlyFromAPriorFittedToEncodedData() {
        MultiLayerNetwork enc = Nets.mlp(16, 3, 1, DataType.FLOAT, 8);
        MultiLayerNetwork dec = Nets.mlp(3, 16, 2, DataType.FLOAT, 8);
        LatentModel ae = LatentModel.autoencoder(enc, dec, OutputTransform.IDENTITY, IMAGE_4X4,
                ImageScale.ZERO_TO_ONE);
        LabException e = assertThrows(LabException.class, () -> ae.randomCodes(1, new Random(1)));
        assertTrue(e.getMessage().contains("fit one to encoded examples"), e.getMessage());

        Random rng = new Random(2);
        float[][] xs = new float[40][16];
        int[] labels = new int[40];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < 16; j++) {
                xs[i][j] = rng.nextFloat();
            }
            labels[i] = i % 4;
        }
        ArrayExamples set = new ArrayExamples(xs, labels, 1, 4, 4);
        EncodedSet encoded = ae.encode(set, 10, 3);
        assertEquals(10, encoded.size());
        assertEquals(encoded.toString(), ae.encode(set, 10, 3).toString());
        assertArrayEquals(encoded.indices(), ae.encode(set, 10, 3).indices(), "the subset depends on the random seed");
        for (int i = 0; i < 10; i++) {
            assertEquals(labels[encoded.indices()[i]], encoded.labels()[i]);
            assertArrayEquals(ae.encode(new float[][] {xs[encoded.indices()[i]]})[0], encoded.codes()[i], 1e-6);
            assertTrue(i == 0 || encoded.indices()[i] > encoded.indices()[i - 1]);
        }
        CodePrior fitted = ae.fitPrior(set, 40, 1);
        assertEquals(3, fitted.dimension());
        assertEquals(3, ae.randomCodes(5, new Random(4))[4].length);
        assertTrue(ae.toString().endsWith("Gaussian fitted to 40 encoded examples over 3 dimensions"), ae.toString());
    }

    @Test
    void mismatchedNetworksAreRefusedWithWhatToChange() {
        MultiLayerNetwork dec = Nets.mlp(2, 16, 2, DataType.FLOAT, 8);
        LabException codeSize = assertThrows(LabException.class,
                () -> LatentModel.generator(dec, 3, IMAGE_4X4, ImageScale.ZERO_TO_ONE));
        assertTrue(codeSize.getMessage().startsWith("the GAN generator does not take codes of size 3"),
                codeSize.getMessage());
        LabException shape = assertThrows(LabException.class,
                () -> LatentModel.generator(dec, 2, ImageShape.image(1, 5, 5), ImageScale.ZERO_TO_ONE));
        assertTrue(shape.getMessage().contains("outputs 16 values per example but the examples are 1x5x5"),
                shape.getMessage());
        MultiLayerNetwork oddEncoder = Nets.mlp(16, 3, 1, DataType.FLOAT, 8);
        assertThrows(LabException.class, () -> LatentModel.vae(oddEncoder, dec, OutputTransform.IDENTITY,
                IMAGE_4X4, ImageScale.ZERO_TO_ONE));
        LatentModel gan = LatentModel.generator(dec, 2, IMAGE_4X4, ImageScale.ZERO_TO_ONE);
        assertThrows(LabException.class, () -> gan.encode(new float[][] {new float[16]}));
    }

    @Test
    void displayValuesAreMappedToTheUnitRange() {
        MultiLayerNetwork dec = Nets.mlp(2, 16, 2, DataType.FLOAT, 8);
        LatentModel tanh = LatentModel.generator(dec, 2, IMAGE_4X4, ImageScale.MINUS_ONE_TO_ONE);
        assertArrayEquals(new float[] {0, 0.5f, 1, 1}, tanh.toDisplay(new float[] {-1, 0, 1, 3}), 1e-7f);
        LatentModel unit = LatentModel.generator(dec, 2, IMAGE_4X4, ImageScale.ZERO_TO_ONE);
        assertArrayEquals(new float[] {0, 0.25f, 1}, unit.toDisplay(new float[] {-0.5f, 0.25f, 2}), 1e-7f);
    }
}
