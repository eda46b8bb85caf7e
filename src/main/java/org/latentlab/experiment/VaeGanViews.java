package org.latentlab.experiment;

import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.train.Evaluation;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.vaegan.VaeGanTrainer;

import java.nio.file.Path;

/**
 * The bench's pictures and held-out measurements of a VAE-GAN: its encoder and decoder seen as a VAE's (the same
 * networks, not a copy), so that the reconstructions, the samples from the prior, the KL per latent dimension and the
 * held-out negative ELBO in pixels are those a plain VAE of the same size shows, and the two can be compared. The
 * VAE's view never draws from the VAE-GAN's random numbers, so looking does not change the run.
 */
final class VaeGanViews implements FamilyViews<Trainer, ReconstructionView> {

    static final ReconstructionView.Captions CAPTIONS = new ReconstructionView.Captions(
            "reconstructions Dec(μ(x)): the decoder trained on the discriminator's features, not on pixels",
            "encoder filters: the first layer's weights to the pixels",
            "samples Dec(z), z ~ N(0, I): the decoder as a GAN's generator");

    private final ReconstructionViews pixels;
    private final AutoencoderSettings asVae;
    private final long seed;
    private AutoencoderTrainer vae;
    private VaeGanTrainer of;

    VaeGanViews(DataSource train, ExampleSet heldOut, AutoencoderSettings asVae, long seed) {
        this.pixels = new ReconstructionViews(train, heldOut, seed);
        this.asVae = asVae;
        this.seed = seed;
    }

    /** The encoder and decoder of {@code trainer} as a VAE at its iteration (built once per trainer). */
    private AutoencoderTrainer vae(Trainer trainer, DataSource data) {
        VaeGanTrainer t = (VaeGanTrainer) trainer;
        if (vae == null || of != t) {
            vae = new AutoencoderTrainer(t.encoder(), t.decoder(), data, asVae, AutoencoderTrainer.Kind.VAE, seed);
            of = t;
        }
        vae.restoreCounters(t.iteration(), t.updates(), t.updates());
        return vae;
    }

    @Override
    public Evaluation evaluate(Trainer trainer) {
        return pixels.evaluate(vae(trainer, dataOf(trainer)));
    }

    @Override
    public ReconstructionView view(Trainer trainer) {
        ReconstructionView v = pixels.view(vae(trainer, dataOf(trainer)));
        return v.withCaptions(CAPTIONS);
    }

    private static DataSource dataOf(Trainer trainer) {
        return ((VaeGanTrainer) trainer).data();
    }

    @Override
    public void write(ReconstructionView view, Path png) {
        ReconstructionSamples.write(view, png);
    }
}
