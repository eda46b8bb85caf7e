package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.vaegan.VaeGanSettings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An experiment file of the VAE-GAN family ({@code "family": "vaegan"}; Larsen, Sønderby, Larochelle and Winther
 * 2016): a VAE's encoder (outputs [μ, log σ²]) and decoder (outputs logits; the images are their sigmoid), and a
 * discriminator (one logit) whose layer {@code vaegan.featureLayer} measures the reconstruction. Images are scaled to
 * [0, 1], as for a VAE, and {@code heldOut} images at the end of the shuffled data set are never trained on. Its runs
 * publish the autoencoder / VAE / RBM bench's statuses, so that bench trains it; {@link #asVae()} is the same
 * encoder and decoder trained as a plain VAE, to compare with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"family", "name"})
public record VaeGanExperiment(String name, String description, Family family, long seed, DatasetSpec dataset,
                               NetworkSpec encoder, NetworkSpec decoder, NetworkSpec discriminator,
                               VaeGanSettings vaegan, long iterations, int sampleInterval, int checkpointInterval,
                               int heldOut) implements Experiment<ReconstructionStatus> {

    /** The most iterations an experiment may ask for. */
    public static final long MAX_ITERATIONS = ExperimentChecks.MAX_ITERATIONS;

    public VaeGanExperiment {
        ExperimentChecks.name(name);
        description = description == null ? "" : description;
        family = family == null ? Family.VAEGAN : family;
        if (family != Family.VAEGAN) {
            throw new IllegalArgumentException("family: a VAE-GAN experiment has \"family\": \"vaegan\", not "
                    + family.id());
        }
        if (dataset == null || dataset.kind() == DatasetSpec.Kind.TOY || dataset.kind() == DatasetSpec.Kind.CSV) {
            throw new IllegalArgumentException("dataset: a VAE-GAN trains on images (kind images or folder), e.g."
                    + " {\"kind\": \"images\", \"name\": \"mnist\"}, not " + dataset);
        }
        if (encoder == null || decoder == null || discriminator == null || vaegan == null) {
            throw new IllegalArgumentException("a VAE-GAN experiment needs encoder, decoder, discriminator and"
                    + " vaegan (the training settings)");
        }
        checkShapes(encoder, decoder, discriminator, vaegan.featureLayer());
        ExperimentChecks.schedule(iterations, sampleInterval, checkpointInterval);
        heldOut = heldOut == 0 ? 1000 : heldOut;
        if (heldOut < 10) {
            throw new IllegalArgumentException("heldOut: at least 10 images, not " + heldOut);
        }
    }

    /** The sizes fit together and the feature layer is one of the discriminator's hidden layers. */
    static void checkShapes(NetworkSpec encoder, NetworkSpec decoder, NetworkSpec discriminator, String layer) {
        int pixels = encoder.input().size();
        int k = decoder.input().size();
        if (encoder.output().size() != 2 * k) {
            throw new IllegalArgumentException("encoder: it outputs the mean and log-variance of the decoder's "
                    + k + " code values (" + 2 * k + " values), not " + encoder.output().size() + ": end it with a"
                    + " dense layer of " + 2 * k + " units and no activation");
        }
        if (decoder.output().size() != pixels) {
            throw new IllegalArgumentException("decoder: it outputs " + decoder.output().size() + " values but the"
                    + " encoder takes " + pixels + " pixels: a VAE-GAN reconstructs its input");
        }
        if (discriminator.input().size() != pixels) {
            throw new IllegalArgumentException("discriminator: it takes " + discriminator.input().size()
                    + " values but the images have " + pixels);
        }
        if (discriminator.output().size() != 1) {
            throw new IllegalArgumentException("discriminator: it outputs " + discriminator.output().size()
                    + " values; end it with a dense layer of 1 unit and no activation (a logit)");
        }
        List<LayerSpec> layers = discriminator.layers();
        int at = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layer)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("vaegan.featureLayer: the discriminator has no layer '" + layer
                    + "'; its layers are " + layers.stream().map(LayerSpec::name).collect(Collectors.joining(", ")));
        }
        if (at == layers.size() - 1) {
            throw new IllegalArgumentException("vaegan.featureLayer: '" + layer + "' is the discriminator's output"
                    + " (its logit); name one of its hidden layers, whose features the reconstruction compares");
        }
    }

    /** The size of the code: the decoder's input. */
    @Override
    @JsonIgnore
    public int codeDim() {
        return decoder.input().size();
    }

    /**
     * The same encoder and decoder trained as a plain VAE (Kingma and Welling 2014): the pixels' Bernoulli
     * cross-entropy instead of the discriminator's features, β = 1, the same optimiser, batch, seed, data and length.
     */
    public ReconstructionExperiment asVae() {
        AutoencoderSettings t = new AutoencoderSettings(AutoencoderSettings.Reconstruction.CROSS_ENTROPY,
                vaegan.optimizer(), vaegan.batchSize(), false, AutoencoderSettings.Penalty.NONE, 0, 0,
                AutoencoderSettings.Corruption.NONE, 0, AutoencoderSettings.Pretraining.NONE, 0, 1.0, 0);
        return new ReconstructionExperiment(name, "the encoder and decoder of " + name + " trained as a plain VAE",
                Family.VAE, seed, dataset, encoder, decoder, t, null, iterations, sampleInterval, checkpointInterval,
                heldOut);
    }

    @Override
    public VaeGanExperiment withName(String n) {
        return new VaeGanExperiment(n, description, family, seed, dataset, encoder, decoder, discriminator, vaegan,
                iterations, sampleInterval, checkpointInterval, heldOut);
    }

    @Override
    public VaeGanExperiment withSeed(long s) {
        return new VaeGanExperiment(name, description, family, s, dataset, encoder, decoder, discriminator, vaegan,
                iterations, sampleInterval, checkpointInterval, heldOut);
    }

    @Override
    public VaeGanExperiment withIterations(long n) {
        return new VaeGanExperiment(name, description, family, seed, dataset, encoder, decoder, discriminator, vaegan,
                n, sampleInterval, checkpointInterval, heldOut);
    }

    /** The same experiment measuring every {@code sample} and saving every {@code checkpoint} iterations. */
    public VaeGanExperiment withIntervals(int sample, int checkpoint) {
        return new VaeGanExperiment(name, description, family, seed, dataset, encoder, decoder, discriminator, vaegan,
                iterations, sample, checkpoint, heldOut);
    }

    /** The same experiment with other training settings. */
    public VaeGanExperiment withSettings(VaeGanSettings s) {
        return new VaeGanExperiment(name, description, family, seed, dataset, encoder, decoder, discriminator, s,
                iterations, sampleInterval, checkpointInterval, heldOut);
    }
}
