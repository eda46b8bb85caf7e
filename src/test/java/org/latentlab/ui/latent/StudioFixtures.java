package org.latentlab.ui.latent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.StudioModels.Studio;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.LatentModel;
import org.latentlab.latent.OutputTransform;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Random;

/**
 * Tiny studio models for the ViewModel tests (untrained MLPs on 4x4 grey images, a 2-D code), so a test opens
 * one in milliseconds: a VAE (with an encoder) and a GAN generator (without), over 30 labelled examples.
 */
final class StudioFixtures {

    static final ImageShape SHAPE = ImageShape.image(1, 4, 4);
    static final int CODE = 2;
    static final int EXAMPLES = 30;

    private StudioFixtures() {
    }

    /** A VAE: encoder 16 -> 8 -> 2x2 (mean and log-variance), decoder 2 -> 8 -> 16. */
    static Studio vae() {
        MultiLayerNetwork enc = mlp(SHAPE.size(), 2 * CODE, 1);
        MultiLayerNetwork dec = mlp(CODE, SHAPE.size(), 2);
        ExampleSet examples = examples(false);
        return new Studio("tiny-vae", "a VAE of 4x4 images", () -> LatentModel.vae(enc, dec,
                OutputTransform.SIGMOID, SHAPE, ImageScale.ZERO_TO_ONE), examples, true, examples);
    }

    /** A GAN generator 2 -> 8 -> 16, values in [-1, 1]. */
    static Studio gan() {
        MultiLayerNetwork g = mlp(CODE, SHAPE.size(), 3);
        ExampleSet examples = examples(true);
        return new Studio("tiny-gan", "a GAN of 4x4 images", () -> LatentModel.generator(g, CODE, SHAPE,
                ImageScale.MINUS_ONE_TO_ONE), examples, false, examples);
    }

    private static MultiLayerNetwork mlp(int in, int out, long seed) {
        List<LayerSpec> layers = List.of(new LayerSpec.Dense("h", 8, Activation.TANH, 0),
                new LayerSpec.Dense("out", out, Activation.IDENTITY, 0));
        return NetworkCompiler.compile(new NetworkSpec("net", Shape.vector(in), layers),
                OptimizerSpec.adam(1e-3, 0.9), seed, DataType.FLOAT);
    }

    /** Examples in [0, 1] (or [-1, 1]), labelled 0, 1, 2 in turn. */
    static ExampleSet examples(boolean signed) {
        Random rng = new Random(5);
        float[][] x = new float[EXAMPLES][SHAPE.size()];
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = signed ? 2 * rng.nextFloat() - 1 : rng.nextFloat();
            }
        }
        return new ExampleSet() {
            @Override
            public String name() {
                return "tiny";
            }

            @Override
            public int[] shape() {
                return new int[] {1, 4, 4};
            }

            @Override
            public void sample(int n, Random r, float[] out) {
                ExampleSet.sampleUniform(this, n, r, out);
            }

            @Override
            public String contentHash() {
                return "tiny";
            }

            @Override
            public int size() {
                return EXAMPLES;
            }

            @Override
            public float[] example(int i) {
                return x[i].clone();
            }

            @Override
            public boolean hasLabels() {
                return true;
            }

            @Override
            public int label(int i) {
                return i % 3;
            }
        };
    }

    /** A studio opened on {@code studio}, every task done at once on the calling thread. */
    static LatentStudioViewModel opened(Studio studio) {
        LatentStudioViewModel vm = new LatentStudioViewModel(StudioRunners.direct());
        vm.install(studio);
        return vm;
    }
}
