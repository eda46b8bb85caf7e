package org.latentlab.model.edit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

import java.util.Locale;

/** What a network does in a model. Written in JSON in lower case: {@code "generator"}. */
public enum Role {
    /** A GAN's generator: noise z in, a fake example out. */
    GENERATOR("G"),
    /**
     * A GAN's discriminator: an example in (a conditional GAN's joined to its label, a BiGAN's to its code; an
     * adversarial autoencoder's D takes the code), one raw score (logit) out; an EBGAN's D is an autoencoder.
     */
    DISCRIMINATOR("D"),
    /** A WGAN's critic: an example in, one unbounded score out. */
    CRITIC("D"),
    /** An autoencoder's or VAE's encoder: an example in, the code (VAE: mean and log-variance) out. */
    ENCODER("encoder"),
    /** An autoencoder's or VAE's decoder: a code in, a reconstruction out. */
    DECODER("decoder"),
    /** An RBM, or a stack of RBMs (a deep belief net): visible units in, p(h|v) of each hidden layer up. */
    RBM("rbm"),
    /** A network with no role: edited and saved on its own. */
    NETWORK("network");

    private final String networkName;

    Role(String networkName) {
        this.networkName = networkName;
    }

    /** The name the lab's experiment files give a network in this role ({@code G}, {@code encoder}...). */
    public String networkName() {
        return networkName;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role parse(String s) {
        return EnumIds.parse(values(), Role::id, s, "role");
    }
}
