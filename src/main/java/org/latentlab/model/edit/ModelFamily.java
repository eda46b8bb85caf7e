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
    /**
     * A conditional GAN (Mirza and Osindero 2014): G takes z joined to a one-hot label, D the example joined to it
     * ({@link Wiring#classes()}).
     */
    CGAN(List.of(Role.GENERATOR, Role.DISCRIMINATOR)),
    /**
     * InfoGAN (Chen et al. 2016): G takes the noise joined to a categorical and continuous codes; a head Q on a hidden
     * layer of D predicts them ({@link Wiring#categorical()}, {@link Wiring#continuous()}, {@link Wiring#layer()}).
     */
    INFOGAN(List.of(Role.GENERATOR, Role.DISCRIMINATOR)),
    /** A BiGAN (Donahue et al. 2017): an encoder E beside G, D judging pairs (x, E(x)) against (G(z), z). */
    BIGAN(List.of(Role.GENERATOR, Role.ENCODER, Role.DISCRIMINATOR)),
    /** An energy-based GAN (Zhao et al. 2017): D is an autoencoder, its reconstruction error the energy. */
    EBGAN(List.of(Role.GENERATOR, Role.DISCRIMINATOR)),
    /** An adversarial autoencoder (Makhzani et al. 2016): encoder, decoder and a discriminator on the code. */
    AAE(List.of(Role.ENCODER, Role.DECODER, Role.DISCRIMINATOR)),
    /** A VAE-GAN (Larsen et al. 2016): a VAE's encoder and decoder and a discriminator measuring in its features. */
    VAEGAN(List.of(Role.ENCODER, Role.DECODER, Role.DISCRIMINATOR)),
    /**
     * A CycleGAN (Zhu et al. 2017): the generator G: A → B (F: B → A has the same layers and weights of its own) and
     * the discriminator D_B (D_A likewise).
     */
    CYCLEGAN(List.of(Role.GENERATOR, Role.DISCRIMINATOR)),
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

    /** True for the families whose generator maps noise z (with labels or codes) to an example. */
    public boolean isGan() {
        return this == GAN || this == WGAN || this == CGAN || this == INFOGAN || this == BIGAN || this == EBGAN;
    }

    /** True for the GAN zoo's families: their networks are joined beyond plain chains ({@link Wiring}). */
    public boolean isZoo() {
        return ordinal() >= CGAN.ordinal() && ordinal() <= CYCLEGAN.ordinal();
    }

    /** True for the families the autoencoder / VAE / RBM bench trains. */
    public boolean onModelBench() {
        return this == AUTOENCODER || this == VAE || this == RBM || this == AAE || this == VAEGAN || this == CYCLEGAN;
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
