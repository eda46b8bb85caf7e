package org.latentlab.experiment.anomaly;

import org.latentlab.core.LabException;
import org.latentlab.experiment.Checkpoint;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.Rbm;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * A saved model's anomaly score of an image, higher for an image the model finds less typical of its data (pixels in
 * [0, 1], the scale the lab's autoencoders, VAEs and RBMs train on):
 * <ul>
 *   <li>autoencoder: the reconstruction error the run trains with (Bernoulli cross-entropy or squared error, summed
 *   over the pixels) of the image and its reconstruction;</li>
 *   <li>VAE: the negative ELBO, reconstruction term plus KL(q(z|x) ‖ N(0, I)) (β = 1), with one draw of z per image
 *   (Kingma and Welling 2014, "Auto-encoding variational Bayes"): an upper bound on −log p(x);</li>
 *   <li>RBM: the free energy F(v) = −b·v − Σⱼ log(1 + exp(cⱼ + Wⱼ·v)), so that p(v) = exp(−F(v)) / Z (Hinton 2010,
 *   "A practical guide to training restricted Boltzmann machines"); Z is the same for every image, so F ranks
 *   images as −log p(v) does. A DBN is scored by its first RBM.</li>
 * </ul>
 * A GAN is refused: its generator gives no per-image likelihood or reconstruction. The trained networks are
 * restored from the checkpoint into a freshly built trainer; one thread uses a scorer.
 */
public final class AnomalyScorer {

    private static final int BATCH = 500;

    private final AutoencoderTrainer autoencoder;
    private final Rbm rbm;
    private final String how;
    private final long seed;

    private AnomalyScorer(AutoencoderTrainer autoencoder, Rbm rbm, String how, long seed) {
        this.autoencoder = autoencoder;
        this.rbm = rbm;
        this.how = how;
        this.seed = seed;
    }

    /**
     * The scorer of a saved autoencoder, VAE or RBM; {@code seed} draws a VAE's z.
     *
     * @throws LabException for a GAN, or a run trained on points rather than images
     */
    public static AnomalyScorer of(SavedModel saved, long seed) {
        requireScorable(saved);
        ExperimentData.Split split = ExperimentData.split(saved.data(), saved.modelSpec().heldOut(),
                saved.modelSpec().seed());
        Trainer trainer = ExperimentRunner.buildTrainer(saved.modelSpec(), split.train(), DataType.FLOAT);
        Checkpoint.restore(saved.checkpoint(), trainer);
        if (trainer instanceof RbmTrainer r) {
            int layers = saved.modelSpec().rbm().hidden().size();
            return new AnomalyScorer(null, r.rbm(0), "free energy F(v) of the " + (layers > 1
                    ? "DBN's first RBM" : "RBM") + String.format(Locale.ROOT, " (%d hidden units)", r.rbm(0).hidden()),
                    seed);
        }
        AutoencoderTrainer ae = (AutoencoderTrainer) trainer;
        String loss = ae.settings().reconstruction() == org.latentlab.train.ae.AutoencoderSettings.Reconstruction.MSE
                ? "squared error" : "Bernoulli cross-entropy";
        String how = ae.kind() == AutoencoderTrainer.Kind.VAE
                ? "negative ELBO (" + loss + " reconstruction + KL, one draw of z per image)"
                : "reconstruction error (" + loss + ", summed over the pixels)";
        return new AnomalyScorer(ae, null, how, seed);
    }

    /** Refuses, before any long work, a run that has no per-image score here. */
    public static void requireScorable(SavedModel saved) {
        if (saved.kind() == Family.GAN) {
            throw new LabException(saved.name() + " is a GAN: a GAN has no per-image score here (no reconstruction"
                    + " and no likelihood); train an autoencoder, VAE or RBM on the data");
        }
        if (saved.data().shape().length != 3) {
            throw new LabException(saved.name() + " was trained on " + saved.data().name() + ", "
                    + saved.data().dimension() + "-value points: anomaly detection here needs a run on images");
        }
    }

    /** What the score is, for a person. */
    public String how() {
        return how;
    }

    /** Values per image the scorer takes. */
    public int dimension() {
        return rbm != null ? rbm.visible() : autoencoder.dataDim();
    }

    /** The scores of {@code n} images, flat {@code [n, dimension()]} in [0, 1]. */
    public double[] score(float[] pixels, int n) {
        int d = dimension();
        if (pixels.length != n * d) {
            throw new IllegalArgumentException(n + " images of " + d + " values need " + n * d + " values, not "
                    + pixels.length);
        }
        double[] scores = new double[n];
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            float[] batch = java.util.Arrays.copyOfRange(pixels, from * d, (from + m) * d);
            INDArray x = Nd4j.create(batch, new long[] {m, d}, 'c');
            double[] s = rbm != null ? rbm.freeEnergy(x).toDoubleVector()
                    : autoencoder.lossPerExample(x.castTo(autoencoder.dataType()), seed + from);
            System.arraycopy(s, 0, scores, from, m);
        }
        return scores;
    }
}
