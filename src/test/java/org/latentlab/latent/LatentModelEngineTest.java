package org.latentlab.latent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.data.ImageScale;
import org.latentlab.engine.InferenceNetwork;
import org.latentlab.experiment.Presets;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The latent studio's decode and inversion on the engine against the same model on DL4J's layer objects, for the
 * MNIST MLP generator, the MNIST VAE's decoder (σ output) and the DCGAN generator (batch normalisation in inference
 * mode, running statistics away from 0 and 1): network outputs and inversion objectives and gradients to 1e-5
 * relative in float and 1e-10 in double; the engine's inversion gradient against central differences in double.
 */
class LatentModelEngineTest {

    private enum Preset { MLP_GAN, VAE, DCGAN }

    private static LatentModel model(Preset preset, DataType type) {
        ImageShape image = ImageShape.image(1, 28, 28);
        return switch (preset) {
            case MLP_GAN -> {
                var spec = Presets.loadGan("mnist-mlp-gan");
                yield LatentModel.generator(randomised(spec.generator(), type), spec.latentDim(), image,
                        ImageScale.MINUS_ONE_TO_ONE);
            }
            case DCGAN -> {
                var spec = Presets.loadGan("fashion-dcgan");
                yield LatentModel.generator(randomised(spec.generator(), type), spec.latentDim(), image,
                        ImageScale.MINUS_ONE_TO_ONE);
            }
            case VAE -> {
                var spec = Presets.loadReconstruction("mnist-vae");
                yield LatentModel.of(ModelKind.VAE_DECODER, randomised(spec.decoder(), type), null,
                        spec.decoder().input().size(), OutputTransform.SIGMOID, image, ImageScale.ZERO_TO_ONE);
            }
        };
    }

    /** The network with its initial parameters moved by up to ±0.1 (γ near 1, running statistics near 0). */
    private static MultiLayerNetwork randomised(NetworkSpec spec, DataType type) {
        MultiLayerNetwork net = NetworkCompiler.compile(spec, Nets.ADAM, 17, type);
        net.params().addi(values(23, net.params().length(), 0.1, type).reshape(net.params().shape()));
        return net;
    }

    private static INDArray values(long seed, long n, double scale, DataType type) {
        Random r = new Random(seed);
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * (2 * r.nextDouble() - 1);
        }
        return Nd4j.create(v, new long[] {n}, DataType.DOUBLE).castTo(type);
    }

    private static double[][] codes(int n, int k, long seed) {
        Random r = new Random(seed);
        double[][] z = new double[n][k];
        for (double[] row : z) {
            for (int j = 0; j < k; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return z;
    }

    private static double maxRelative(double[] a, double[] b) {
        double diff = 0;
        double scale = 1e-300;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / scale;
    }

    private static double[] doubles(float[][] rows) {
        int d = rows[0].length;
        double[] v = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                v[i * d + j] = rows[i][j];
            }
        }
        return v;
    }

    private static double[] flat(double[][] rows) {
        int k = rows[0].length;
        double[] v = new double[rows.length * k];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, v, i * k, k);
        }
        return v;
    }

    private static double tolerance(DataType type) {
        return type == DataType.FLOAT ? 1e-5 : 1e-10;
    }

    @Test
    void decodingOnTheEngineIsDecodingOnDl4j() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (Preset preset : Preset.values()) {
                String at = preset + " " + type;
                LatentModel model = model(preset, type);
                assertTrue(model.onEngine(), at + " runs on the engine");
                double[][] z = codes(5, model.codeSize(), 3);
                // the networks' outputs, before the conversion to float pictures
                INDArray input = Nd4j.create(flat(z), new long[] {5, model.codeSize()}, type);
                InferenceNetwork engine = model.decoderOnEngine().orElseThrow();
                double[] onEngine = engine.output(input).dup().data().asDouble();
                double[] onDl4j = model.decoderNetwork().output(input, false).dup('c').data().asDouble();
                assertTrue(maxRelative(onEngine, onDl4j) < tolerance(type), at + ": outputs "
                        + maxRelative(onEngine, onDl4j));
                // the studio's paths: a batch of codes, one code, one code into a given array
                float[][] batch = model.decode(z);
                float[] one = model.decode(z[2]);
                float[] into = model.decodeInto(z[4], new float[model.shape().size()]);
                model.useEngine(false);
                assertTrue(!model.onEngine());
                float[][] batchDl4j = model.decode(z);
                float[] oneDl4j = model.decode(z[2]);
                float[] intoDl4j = model.decodeInto(z[4], new float[model.shape().size()]);
                double pictures = type == DataType.FLOAT ? 1e-5 : 1e-7; // float pictures of double outputs
                assertTrue(maxRelative(doubles(batch), doubles(batchDl4j)) < pictures, at + ": batch");
                assertTrue(maxRelative(doubles(new float[][] {one}), doubles(new float[][] {oneDl4j})) < pictures,
                        at + ": one code");
                assertTrue(maxRelative(doubles(new float[][] {into}), doubles(new float[][] {intoDl4j}))
                        < pictures, at + ": one code into an array");
            }
        }
    }

    @Test
    void newParametersAreDecodedOnTheEngine() {
        LatentModel model = model(Preset.DCGAN, DataType.DOUBLE);
        double[] z = codes(1, model.codeSize(), 4)[0];
        float[] before = model.decode(z);
        INDArray other = model.decoderNetwork().params().dup().addi(0.05);
        model.setParameters(other, null);
        float[] after = model.decode(z);
        model.useEngine(false);
        float[] afterDl4j = model.decode(z);
        assertTrue(maxRelative(doubles(new float[][] {after}), doubles(new float[][] {before})) > 1e-3);
        assertTrue(maxRelative(doubles(new float[][] {after}), doubles(new float[][] {afterDl4j})) < 1e-7);
    }

    @Test
    void theInversionsObjectiveAndGradientAreDl4jsOnTheEngine() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (Preset preset : Preset.values()) {
                String at = preset + " " + type;
                LatentModel model = model(preset, type);
                Inversion inversion = new Inversion(model);
                int n = 2;
                int k = model.codeSize();
                double[] z = flat(codes(n, k, 5));
                float[][] targets = {model.decode(codes(1, k, 6)[0]), model.decode(codes(1, k, 7)[0])};
                double[] grad = new double[n * k];
                double[] loss = new double[n];
                inversion.evaluate(z, n, targets, 0.1, grad, loss, new double[n], null);
                model.useEngine(false);
                double[] gradDl4j = new double[n * k];
                double[] lossDl4j = new double[n];
                inversion.evaluate(z, n, targets, 0.1, gradDl4j, lossDl4j, new double[n], null);
                assertTrue(maxRelative(loss, lossDl4j) < tolerance(type), at + ": loss "
                        + maxRelative(loss, lossDl4j));
                assertTrue(maxRelative(grad, gradDl4j) < tolerance(type), at + ": gradient "
                        + maxRelative(grad, gradDl4j));
            }
        }
    }

    @Test
    void theInversionGradientOnTheEngineMatchesCentralDifferences() {
        for (Preset preset : Preset.values()) {
            LatentModel model = model(preset, DataType.DOUBLE);
            assertTrue(model.onEngine());
            Inversion inversion = new Inversion(model);
            int k = model.codeSize();
            double[] z = codes(1, k, 8)[0];
            float[][] target = {model.decode(codes(1, k, 9)[0])};
            double[] grad = new double[k];
            inversion.evaluate(z, 1, target, 0.1, grad, new double[1], new double[1], null);
            double h = 1e-6;
            for (int p = 0; p < k; p += Math.max(1, k / 10)) {
                double[] zp = z.clone();
                double[] zm = z.clone();
                zp[p] += h;
                zm[p] -= h;
                double[] lp = new double[1];
                double[] lm = new double[1];
                inversion.evaluate(zp, 1, target, 0.1, null, lp, new double[1], null);
                inversion.evaluate(zm, 1, target, 0.1, null, lm, new double[1], null);
                double numeric = (lp[0] - lm[0]) / (2 * h);
                assertEquals(numeric, grad[p], 1e-6 * Math.max(1, Math.abs(numeric)), preset + " dL/dz" + p);
            }
        }
    }
}
