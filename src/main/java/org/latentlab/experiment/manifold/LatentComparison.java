package org.latentlab.experiment.manifold;

import org.latentlab.core.LabException;
import org.latentlab.core.Seeds;
import org.latentlab.data.ExampleSet;
import org.latentlab.latent.EncodedSet;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.Interpolation;
import org.latentlab.latent.LatentModel;
import org.latentlab.train.classifier.Classifier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A plain autoencoder's code space against a VAE's of the same size: pairs of held-out images encoded by each
 * model, the straight line between the two codes decoded frame by frame, and each model's code scatter of the
 * held-out images. The plain autoencoder is only asked to reconstruct, so nothing fills the space between the
 * clusters of its codes and a path between two codes may cross regions whose decodings are not digits; the VAE's
 * KL term packs its codes into the prior N(0, I), and its paths stay among plausible decodings (Kingma and Welling
 * 2014, "Auto-encoding variational Bayes").
 *
 * @param shape  the images' shape
 * @param frames frames per path, both endpoints included
 * @param pairs  the held-out images' indices, {from, to}
 * @param images each pair's two images (data values)
 * @param plain  the plain autoencoder's side
 * @param vae    the VAE's side
 */
public record LatentComparison(ImageShape shape, int frames, List<int[]> pairs, List<float[][]> images, Side plain,
                               Side vae) {

    /**
     * One model's side.
     *
     * @param name    the model, for a person
     * @param scatter codes of held-out images, with their labels
     * @param paths   each pair's codes along the path, frames × code size
     * @param decoded each pair's decodings along the path, frames × image size (data values)
     */
    public record Side(String name, EncodedSet scatter, List<double[][]> paths, List<float[][]> decoded) {
        public Side {
            paths = List.copyOf(paths);
            decoded = List.copyOf(decoded);
        }
    }

    public LatentComparison {
        pairs = List.copyOf(pairs);
        images = List.copyOf(images);
    }

    /**
     * Encodes each pair with both models, interpolates linearly between the codes ({@code frames} frames, t = 0 and
     * 1 included) and decodes; and encodes up to {@code scatterSize} examples for the scatters. Call on the thread
     * the models are confined to.
     *
     * @throws LabException when the codes differ in size or the models decode another shape than the examples'
     */
    public static LatentComparison of(LatentModel plain, String plainName, LatentModel vae, String vaeName,
                                      ExampleSet examples, List<int[]> pairs, int frames, int scatterSize,
                                      long seed) {
        if (plain.codeSize() != vae.codeSize()) {
            throw new LabException("the autoencoder's code has " + plain.codeSize() + " values and the VAE's "
                    + vae.codeSize() + ": compare models with codes of the same size (mnist-ae-2d and mnist-vae-2d)");
        }
        if (plain.shape().size() != examples.dimension() || vae.shape().size() != examples.dimension()) {
            throw new LabException("both models must decode images of the examples' size (" + examples.dimension()
                    + " values): train them on the same data");
        }
        if (frames < 2) {
            throw new IllegalArgumentException("a path needs at least 2 frames, not " + frames);
        }
        List<float[][]> images = new ArrayList<>();
        for (int[] p : pairs) {
            if (p.length != 2 || p[0] < 0 || p[1] < 0 || p[0] >= examples.size() || p[1] >= examples.size()) {
                throw new IllegalArgumentException("a pair is two indices of the " + examples.size()
                        + " held-out examples");
            }
            images.add(new float[][] {examples.example(p[0]), examples.example(p[1])});
        }
        Side a = side(plain, plainName, examples, images, frames, scatterSize, seed);
        Side b = side(vae, vaeName, examples, images, frames, scatterSize, seed);
        return new LatentComparison(plain.shape(), frames, pairs, images, a, b);
    }

    private static Side side(LatentModel m, String name, ExampleSet examples, List<float[][]> images, int frames,
                             int scatterSize, long seed) {
        List<double[][]> paths = new ArrayList<>();
        List<float[][]> decoded = new ArrayList<>();
        for (float[][] pair : images) {
            double[][] codes = m.encode(pair);
            double[][] path = Interpolation.frames(Interpolation.Method.LINEAR, codes[0], codes[1], frames);
            paths.add(path);
            decoded.add(m.decode(path));
        }
        EncodedSet scatter = m.encode(examples, scatterSize, seed);
        return new Side(name, scatter, paths, decoded);
    }

    /** {@code count} pairs of distinct example indices drawn with {@code seed}; the two of a pair differ in label. */
    public static List<int[]> randomPairs(ExampleSet examples, int count, long seed) {
        if (examples.size() < 2) {
            throw new LabException("pairs need at least 2 held-out examples, not " + examples.size());
        }
        Random rng = new Random(Seeds.mix(seed));
        List<int[]> out = new ArrayList<>();
        while (out.size() < count) {
            int a = rng.nextInt(examples.size());
            int b = rng.nextInt(examples.size());
            boolean sameLabel = examples.hasLabels() && examples.label(a) == examples.label(b);
            if (a != b && !sameLabel) {
                out.add(new int[] {a, b});
            }
        }
        return out;
    }

    /** The frame in the middle of each path (t = 1/2 for an odd frame count), one per pair. */
    public float[][] midpoints(Side s) {
        float[][] out = new float[s.decoded().size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.decoded().get(i)[(frames - 1) / 2];
        }
        return out;
    }

    /**
     * The classifier's mean confidence (its largest class probability) over images in its pixel range: near 1
     * for clear digits, lower for decodings that are no digit in particular.
     */
    public static double meanConfidence(Classifier classifier, float[][] images) {
        if (images.length == 0) {
            return Double.NaN;
        }
        int d = images[0].length;
        float[] flat = new float[images.length * d];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, flat, i * d, d);
        }
        INDArray p = classifier.probabilities(Nd4j.create(flat, new long[] {images.length, d}));
        return p.max(1).meanNumber().doubleValue();
    }
}
