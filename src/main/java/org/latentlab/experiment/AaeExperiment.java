package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.aae.AaeSettings;

/**
 * An experiment file of the adversarial autoencoder family ({@code "family": "aae"}; Makhzani et al. 2016): an
 * encoder, a decoder and a discriminator on the code, built from {@code aae} ({@link AaeSettings}) and the data's
 * size, trained on images in the paper's two phases per iteration. {@code heldOut} images at the end of the shuffled
 * data set are never trained on: the bench's reconstructions, code scatter and code-versus-prior test use them. Its
 * runs publish the autoencoder / VAE / RBM bench's status records, so that bench trains it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"family", "name"})
public record AaeExperiment(String name, String description, Family family, long seed, DatasetSpec dataset,
                            AaeSettings aae, long iterations, int sampleInterval, int checkpointInterval, int heldOut)
        implements Experiment<ReconstructionStatus> {

    /** Held-out images when the file gives none. */
    public static final int DEFAULT_HELD_OUT = 1000;
    /** The most iterations an experiment may ask for. */
    public static final long MAX_ITERATIONS = ExperimentChecks.MAX_ITERATIONS;

    public AaeExperiment {
        ExperimentChecks.name(name);
        description = description == null ? "" : description;
        family = family == null ? Family.AAE : family;
        if (family != Family.AAE) {
            throw new IllegalArgumentException("family: an adversarial autoencoder experiment has \"family\": \"aae\","
                    + " not " + family.id());
        }
        if (dataset == null) {
            throw new IllegalArgumentException("dataset: an adversarial autoencoder experiment needs a data set of"
                    + " images, e.g. {\"kind\": \"images\", \"name\": \"mnist\"}");
        }
        if (dataset.kind() == DatasetSpec.Kind.TOY || dataset.kind() == DatasetSpec.Kind.CSV) {
            throw new IllegalArgumentException("dataset: an adversarial autoencoder's decoder puts out pixels in"
                    + " [0, 1], so it trains on images (kind images or folder), not " + dataset);
        }
        if (aae == null) {
            throw new IllegalArgumentException("aae: the adversarial autoencoder's settings are missing, e.g."
                    + " {\"hidden\": [1000, 1000], \"discriminatorHidden\": [1000, 1000], \"code\": 2,"
                    + " \"prior\": \"mixture\", \"batch\": 100}");
        }
        ExperimentChecks.schedule(iterations, sampleInterval, checkpointInterval);
        heldOut = heldOut == 0 ? DEFAULT_HELD_OUT : heldOut;
        if (heldOut < 10) {
            throw new IllegalArgumentException("heldOut: at least 10 images are held out for the code scatter and the"
                    + " test, not " + heldOut);
        }
    }

    /** The size of the code. */
    @Override
    @JsonIgnore
    public int codeDim() {
        return aae.code();
    }

    @Override
    public AaeExperiment withName(String n) {
        return new AaeExperiment(n, description, family, seed, dataset, aae, iterations, sampleInterval,
                checkpointInterval, heldOut);
    }

    @Override
    public AaeExperiment withSeed(long s) {
        return new AaeExperiment(name, description, family, s, dataset, aae, iterations, sampleInterval,
                checkpointInterval, heldOut);
    }

    @Override
    public AaeExperiment withIterations(long n) {
        return new AaeExperiment(name, description, family, seed, dataset, aae, n, sampleInterval,
                checkpointInterval, heldOut);
    }

    /** The same experiment measuring every {@code sample} and saving every {@code checkpoint} iterations. */
    public AaeExperiment withIntervals(int sample, int checkpoint) {
        return new AaeExperiment(name, description, family, seed, dataset, aae, iterations, sample, checkpoint,
                heldOut);
    }

    /** The same experiment keeping {@code n} images out of training. */
    public AaeExperiment withHeldOut(int n) {
        return new AaeExperiment(name, description, family, seed, dataset, aae, iterations, sampleInterval,
                checkpointInterval, n);
    }

    /** The same experiment with other adversarial autoencoder settings. */
    public AaeExperiment withSettings(AaeSettings s) {
        return new AaeExperiment(name, description, family, seed, dataset, s, iterations, sampleInterval,
                checkpointInterval, heldOut);
    }
}
