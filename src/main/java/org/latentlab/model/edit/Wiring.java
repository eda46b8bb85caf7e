package org.latentlab.model.edit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the networks of a GAN-zoo design are joined beyond their chains of layers: the inputs that are not noise or
 * data (a conditional GAN's one-hot label, InfoGAN's codes), the head that reads a hidden layer of D (InfoGAN's Q)
 * and the layer of D a family measures in (VAE-GAN's features, EBGAN's code). What each field means depends on the
 * family; {@link #NONE} for the families that have none. Written in a design file as {@code "wiring"}.
 *
 * @param classes     K one-hot label values: a conditional GAN's labels joined to z and to x (Mirza and Osindero
 *                    2014); a label-conditioned adversarial autoencoder's labels joined to the code D judges
 *                    (Makhzani et al. 2016, section 2.3); 0 otherwise
 * @param categorical InfoGAN's categorical code: K one-hot values after the noise in G's input (Chen et al. 2016)
 * @param continuous  InfoGAN's continuous codes, each U(−1, 1), after the categorical one
 * @param layer       the layer of D that InfoGAN's Q head reads, that a VAE-GAN measures the reconstruction in
 *                    (Larsen et al. 2016), or whose output is an EBGAN's code for the pull-away term (Zhao et al.
 *                    2017; may be empty); empty otherwise
 * @param qHidden     units of Q's hidden layer (leaky ReLU 0.1), 0 for a linear Q
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Wiring(int classes, int categorical, int continuous, String layer, int qHidden) {

    /** Nothing beyond the chains. */
    public static final Wiring NONE = new Wiring(0, 0, 0, "", 0);

    @JsonCreator
    static Wiring fromJson(@JsonProperty("classes") Integer classes, @JsonProperty("categorical") Integer categorical,
                           @JsonProperty("continuous") Integer continuous, @JsonProperty("layer") String layer,
                           @JsonProperty("qHidden") Integer qHidden) {
        return new Wiring(classes == null ? 0 : classes, categorical == null ? 0 : categorical,
                continuous == null ? 0 : continuous, layer, qHidden == null ? 0 : qHidden);
    }

    public Wiring {
        layer = layer == null ? "" : layer.strip();
        if (classes < 0 || classes > 1000 || categorical < 0 || categorical > 1000 || continuous < 0
                || continuous > 16 || qHidden < 0 || qHidden > 4096) {
            throw new IllegalArgumentException("wiring: classes and categorical 0..1000, continuous 0..16, qHidden"
                    + " 0..4096, not " + classes + ", " + categorical + ", " + continuous + ", " + qHidden);
        }
    }

    /** A conditional GAN's (or a label-conditioned AAE's) K labels. */
    public static Wiring labels(int classes) {
        return new Wiring(classes, 0, 0, "", 0);
    }

    /** InfoGAN's codes and its Q head on D's layer {@code layer}. */
    public static Wiring codes(int categorical, int continuous, String layer, int qHidden) {
        return new Wiring(0, categorical, continuous, layer, qHidden);
    }

    /** The layer of D a VAE-GAN measures in, or an EBGAN's code layer. */
    public static Wiring layer(String layer) {
        return new Wiring(0, 0, 0, layer, 0);
    }

    /** InfoGAN's code values after the noise: K one-hot and the continuous codes. */
    @JsonIgnore
    public int codeColumns() {
        return categorical + continuous;
    }

    public Wiring withClasses(int k) {
        return new Wiring(k, categorical, continuous, layer, qHidden);
    }

    public Wiring withCategorical(int k) {
        return new Wiring(classes, k, continuous, layer, qHidden);
    }

    public Wiring withContinuous(int c) {
        return new Wiring(classes, categorical, c, layer, qHidden);
    }

    public Wiring withLayer(String l) {
        return new Wiring(classes, categorical, continuous, l, qHidden);
    }

    public Wiring withQHidden(int h) {
        return new Wiring(classes, categorical, continuous, layer, h);
    }
}
