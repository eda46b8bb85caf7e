package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.LabelledSource;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.Shape;
import org.latentlab.train.BiganPairs;
import org.latentlab.train.BiganView;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Host;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/**
 * A BiGAN's encoder seen on held-out examples (Donahue, Krähenbühl and Darrell 2017, section 4.1): reconstructions
 * G(E(x)) beside the originals, the codes E(x) as a scatter coloured by label, and the held-out reconstruction error.
 * The examples are fixed when the views are made (a finite set's held-out part in order, or points drawn once from
 * a distribution with a fixed seed), so the same cell shows how one example's reconstruction evolves.
 */
public final class BiganViews {

    /** Images shown as reconstructions (beside as many originals). */
    public static final int SHOWN_IMAGES = 32;
    /** Points shown as reconstructions (a segment from each x to G(E(x))). */
    public static final int SHOWN_POINTS = 300;
    /** Held-out examples encoded for the scatter and the error. */
    public static final int ENCODED = 1000;

    private final boolean points;
    private final int dimension;
    private final int[] shape;
    private final int n;
    private final float[] examples;
    private final int[] labels;
    private final List<String> labelNames;
    private final boolean images;

    /**
     * @param heldOut the held-out part of a finite set, or null for a distribution (points drawn here with
     *                {@code seed})
     */
    public BiganViews(DataSource train, ExampleSet heldOut, long seed) {
        this.dimension = train.dimension();
        this.points = dimension == 2;
        this.shape = train.shape();
        this.images = shape.length == 3;
        if (heldOut != null) {
            n = Math.min(ENCODED, heldOut.size());
            examples = new float[n * dimension];
            labels = heldOut.hasLabels() ? new int[n] : new int[0];
            for (int i = 0; i < n; i++) {
                System.arraycopy(heldOut.example(i), 0, examples, i * dimension, dimension);
                if (labels.length > 0) {
                    labels[i] = heldOut.label(i);
                }
            }
            labelNames = names(LabelledSource.of(heldOut).orElse(null), labels);
        } else {
            n = ENCODED;
            examples = new float[n * dimension];
            Random r = new Random(seed ^ 0xB1A9L);
            LabelledSource labelled = LabelledSource.of(train).orElse(null);
            if (labelled != null) {
                labels = new int[n];
                labelled.sample(n, r, examples, labels);
            } else {
                labels = new int[0];
                train.sample(n, r, examples);
            }
            labelNames = names(labelled, labels);
        }
    }

    private static List<String> names(LabelledSource labelled, int[] labels) {
        if (labelled == null || labels.length == 0) {
            return List.of();
        }
        return java.util.stream.IntStream.range(0, labelled.classes()).mapToObj(labelled::labelName).toList();
    }

    /** E compiled from the spec (with G's optimiser) and the pair layout of D's input. */
    static BiganPairs pairs(GanExperiment spec, DataType type) {
        MultiLayerNetwork e = NetworkCompiler.compile(spec.bigan().encoder(), spec.training().generatorOptimizer(),
                spec.seed() + 2, type);
        Shape dIn = spec.discriminator().input();
        return new BiganPairs(e, spec.latentDim(), spec.generator().output().size(),
                dIn.isImage() ? dIn.height() * dIn.width() : 1);
    }

    /** The held-out examples, flat [n, d], in the trainer's data type. */
    public INDArray heldOut(DataType type) {
        return Nd4j.create(examples, new long[] {n, dimension}, 'c').castTo(type);
    }

    /** The encoder's view now (inference mode): reconstructions, the code scatter and the held-out error. */
    public BiganView view(GanTrainer trainer) {
        BiganPairs pairs = trainer.bigan().orElseThrow(() -> new IllegalArgumentException("not a BiGAN"));
        DataType type = trainer.generator().params().dataType();
        INDArray x = heldOut(type);
        INDArray z = pairs.encode(x);
        float[] recon = Host.floats(trainer.generate(z));
        int latent = (int) z.columns();
        float[] zs = Host.floats(z);
        float[] codes = new float[2 * n];
        for (int i = 0; i < n; i++) {
            codes[2 * i] = zs[i * latent];
            codes[2 * i + 1] = latent > 1 ? zs[i * latent + 1] : 0f;
        }
        double mse = meanSquaredError(examples, recon) * (images ? 0.25 : 1.0);
        int shown = Math.min(n, points ? SHOWN_POINTS : SHOWN_IMAGES);
        float[] originals = java.util.Arrays.copyOf(examples, shown * dimension);
        float[] reconstructions = java.util.Arrays.copyOf(recon, shown * dimension);
        if (images) {
            toUnit(originals);
            toUnit(reconstructions);
        }
        return new BiganView(trainer.iteration(), points, originals, reconstructions, shown,
                images ? shape[0] : 1, images ? shape[1] : 1, images ? shape[2] : dimension, codes, labels.clone(),
                labelNames, mse, latent);
    }

    /** The mean of (x − G(E(x)))² per value over the encoded held-out examples (on [0, 1] pixels for images). */
    public double heldOutMse(GanTrainer trainer) {
        BiganPairs pairs = trainer.bigan().orElseThrow(() -> new IllegalArgumentException("not a BiGAN"));
        return heldOutMse(x -> trainer.generate(pairs.encode(x)), trainer.generator().params().dataType());
    }

    /**
     * The mean of (x − r(x))² per value over the encoded held-out examples for any reconstruction r of examples in
     * the GAN's scale (an autoencoder trained on the same data), on [0, 1] pixels for images.
     */
    public double heldOutMse(java.util.function.UnaryOperator<INDArray> reconstruct, DataType type) {
        float[] recon = Host.floats(reconstruct.apply(heldOut(type)));
        return meanSquaredError(examples, recon) * (images ? 0.25 : 1.0);
    }

    /** Mean of (a − b)² over all values. */
    static double meanSquaredError(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] - b[i];
            sum += diff * diff;
        }
        return sum / a.length;
    }

    /** [-1, 1] (the GAN's image scale) to [0, 1], clipped. */
    private static void toUnit(float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0f, Math.min(1f, (v[i] + 1f) / 2f));
        }
    }
}
