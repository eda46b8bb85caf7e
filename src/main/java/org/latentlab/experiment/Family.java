package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

import java.util.Locale;

/**
 * The kind of model an experiment trains, named by an experiment file's {@code "family"} field. A file without
 * the field is a GAN experiment (files written before the field existed). {@link GanExperiment} holds the GAN
 * family; {@link ReconstructionExperiment} the families that learn to reconstruct their input; {@link SbnExperiment}
 * the sigmoid belief net; {@link CycleGanExperiment} CycleGAN; {@link VaeGanExperiment} the VAE-GAN;
 * {@link AaeExperiment} the adversarial autoencoder.
 */
public enum Family {
    /** A generator and a discriminator trained against each other (Goodfellow et al., 2014). */
    GAN("GAN"),
    /** An autoencoder of any kind: plain, sparse, denoising, contractive, deep, convolutional. */
    AUTOENCODER("autoencoder"),
    /** A variational autoencoder (Kingma and Welling, 2014). */
    VAE("VAE"),
    /** A restricted Boltzmann machine, or a stack of them (a deep belief network). */
    RBM("RBM / DBN"),
    /** A sigmoid belief net trained by wake-sleep (Neal 1992; Hinton, Dayan, Frey and Neal 1995). */
    SBN("sigmoid belief net (wake-sleep)"),
    /** Two generators and two discriminators translating between unpaired domains (Zhu et al. 2017). */
    CYCLEGAN("CycleGAN (unpaired translation)"),
    /** A VAE whose decoder is a GAN's generator (Larsen, Sønderby, Larochelle and Winther 2016). */
    VAEGAN("VAE-GAN"),
    /** An adversarial autoencoder (Makhzani et al. 2016): an autoencoder whose code a discriminator holds to a prior. */
    AAE("adversarial autoencoder");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a person calls it: "GAN", "VAE", "RBM / DBN". */
    public String label() {
        return label;
    }

    /** Whether experiments of this family are {@link ReconstructionExperiment}s. */
    public boolean reconstructs() {
        return this != GAN && this != SBN && this != CYCLEGAN && this != VAEGAN && this != AAE;
    }

    /**
     * Whether the autoencoder / VAE / RBM bench trains experiments of this family: the {@link ReconstructionExperiment}
     * families, the sigmoid belief net ({@link SbnExperiment}), CycleGAN ({@link CycleGanExperiment}), the
     * VAE-GAN ({@link VaeGanExperiment}) and the adversarial autoencoder ({@link AaeExperiment}), whose runs
     * publish the same status records.
     */
    public boolean onModelBench() {
        return this != GAN;
    }

    @JsonCreator
    public static Family parse(String s) {
        return EnumIds.parse(values(), Family::id, s, "family");
    }
}
