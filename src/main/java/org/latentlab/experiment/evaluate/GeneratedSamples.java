package org.latentlab.experiment.evaluate;

import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.StudioModels;
import org.latentlab.latent.LatentModel;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.train.Trainer;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Samples drawn from a saved model, pixels in [0, 1] (a GAN's tanh outputs mapped by (v + 1)/2, as the data's
 * pixels are; values outside [0, 1], which a decoder without a squashing output can give, clipped), with the image
 * shape and a line saying how they were drawn:
 * <ul>
 *   <li>GAN: G(z), z ~ N(0, I), the noise the lab's GANs train with;</li>
 *   <li>VAE: the decoder's output (the Bernoulli means σ(logits) for a cross-entropy decoder) for z ~ N(0, I), the
 *   prior;</li>
 *   <li>autoencoder: it has no prior, so codes are drawn from a Gaussian fitted (mean and full covariance) to the
 *   codes of the held-out split, and decoded;</li>
 *   <li>RBM: the visible probabilities after {@link #GIBBS_STEPS} steps of block Gibbs sampling, each chain started
 *   at a training example (the lab's RBM sampler): short chains stay close to their start, which flatters every
 *   score. A DBN is refused: the sampler runs one RBM's chains, not the DBN's generative pass.</li>
 * </ul>
 *
 * @param images the samples, flat [count, pixels]
 * @param shape  {@code [channels, height, width]}
 * @param how    how they were drawn, for a person
 */
public record GeneratedSamples(ScoreCard.Images images, int[] shape, String how) {

    /** Gibbs steps of an RBM's sampling chains. */
    public static final int GIBBS_STEPS = 1000;

    public GeneratedSamples {
        if (shape == null || shape.length != 3
                || shape[0] * shape[1] * shape[2] * images.count() != images.pixels().length) {
            throw new IllegalArgumentException("samples need a shape [channels, height, width] of their "
                    + images.pixels().length / images.count() + " values, not " + Arrays.toString(shape));
        }
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Draws {@code n} samples from {@code saved}'s model, codes from {@code seed}.
     *
     * @throws LabException when the run was trained on points rather than images
     */
    public static GeneratedSamples draw(SavedModel saved, int n, long seed) {
        DataSource data = saved.data();
        int[] shape = data.shape();
        if (shape.length != 3) {
            throw new LabException(saved.name() + " was trained on " + data.name() + ", " + data.dimension()
                    + "-value points, not images: the scores for generated images need image data");
        }
        if (saved.kind() == Family.RBM) {
            return gibbs(saved, n, shape);
        }
        LatentModel model = StudioModels.fromSaved(saved).models().get();
        String how;
        if (saved.kind() == Family.GAN) {
            how = String.format(Locale.ROOT, "G(z), z ~ N(0, I) in %d dimensions", model.codeSize());
        } else if (saved.kind() == Family.VAE) {
            how = String.format(Locale.ROOT, "the VAE decoder's %s for z ~ N(0, I) in %d dimensions (the prior)",
                    model.transform() == org.latentlab.latent.OutputTransform.SIGMOID ? "Bernoulli means" : "output",
                    model.codeSize());
        } else {
            ExampleSet heldOut = saved.heldOut();
            model.fitPrior(heldOut, heldOut.size(), seed);
            how = String.format(Locale.ROOT, "decodes of codes drawn from a Gaussian fitted to the %d held-out"
                    + " codes (%d dimensions; a plain autoencoder has no prior)", heldOut.size(), model.codeSize());
        }
        float[][] decoded = model.decode(model.randomCodes(n, new Random(seed)));
        int d = decoded[0].length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(decoded[i], 0, flat, i * d, d);
        }
        float[] pixels = ClassifierImageJudge.convert(flat, model.scale(), ImageScale.ZERO_TO_ONE);
        return new GeneratedSamples(new ScoreCard.Images(clip(pixels), n), shape, how);
    }

    /**
     * Refuses, before any long work, a model the lab has no sampler for: a DBN (the lab's sampler runs one RBM's
     * Gibbs chains, not the DBN's generative pass).
     */
    public static void requireSampler(SavedModel saved) {
        if (saved.kind() == Family.RBM && saved.modelSpec().rbm().hidden().size() > 1) {
            throw new LabException(saved.name() + " is a DBN of " + saved.modelSpec().rbm().hidden().size() + " RBMs:"
                    + " the lab's sampler runs Gibbs chains in a single RBM, not a DBN's top-down pass, so it has no"
                    + " samples of this model to score");
        }
    }

    private static GeneratedSamples gibbs(SavedModel saved, int n, int[] shape) {
        requireSampler(saved);
        ExperimentData.Split split = ExperimentData.split(saved.data(), saved.modelSpec().heldOut(),
                saved.modelSpec().seed());
        Trainer trainer = ExperimentRunner.buildTrainer(saved.modelSpec(), split.train(), DataType.FLOAT);
        RbmTrainer rbm = (RbmTrainer) trainer;
        org.latentlab.experiment.Checkpoint.restore(saved.checkpoint(), trainer);
        float[] pixels = rbm.gibbsSamples(n, GIBBS_STEPS);
        return new GeneratedSamples(new ScoreCard.Images(clip(pixels), n), shape, String.format(Locale.ROOT,
                "visible probabilities after %d Gibbs steps of the first RBM, each chain started at a training"
                        + " example", GIBBS_STEPS));
    }

    private static float[] clip(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0f, Math.min(1f, x[i]));
        }
        return x;
    }
}
