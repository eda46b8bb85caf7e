package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.sbn.SbnSettings;

/**
 * An experiment file of the sigmoid belief net family ({@code "family": "sbn"}): a net of binary stochastic units
 * (Neal 1992) whose sizes come from the data (the visible layer) and {@code sbn.hidden}, trained by wake-sleep
 * (Hinton, Dayan, Frey and Neal 1995) on binarised images. {@code heldOut} images at the end of the shuffled data
 * set are never trained on and give the held-out bound. Its runs publish the same status records as the autoencoder,
 * VAE and RBM families, so the same bench shows them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"family", "name"})
public record SbnExperiment(String name, String description, Family family, long seed, DatasetSpec dataset,
                            SbnSettings sbn, long iterations, int sampleInterval, int checkpointInterval, int heldOut)
        implements Experiment<ReconstructionStatus> {

    /** Held-out images when the file gives none. */
    public static final int DEFAULT_HELD_OUT = 1000;
    /** The most iterations an experiment may ask for. */
    public static final long MAX_ITERATIONS = ExperimentChecks.MAX_ITERATIONS;

    public SbnExperiment {
        ExperimentChecks.name(name);
        description = description == null ? "" : description;
        family = family == null ? Family.SBN : family;
        if (family != Family.SBN) {
            throw new IllegalArgumentException("family: a sigmoid belief net experiment has \"family\": \"sbn\", not "
                    + family.id());
        }
        if (dataset == null) {
            throw new IllegalArgumentException("dataset: a sigmoid belief net experiment needs a data set of images,"
                    + " e.g. {\"kind\": \"images\", \"name\": \"mnist\"}");
        }
        if (dataset.kind() == DatasetSpec.Kind.TOY || dataset.kind() == DatasetSpec.Kind.CSV) {
            throw new IllegalArgumentException("dataset: a sigmoid belief net models binary pixels, so it trains on"
                    + " images (kind images or folder), not " + dataset);
        }
        if (sbn == null) {
            throw new IllegalArgumentException("sbn: the wake-sleep settings are missing, e.g. {\"hidden\": [100, 20],"
                    + " \"generativeRate\": 0.1, \"recognitionRate\": 0.1, \"batch\": 20}");
        }
        ExperimentChecks.schedule(iterations, sampleInterval, checkpointInterval);
        heldOut = heldOut == 0 ? DEFAULT_HELD_OUT : heldOut;
        if (heldOut < 10) {
            throw new IllegalArgumentException("heldOut: at least 10 images measure the bound, not " + heldOut);
        }
    }

    /** The size of the code: the top hidden layer. */
    @Override
    @JsonIgnore
    public int codeDim() {
        return sbn.hidden().get(sbn.hidden().size() - 1);
    }

    @Override
    public SbnExperiment withName(String n) {
        return new SbnExperiment(n, description, family, seed, dataset, sbn, iterations, sampleInterval,
                checkpointInterval, heldOut);
    }

    @Override
    public SbnExperiment withSeed(long s) {
        return new SbnExperiment(name, description, family, s, dataset, sbn, iterations, sampleInterval,
                checkpointInterval, heldOut);
    }

    @Override
    public SbnExperiment withIterations(long n) {
        return new SbnExperiment(name, description, family, seed, dataset, sbn, n, sampleInterval,
                checkpointInterval, heldOut);
    }

    /** The same experiment measuring every {@code sample} and saving every {@code checkpoint} iterations. */
    public SbnExperiment withIntervals(int sample, int checkpoint) {
        return new SbnExperiment(name, description, family, seed, dataset, sbn, iterations, sample, checkpoint,
                heldOut);
    }

    /** The same experiment keeping {@code n} images out of training. */
    public SbnExperiment withHeldOut(int n) {
        return new SbnExperiment(name, description, family, seed, dataset, sbn, iterations, sampleInterval,
                checkpointInterval, n);
    }

    /** The same experiment with other wake-sleep settings. */
    public SbnExperiment withSettings(SbnSettings s) {
        return new SbnExperiment(name, description, family, seed, dataset, s, iterations, sampleInterval,
                checkpointInterval, heldOut);
    }
}
