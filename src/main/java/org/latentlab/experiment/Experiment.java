package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.latentlab.train.TrainingStatus;

/**
 * An experiment of any family: what to train on, what to train, how, for how long, and how often to measure,
 * draw and checkpoint. One file format for all of them, told apart by the JSON {@code "family"} field (a file
 * without it is a GAN experiment). Each family is a record that validates itself on construction, so an
 * experiment that exists can be run; {@link ExperimentRunner} runs any of them and {@link ExperimentFiles} reads
 * and writes them. A new family adds a record here and a {@code FamilyRecipe} for the runner.
 *
 * @param <S> the status records a run of this experiment publishes
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "family",
        visible = true, defaultImpl = GanExperiment.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = GanExperiment.class, name = "gan"),
        @JsonSubTypes.Type(value = ReconstructionExperiment.class, names = {"autoencoder", "vae", "rbm"}),
        @JsonSubTypes.Type(value = SbnExperiment.class, name = "sbn"),
        @JsonSubTypes.Type(value = CycleGanExperiment.class, name = "cyclegan"),
        @JsonSubTypes.Type(value = VaeGanExperiment.class, name = "vaegan"),
        @JsonSubTypes.Type(value = AaeExperiment.class, name = "aae")
})
public sealed interface Experiment<S extends TrainingStatus> permits GanExperiment, ReconstructionExperiment,
        SbnExperiment, CycleGanExperiment, VaeGanExperiment, AaeExperiment {

    /** Letters, digits, '.', '_' or '-': it names the run folder. */
    String name();

    String description();

    Family family();

    long seed();

    DatasetSpec dataset();

    long iterations();

    /** Iterations between measurements (a metrics row and a picture). */
    int sampleInterval();

    /** Iterations between checkpoints. */
    int checkpointInterval();

    /** The size of the latent code: G's input, the decoder's input, or the last RBM's hidden layer. */
    @JsonIgnore
    int codeDim();

    Experiment<S> withName(String name);

    Experiment<S> withSeed(long seed);

    Experiment<S> withIterations(long iterations);
}
