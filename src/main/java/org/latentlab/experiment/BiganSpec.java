package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.BiganPairs;
import org.latentlab.train.GanSettings;

/**
 * A bidirectional GAN's encoder (Donahue, Krähenbühl and Darrell 2017; ALI, Dumoulin et al. 2017): the experiment
 * file's top-level {@code "bigan": {"encoder": {...}, "heldOut": N}}. E maps an example to a code of G's input size;
 * D takes the example joined to a code ({@link BiganPairs}). It sits beside G and D because it fixes D's input size.
 * {@code heldOut} examples of an image set are kept out of training for the reconstructions G(E(x)) and the encoded
 * scatter (a distribution draws them once with a fixed seed).
 *
 * @param encoder E: the data's shape in, a vector of the latent size out
 * @param heldOut examples kept out of training (10..100000; 0 or missing in the file: 1000)
 */
public record BiganSpec(NetworkSpec encoder, int heldOut) {

    public static final int DEFAULT_HELD_OUT = 1000;

    @JsonCreator
    static BiganSpec fromJson(@JsonProperty("encoder") NetworkSpec encoder, @JsonProperty("heldOut") Integer heldOut) {
        return new BiganSpec(encoder, heldOut == null ? 0 : heldOut);
    }

    public BiganSpec {
        if (encoder == null) {
            throw new IllegalArgumentException("bigan.encoder is missing: give the encoder network E (the data's shape"
                    + " in, the latent code out)");
        }
        heldOut = heldOut == 0 ? DEFAULT_HELD_OUT : heldOut;
        if (heldOut < 10 || heldOut > 100_000) {
            throw new IllegalArgumentException("bigan.heldOut must be 10..100000 examples, not " + heldOut);
        }
    }

    /**
     * Checks E's and D's sizes against G's and the training settings.
     *
     * @throws IllegalArgumentException saying which size or setting to change
     */
    void check(NetworkSpec generator, NetworkSpec discriminator, GanSettings training) {
        int latent = generator.input().size();
        Shape out = generator.output();
        Shape eOut = encoder.output();
        if (eOut.isImage() || eOut.size() != latent) {
            throw new IllegalArgumentException("bigan.encoder outputs " + eOut + " but the generator takes a code of "
                    + latent + ": end E with a dense layer of " + latent + " units (no activation)");
        }
        if (encoder.input().size() != out.size()) {
            throw new IllegalArgumentException("bigan.encoder takes " + encoder.input() + " but the generator outputs "
                    + out + ": set bigan.encoder.input to the data's shape " + shapeText(out));
        }
        Shape dIn = discriminator.input();
        if (dIn.isImage()) {
            if (!out.isImage()) {
                throw new IllegalArgumentException("the discriminator takes images (" + dIn + ") but the generator"
                        + " outputs " + out + ": end G with a reshape to channels × height × width");
            }
            if (dIn.channels() != out.channels() + latent || dIn.height() != out.height()
                    || dIn.width() != out.width()) {
                throw new IllegalArgumentException("a BiGAN's convolutional discriminator takes the image's "
                        + out.channels() + " channel(s) and the " + latent + " code values as constant planes: set"
                        + " discriminator.input to [" + (out.channels() + latent) + ", " + out.height() + ", "
                        + out.width() + "], not " + dIn);
            }
        } else if (dIn.size() != out.size() + latent) {
            throw new IllegalArgumentException("a BiGAN's discriminator takes the example's " + out.size()
                    + " values followed by the " + latent + " code values: set discriminator.input to ["
                    + (out.size() + latent) + "], not " + dIn);
        }
        for (LayerSpec l : encoder.layers()) {
            if (l instanceof LayerSpec.VirtualBatchNorm || l instanceof LayerSpec.MinibatchDiscrimination) {
                throw new IllegalArgumentException("bigan.encoder cannot hold " + l.type() + " layer '" + l.name()
                        + "': remove it");
            }
        }
        BiganPairs.refusal(training).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
    }

    private static String shapeText(Shape s) {
        return s.isImage() ? "[" + s.channels() + ", " + s.height() + ", " + s.width() + "]" : "[" + s.size() + "]";
    }
}
