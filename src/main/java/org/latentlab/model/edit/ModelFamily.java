package org.latentlab.model.edit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of model a design can be, with the networks (roles) each one has. Written in JSON in lower case.
 * Sparse, denoising and contractive autoencoders are {@link #AUTOENCODER}s: their networks are an autoencoder's,
 * only the training objective differs (it lives in the experiment's training settings, not in the design).
 */
public enum ModelFamily {
    /** A GAN trained with a sigmoid-based loss (minimax, non-saturating, LSGAN, hinge): G and D. */
    GAN(List.of(Role.GENERATOR, Role.DISCRIMINATOR)),
    /** A Wasserstein GAN (weight clipping or gradient penalty): G and a critic. */
    WGAN(List.of(Role.GENERATOR, Role.CRITIC)),
    /** An autoencoder of any kind: encoder and decoder; the encoder's output is the code. */
    AUTOENCODER(List.of(Role.ENCODER, Role.DECODER)),
    /**
     * A variational autoencoder: the encoder's last layer outputs the mean and the log-variance of q(z|x) (2k
     * values, mean first), the sampling block draws z = mean + exp(log-variance / 2) * eps (k values), the
     * decoder maps z back. The sampling block has no parameters and is done by the VAE trainer.
     */
    VAE(List.of(Role.ENCODER, Role.DECODER)),
    /** A restricted Boltzmann machine, or a deep belief net of stacked RBMs. */
    RBM(List.of(Role.RBM)),
    /** One network with no role. */
    NETWORK(List.of(Role.NETWORK));

    private final List<Role> roles;

    ModelFamily(List<Role> roles) {
        this.roles = roles;
    }

    /** The networks a design of this family has, in the order they are shown. */
    public List<Role> roles() {
        return roles;
    }

    /** True for the two GAN families. */
    public boolean isGan() {
        return this == GAN || this == WGAN;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ModelFamily parse(String s) {
        return EnumIds.parse(values(), ModelFamily::id, s, "family");
    }
}
