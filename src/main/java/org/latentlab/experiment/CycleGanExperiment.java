package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.cyclegan.CycleGanSettings;

/**
 * An experiment file of the CycleGAN family ({@code "family": "cyclegan"}; Zhu, Park, Isola and Efros 2017): two
 * domains A and B, unpaired, and the architectures of the two generators (G: A → B and F: B → A share
 * {@code generator}) and of the two discriminators (D_A and D_B share {@code discriminator}), each network with
 * weights of its own. {@code heldOut} examples of each domain are kept apart for the pictures and the measurements.
 * Its runs publish the autoencoder / VAE / RBM bench's status records (a translation is shown as inputs, their
 * images and their reconstructions through the cycle), so that bench trains it.
 */
@JsonPropertyOrder({"family", "name"})
public record CycleGanExperiment(String name, String description, Family family, long seed, CycleGanDomain domainA,
                                 CycleGanDomain domainB, NetworkSpec generator, NetworkSpec discriminator,
                                 CycleGanSettings cyclegan, long iterations, int sampleInterval,
                                 int checkpointInterval, int heldOut) implements Experiment<ReconstructionStatus> {

    /** Held-out examples of each domain when the file gives none. */
    public static final int DEFAULT_HELD_OUT = 500;
    /** The most iterations an experiment may ask for. */
    public static final long MAX_ITERATIONS = ExperimentChecks.MAX_ITERATIONS;

    public CycleGanExperiment {
        ExperimentChecks.name(name);
        description = description == null ? "" : description;
        family = family == null ? Family.CYCLEGAN : family;
        if (family != Family.CYCLEGAN) {
            throw new IllegalArgumentException("family: a CycleGAN experiment has \"family\": \"cyclegan\", not "
                    + family.id());
        }
        if (domainA == null || domainB == null) {
            throw new IllegalArgumentException("a CycleGAN experiment needs domainA and domainB, e.g. \"domainA\":"
                    + " {\"dataset\": {\"kind\": \"toy\", \"name\": \"two-moons\"}}");
        }
        if (generator == null || discriminator == null || cyclegan == null) {
            throw new IllegalArgumentException("a CycleGAN experiment needs generator, discriminator and cyclegan");
        }
        if (generator.input().size() != generator.output().size()) {
            throw new IllegalArgumentException("generator takes " + generator.input() + " and gives "
                    + generator.output() + ": G and F map an example of one domain to one of the other, so its"
                    + " output must have the input's size");
        }
        if (discriminator.input().size() != generator.output().size()) {
            throw new IllegalArgumentException("generator outputs " + generator.output() + " but discriminator"
                    + " takes " + discriminator.input() + ": they must have the same size");
        }
        LayerSpec last = discriminator.layers().get(discriminator.layers().size() - 1);
        if (!(last instanceof LayerSpec.Dense dense) || dense.units() != 1
                || dense.activation() != Activation.IDENTITY) {
            throw new IllegalArgumentException("the discriminator's last layer must be a dense layer of 1 unit with"
                    + " no activation (the least-squares loss scores it as it is), not " + last.type() + " '"
                    + last.name() + "'");
        }
        ExperimentChecks.schedule(iterations, sampleInterval, checkpointInterval);
        heldOut = heldOut == 0 ? DEFAULT_HELD_OUT : heldOut;
        if (heldOut < 10 || heldOut > 100_000) {
            throw new IllegalArgumentException("heldOut: 10 to 100000 examples of each domain, not " + heldOut);
        }
    }

    /** Domain A's data set (a run's provenance names it; {@link #domainB()} has the other). */
    @Override
    @JsonIgnore
    public DatasetSpec dataset() {
        return domainA.dataset();
    }

    /** G's input: an example's size (there is no latent code; G reads an example of A). */
    @Override
    @JsonIgnore
    public int codeDim() {
        return generator.input().size();
    }

    @Override
    public CycleGanExperiment withName(String n) {
        return new CycleGanExperiment(n, description, family, seed, domainA, domainB, generator, discriminator,
                cyclegan, iterations, sampleInterval, checkpointInterval, heldOut);
    }

    @Override
    public CycleGanExperiment withSeed(long s) {
        return new CycleGanExperiment(name, description, family, s, domainA, domainB, generator, discriminator,
                cyclegan, iterations, sampleInterval, checkpointInterval, heldOut);
    }

    @Override
    public CycleGanExperiment withIterations(long n) {
        return new CycleGanExperiment(name, description, family, seed, domainA, domainB, generator, discriminator,
                cyclegan, n, sampleInterval, checkpointInterval, heldOut);
    }

    /** The same experiment measuring every {@code sample} and saving every {@code checkpoint} iterations. */
    public CycleGanExperiment withIntervals(int sample, int checkpoint) {
        return new CycleGanExperiment(name, description, family, seed, domainA, domainB, generator, discriminator,
                cyclegan, iterations, sample, checkpoint, heldOut);
    }

    /** The same experiment with other training settings. */
    public CycleGanExperiment withSettings(CycleGanSettings s) {
        return new CycleGanExperiment(name, description, family, seed, domainA, domainB, generator, discriminator,
                s, iterations, sampleInterval, checkpointInterval, heldOut);
    }

    /** The same experiment keeping {@code n} examples of each domain out of training. */
    public CycleGanExperiment withHeldOut(int n) {
        return new CycleGanExperiment(name, description, family, seed, domainA, domainB, generator, discriminator,
                cyclegan, iterations, sampleInterval, checkpointInterval, n);
    }
}
