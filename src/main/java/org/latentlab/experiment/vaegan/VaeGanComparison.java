package org.latentlab.experiment.vaegan;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.VaeGanExperiment;
import org.latentlab.metrics.FrechetDistance;
import org.latentlab.metrics.ImageJudge;
import org.latentlab.train.Latent;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.vaegan.VaeGanTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A VAE-GAN and the plain VAE of the same encoder and decoder ({@link VaeGanExperiment#asVae()}: same sizes,
 * initialisation, optimiser, batch, data and length; pixels' cross-entropy instead of the discriminator's features),
 * trained one after the other; then both decoders map the same codes z ~ N(0, I) to images, which the data set's
 * classifier reads. Each row: the Fréchet distance of the classifier's features to held-out images (FID with the
 * lab's classifier in place of Inception; Heusel et al. 2017), the classifier's mean confidence, the classes it sees
 * in at least 1 % of the images, the share of grey pixels (between 0.1 and 0.9: blur shows as grey), and the
 * held-out pixel reconstruction and KL of the encoder and decoder as a VAE's.
 */
public final class VaeGanComparison {

    /** Samples shown in each grid. */
    public static final int SHOWN = 64;

    /** One row of the table; NaN where a measure does not apply. */
    public record Row(String label, double frechet, double meanConfidence, int classes, double greyFraction,
                      double heldOutReconstruction, double heldOutKl, double trainSeconds) {
    }

    /** The table and the two grids of samples (the same codes), in [0, 1]. */
    public record Result(VaeGanExperiment spec, long iterations, int count, List<Row> rows, float[] vaeSamples,
                         float[] vaeganSamples, int[] shape) {
    }

    private VaeGanComparison() {
    }

    /**
     * Trains both for {@code iterations} and scores {@code count} samples of each.
     *
     * @param progress told a line now and then
     */
    public static Result run(VaeGanExperiment spec, long iterations, int count, Path baseDir, ImageJudge judge,
                             Consumer<String> progress) {
        VaeGanExperiment vg = spec.withIterations(iterations);
        ReconstructionExperiment vaeSpec = vg.asVae();
        ExperimentData.Split split = ExperimentData.split(ExperimentData.open(vg, baseDir), vg.heldOut(), vg.seed());
        DataSource train = split.train();
        ExampleSet heldOut = split.heldOut();
        int dim = train.dimension();
        int n = Math.min(count, heldOut.size());
        float[] real = new float[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(heldOut.example(i), 0, real, i * dim, dim);
        }
        INDArray heldOutBatch = Nd4j.create(real, new long[] {n, dim});

        AutoencoderTrainer vae = (AutoencoderTrainer) ExperimentRunner.buildTrainer(vaeSpec, train, DataType.FLOAT);
        double vaeSeconds = train(vae, iterations, "VAE", progress);
        VaeGanTrainer vaegan = ExperimentRunner.buildTrainer(vg, train, DataType.FLOAT);
        double vaeganSeconds = train(vaegan, iterations, "VAE-GAN", progress);
        AutoencoderTrainer vaeganAsVae = new AutoencoderTrainer(vaegan.encoder(), vaegan.decoder(), train,
                vaeSpec.training(), AutoencoderTrainer.Kind.VAE, vg.seed());

        INDArray z = Latent.gaussian(n, vg.codeDim(), new Random(vg.seed() + 99), DataType.FLOAT);
        float[] vaeImages = decode(vae.decoder(), z);
        float[] vaeganImages = decode(vaegan.decoder(), z);
        double[][] realFeatures = judge.features(real, n);
        List<Row> rows = new ArrayList<>();
        rows.add(row("held-out images", real, n, judge, realFeatures, Double.NaN, Double.NaN, Double.NaN, true));
        Map<String, Double> v = vae.evaluate(heldOutBatch, false, vg.seed());
        rows.add(row("VAE samples", vaeImages, n, judge, realFeatures, v.get("reconstruction"), v.get("KL"),
                vaeSeconds, false));
        Map<String, Double> g = vaeganAsVae.evaluate(heldOutBatch, false, vg.seed());
        rows.add(row("VAE-GAN samples", vaeganImages, n, judge, realFeatures, g.get("reconstruction"), g.get("KL"),
                vaeganSeconds, false));
        int shown = Math.min(SHOWN, n);
        return new Result(vg, iterations, n, List.copyOf(rows), java.util.Arrays.copyOf(vaeImages, shown * dim),
                java.util.Arrays.copyOf(vaeganImages, shown * dim), train.shape());
    }

    private static double train(Trainer t, long iterations, String name, Consumer<String> progress) {
        long start = System.nanoTime();
        long every = Math.max(1, iterations / 5);
        for (long i = 0; i < iterations; i++) {
            t.iterate();
            if ((i + 1) % every == 0 || i + 1 == iterations) {
                progress.accept(String.format(java.util.Locale.ROOT, "%s: %,d / %,d iterations (%.0f s)", name, i + 1,
                        iterations, (System.nanoTime() - start) / 1e9));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The images of the codes: the sigmoid of the decoder's logits, in inference mode. */
    static float[] decode(MultiLayerNetwork decoder, INDArray z) {
        return Transforms.sigmoid(decoder.output(z, false), false).ravel().toFloatVector();
    }

    private static Row row(String label, float[] images, int n, ImageJudge judge, double[][] realFeatures,
                           double reconstruction, double kl, double seconds, boolean isReal) {
        double[][] p = judge.probabilities(images, n);
        double confidence = 0;
        int[] counts = new int[p[0].length];
        for (double[] pi : p) {
            int best = 0;
            for (int c = 1; c < pi.length; c++) {
                if (pi[c] > pi[best]) {
                    best = c;
                }
            }
            confidence += pi[best] / n;
            counts[best]++;
        }
        int classes = 0;
        for (int c : counts) {
            if (c >= 0.01 * n) {
                classes++;
            }
        }
        // the held-out images against themselves would be 0: against the other half of the held-out set instead
        double frechet = isReal ? halves(realFeatures) : FrechetDistance.between(judge.features(images, n),
                realFeatures).value();
        return new Row(label, frechet, confidence, classes, grey(images), reconstruction, kl, seconds);
    }

    /** The Fréchet distance between the two halves of the held-out images: the floor of the measure. */
    private static double halves(double[][] f) {
        int h = f.length / 2;
        return FrechetDistance.between(java.util.Arrays.copyOfRange(f, 0, h),
                java.util.Arrays.copyOfRange(f, h, 2 * h)).value();
    }

    /** The share of pixels strictly between 0.1 and 0.9. */
    static double grey(float[] images) {
        long g = 0;
        for (float v : images) {
            if (v > 0.1f && v < 0.9f) {
                g++;
            }
        }
        return (double) g / images.length;
    }
}
