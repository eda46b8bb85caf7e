package org.latentlab.experiment;

import org.latentlab.data.DataSource;
import org.latentlab.data.LabelledSource;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.ConditionalBatches;
import org.latentlab.train.GanSettings;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Where a conditional GAN's labels go in its networks' inputs, checked against the spec (Mirza and Osindero 2014,
 * section 4.1): G's input is the latent code followed by the K one-hot values; a D that takes vectors takes the
 * flat example followed by them (d + K), a D that takes images takes the image's channels followed by K constant
 * label planes (C + K channels of the same height and width).
 */
public final class ConditionalLayout {

    private ConditionalLayout() {
    }

    /**
     * Checks the networks' input sizes and the training settings for K classes.
     *
     * @throws IllegalArgumentException saying which size to set, or which setting the conditional GAN refuses
     */
    static void check(int classes, NetworkSpec generator, NetworkSpec discriminator, GanSettings training) {
        int gIn = generator.input().size();
        if (gIn <= classes) {
            throw new IllegalArgumentException("conditional.classes is " + classes + ", so generator.input holds the"
                    + " latent code and " + classes + " label values: make it latent + " + classes + " (e.g. "
                    + (100 + classes) + "), not " + gIn);
        }
        Shape out = generator.output();
        Shape dIn = discriminator.input();
        if (dIn.isImage()) {
            if (!out.isImage()) {
                throw new IllegalArgumentException("the discriminator takes images (" + dIn + ") but the generator"
                        + " outputs " + out + ": end G with a reshape to channels × height × width");
            }
            if (dIn.channels() != out.channels() + classes || dIn.height() != out.height()
                    || dIn.width() != out.width()) {
                throw new IllegalArgumentException("conditional.classes is " + classes + ", so the discriminator takes"
                        + " the image's " + out.channels() + " channel(s) and " + classes + " label planes: set"
                        + " discriminator.input to [" + (out.channels() + classes) + ", " + out.height() + ", "
                        + out.width() + "], not " + dIn);
            }
        } else if (dIn.size() != out.size() + classes) {
            throw new IllegalArgumentException("conditional.classes is " + classes + ", so the discriminator takes the"
                    + " example's " + out.size() + " values and " + classes + " label values: set"
                    + " discriminator.input to [" + (out.size() + classes) + "], not " + dIn);
        }
        for (LayerSpec l : generator.layers()) {
            if (l instanceof LayerSpec.VirtualBatchNorm) {
                throw new IllegalArgumentException("a conditional GAN cannot use virtual batch norm layer '"
                        + l.name() + "' (its reference batch holds codes without labels): remove it");
            }
        }
        ConditionalBatches.refusal(training).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
    }

    /**
     * The label joins of a conditional experiment on its opened data set.
     *
     * @throws org.latentlab.core.LabException when the data set has no labels or another number of classes
     */
    public static ConditionalBatches batches(GanExperiment spec, DataSource data, DataType type) {
        LabelledSource labelled = LabelledSource.of(data).orElseThrow(() -> new org.latentlab.core.LabException(
                "experiment '" + spec.name() + "': a conditional GAN needs labelled data, and the data set "
                        + spec.dataset() + " has no labels: use a labelled image set (mnist, fashion, a folder of"
                        + " class folders) or a Gaussian mixture (ring8, grid25)"));
        int k = spec.conditional().classes();
        if (labelled.classes() != k) {
            throw new org.latentlab.core.LabException("experiment '" + spec.name() + "': conditional.classes is " + k
                    + " but the data set " + spec.dataset() + " has " + labelled.classes() + " classes: set"
                    + " conditional.classes to " + labelled.classes() + " (and the networks' inputs with it)");
        }
        Shape dIn = spec.discriminator().input();
        int plane = dIn.isImage() ? dIn.height() * dIn.width() : 1;
        return new ConditionalBatches(labelled, spec.latentDim(), data.dimension(), plane, type);
    }
}
