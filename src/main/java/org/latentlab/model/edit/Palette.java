package org.latentlab.model.edit;

import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.Padding;

import java.util.List;
import java.util.Optional;

/**
 * The layers a person can drag onto the canvas, grouped as the builder shows them, each with sensible defaults.
 * Every {@link LayerSpec} type has an entry; the output heads are dense layers of one unit with the activation a
 * model's last layer usually has (sigmoid, tanh, or none: linear). The generative blocks of the curriculum are not
 * layers here: the VAE's sampling block is part of every {@link ModelFamily#VAE} design, and a GAN's noise input
 * is its generator's input node; label/condition inputs and concat do not exist in the lab's networks yet.
 */
public final class Palette {

    /** The palette's sections. */
    public enum Group {
        CORE("Core"), CONVOLUTION("Convolution"), OUTPUT("Output heads");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * One draggable layer kind. {@code prototype}'s name is the name new layers get (made unique in their network
     * by {@link AddLayerEdit}).
     */
    public record Entry(String id, String label, Group group, LayerSpec prototype, String description) {

        /** The prototype renamed. */
        public LayerSpec create(String name) {
            return LayerProperties.require(prototype, "name", name);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("dense", "Dense", Group.CORE, new LayerSpec.Dense("dense", 64, Activation.RELU),
                    "fully connected layer with an activation"),
            new Entry("activation", "Activation", Group.CORE, new LayerSpec.Act("act", Activation.RELU, 0),
                    "elementwise nonlinearity on its own (after batch norm)"),
            new Entry("dropout", "Dropout", Group.CORE, new LayerSpec.Dropout("dropout", 0.3),
                    "drops values at random while training"),
            new Entry("batchnorm", "Batch norm", Group.CORE, new LayerSpec.BatchNorm("bn"),
                    "normalises over the batch, per unit or per channel"),
            new Entry("minibatch", "Minibatch discr.", Group.CORE,
                    new LayerSpec.MinibatchDiscrimination("minibatch", 5, 3),
                    "for a discriminator, against mode collapse (Salimans et al. 2016, \"Improved techniques for"
                            + " training GANs\"): adds, for each example, how close it is to the rest of its batch"
                            + " (B kernels of C values through a learned tensor, L1 distances, exp(-d) summed), so D"
                            + " sees when a batch has collapsed; place it before D's last dense layers. Not with R1"
                            + " or WGAN-GP, which need each score to depend on its own example alone"),
            new Entry("virtualbatchnorm", "Virtual batch norm", Group.CORE,
                    new LayerSpec.VirtualBatchNorm("vbn", LayerSpec.VirtualBatchNorm.DEFAULT_REFERENCE_BATCH),
                    "for a generator: normalises each example with a fixed reference batch's statistics and its own"
                            + " (Salimans et al. 2016), so no example depends on the rest of its batch; after dense"
                            + " layers (per unit) or convolutions (per channel), not in D"),
            new Entry("maxout", "Maxout", Group.CORE, new LayerSpec.Maxout("maxout", 64, 5),
                    "each unit outputs the largest of k linear pieces of its input (Goodfellow et al. 2013,"
                            + " \"Maxout networks\"); PacGAN's discriminator is three maxout layers of 200 units"
                            + " and 5 pieces"),
            new Entry("reshape", "Reshape", Group.CORE, new LayerSpec.Reshape("reshape", 1, 28, 28),
                    "turns a vector into a channels x height x width image"),
            new Entry("flatten", "Flatten", Group.CORE, new LayerSpec.Flatten("flatten"),
                    "turns an image into a vector"),
            new Entry("conv2d", "Conv 2-D", Group.CONVOLUTION,
                    new LayerSpec.Conv2D("conv", 16, 3, 1, Padding.SAME, Activation.RELU, 0),
                    "2-D convolution with a square kernel"),
            new Entry("deconv2d", "Transposed conv 2-D", Group.CONVOLUTION,
                    new LayerSpec.Deconv2D("deconv", 16, 4, 2, Padding.SAME, Activation.RELU, 0),
                    "transposed convolution: up-samples by its stride"),
            new Entry("pool2d", "Pooling 2-D", Group.CONVOLUTION,
                    new LayerSpec.Pool2D("pool", LayerSpec.Pool2D.Pooling.MAX, 2, 2),
                    "max or average pooling over square windows: halves height and width with 2 / 2"),
            new Entry("upsample2d", "Upsample 2-D", Group.CONVOLUTION, new LayerSpec.Upsample2D("upsample", 2),
                    "nearest-neighbour up-sampling (follow it with a conv 2-D)"),
            new Entry("head-sigmoid", "Sigmoid head", Group.OUTPUT,
                    new LayerSpec.Dense("out", 1, Activation.SIGMOID),
                    "dense output in (0, 1): probabilities, Bernoulli pixels, RBM units"),
            new Entry("head-tanh", "Tanh head", Group.OUTPUT, new LayerSpec.Dense("out", 1, Activation.TANH),
                    "dense output in (-1, 1): a generator's pixels scaled to [-1, 1]"),
            new Entry("head-linear", "Linear head", Group.OUTPUT, new LayerSpec.Dense("out", 1, Activation.IDENTITY),
                    "dense output with no activation: a discriminator's logit, a critic's score, a VAE's mean and"
                            + " log-variance, a decoder's logits"));

    private Palette() {
    }

    /** All entries, in the order they are shown. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static List<Entry> entries(Group group) {
        return ENTRIES.stream().filter(e -> e.group() == group).toList();
    }

    public static Optional<Entry> entry(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
