package org.latentlab.model.edit;

import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.latentlab.model.Templates;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Ready-made designs for every family the lab trains, with the networks of the bundled experiment presets, so that a
 * template loaded, trained with its preset's settings, behaves as the preset does. Each names that preset. Loading
 * one puts it on the canvas, fully editable.
 */
public final class DesignTemplates {

    /**
     * A template: the design and the bundled experiment preset whose training settings go with it (for "Train").
     */
    public record Template(String id, String title, ModelDesign design, String preset) {

        @Override
        public String toString() {
            return id;
        }
    }

    private static final Shape MNIST_FLAT = Shape.vector(784);
    private static final Shape MNIST_IMAGE = Shape.image(1, 28, 28);

    private static final List<Template> ALL = List.of(
            gan("mlp-gan-2d", "MLP GAN, 2-D points", "ring8-nsgan", false, Templates.mlpGan2d(2, 128),
                    Shape.vector(2), "A GAN for 2-D toy distributions (ring, grid, spiral): G 2-128-128-2 and"
                            + " D 2-128-128-1 with ReLU; D outputs a raw score (logit), the loss applies the"
                            + " sigmoid."),
            gan("mlp-gan-28", "MLP GAN, 28x28 images", "mnist-mlp-gan", false, Templates.mlpGan28(100),
                    MNIST_IMAGE, "A GAN for MNIST-sized images: G 100-256-512-784 (leaky ReLU, tanh out, reshaped"
                            + " to 1x28x28), D 784-512-256-1 (leaky ReLU, raw score)."),
            gan("dcgan-28", "DCGAN, 28x28 images", "fashion-dcgan", false, Templates.dcgan28(100), MNIST_IMAGE,
                    "A small DCGAN: G projects z to 32x7x7 and up-samples with two transposed convolutions"
                            + " (batch norm, ReLU, tanh out); D has two strided convolutions (leaky ReLU) and a"
                            + " dense raw score."),
            gan("wgan-2d", "WGAN critic, 2-D points", "ring8-wgan", true, Templates.mlpGan2d(2, 128),
                    Shape.vector(2), "A Wasserstein GAN for 2-D toy data: the critic 2-128-128-1 ends in a linear"
                            + " unit (an unbounded score, no sigmoid) and has no batch norm, so it suits weight"
                            + " clipping (wgan) and the gradient penalty (wgan-gp) alike."),
            autoencoder("autoencoder", "Autoencoder", "mnist-ae", false,
                    dense("encoder", MNIST_FLAT, 64, Activation.SIGMOID),
                    dense("decoder", Shape.vector(64), 784, Activation.IDENTITY),
                    "Autoencoder 784-64-784: a sigmoid code of 64; the decoder outputs logits for the"
                            + " cross-entropy reconstruction."),
            autoencoder("deep-autoencoder", "Stacked (deep) autoencoder", "mnist-deep-ae", false,
                    chain("encoder", MNIST_FLAT, new int[] {1000, 500, 250, 30}, "enc", Activation.SIGMOID),
                    chain("decoder", Shape.vector(30), new int[] {250, 500, 1000, 784}, "dec", Activation.SIGMOID),
                    "Deep autoencoder 784-1000-500-250-30 (Hinton & Salakhutdinov 2006), sigmoid hidden layers"
                            + " and a linear code; its preset pretrains it greedily, layer by layer."),
            autoencoder("sparse-autoencoder", "Sparse autoencoder", "mnist-ae-sparse", false,
                    dense("encoder", MNIST_FLAT, 196, Activation.SIGMOID),
                    dense("decoder", Shape.vector(196), 784, Activation.IDENTITY),
                    "Sparse autoencoder 784-196-784: the networks of a plain autoencoder; what makes it sparse is"
                            + " the objective (a KL penalty pulling each code unit's mean activation to rho), set in"
                            + " the training settings. The code layer is sigmoid, as the sparse-KL penalty needs."),
            autoencoder("denoising-autoencoder", "Denoising autoencoder", "mnist-dae", false,
                    dense("encoder", MNIST_FLAT, 196, Activation.SIGMOID),
                    dense("decoder", Shape.vector(196), 784, Activation.IDENTITY),
                    "Denoising autoencoder 784-196-784: the networks of a plain autoencoder; the objective differs"
                            + " (the input is corrupted, by masking or Gaussian noise, and the clean one is"
                            + " reconstructed), set in the training settings."),
            autoencoder("contractive-autoencoder", "Contractive autoencoder", "mnist-cae", false,
                    dense("encoder", MNIST_FLAT, 196, Activation.SIGMOID),
                    dense("decoder", Shape.vector(196), 784, Activation.IDENTITY),
                    "Contractive autoencoder 784-196-784: the networks of a plain autoencoder; the objective adds"
                            + " lambda * ||dc/dx||^2, which the lab computes in closed form for one sigmoid dense"
                            + " encoder layer (keep the encoder so)."),
            autoencoder("conv-autoencoder", "Convolutional autoencoder", "mnist-conv-ae", false,
                    new NetworkSpec("encoder", MNIST_IMAGE, List.of(
                            new LayerSpec.Conv2D("enc_conv1", 16, 3, 2, Padding.SAME, Activation.RELU, 0),
                            new LayerSpec.Conv2D("enc_conv2", 32, 3, 2, Padding.SAME, Activation.RELU, 0),
                            new LayerSpec.Flatten("enc_flat"),
                            new LayerSpec.Dense("enc_code", 32, Activation.IDENTITY))),
                    new NetworkSpec("decoder", Shape.vector(32), List.of(
                            new LayerSpec.Dense("dec_fc", 1568, Activation.RELU),
                            new LayerSpec.Reshape("dec_reshape", 32, 7, 7),
                            new LayerSpec.Upsample2D("dec_up1", 2),
                            new LayerSpec.Conv2D("dec_conv1", 16, 3, 1, Padding.SAME, Activation.RELU, 0),
                            new LayerSpec.Upsample2D("dec_up2", 2),
                            new LayerSpec.Conv2D("dec_conv2", 1, 3, 1, Padding.SAME, Activation.IDENTITY, 0))),
                    "Convolutional autoencoder: two stride-2 convolutions down to a 32-D code, up-sampling and"
                            + " convolutions back to 1x28x28 logits."),
            autoencoder("vae", "Variational autoencoder", "mnist-vae", true,
                    new NetworkSpec("encoder", MNIST_FLAT, List.of(
                            new LayerSpec.Dense("enc1", 400, Activation.RELU),
                            new LayerSpec.Dense("enc_out", 40, Activation.IDENTITY))),
                    new NetworkSpec("decoder", Shape.vector(20), List.of(
                            new LayerSpec.Dense("dec1", 400, Activation.RELU),
                            new LayerSpec.Dense("dec_out", 784, Activation.IDENTITY))),
                    "VAE 784-400-(20+20) / 20-400-784: the encoder head 'enc_out' gives the mean and the"
                            + " log-variance of a 20-D code (40 values, mean first, no activation); the sampling"
                            + " block draws z = mean + exp(log-variance / 2) * eps; the decoder outputs Bernoulli"
                            + " logits."),
            new Template("rbm", "Restricted Boltzmann machine", ModelDesign.rbm("rbm", "Bernoulli RBM 784-256:"
                    + " one visible-hidden pair with weights W, visible bias b and hidden bias c. The layer 'h1' is"
                    + " p(h|v) = sigmoid(v W + c); going down, p(v|h) = sigmoid(h W^T + b) uses the same W. Trained"
                    + " by contrastive divergence, not backpropagation.", 784, List.of(256)), "mnist-rbm"),
            new Template("dbn", "Deep belief net", ModelDesign.rbm("dbn", "Deep belief net 784-500-250: two RBMs"
                    + " stacked and trained greedily, each on p(h|v) of the one below; each layer is one RBM's"
                    + " upward conditional.", 784, List.of(500, 250)), "mnist-dbn"));

    private DesignTemplates() {
    }

    /** Every template, in the order the builder lists them. */
    public static List<Template> all() {
        return ALL;
    }

    /** The template with this id; a {@link LabException} listing the known ids if there is none. */
    public static Template get(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new LabException("no template '" + id + "' (known: "
                        + ALL.stream().map(Template::id).collect(Collectors.joining(", ")) + ")"));
    }

    private static Template gan(String id, String title, String preset, boolean wasserstein, Templates.GanPair pair,
                                Shape data, String description) {
        return new Template(id, title, ModelDesign.gan(id, description, pair.generator(), pair.discriminator(),
                data, wasserstein), preset);
    }

    private static Template autoencoder(String id, String title, String preset, boolean variational,
                                        NetworkSpec encoder, NetworkSpec decoder, String description) {
        return new Template(id, title, ModelDesign.autoencoder(id, description, encoder, decoder, variational),
                preset);
    }

    private static NetworkSpec dense(String name, Shape in, int units, Activation a) {
        String layer = name.equals("encoder") ? "enc_out" : "dec_out";
        return new NetworkSpec(name, in, List.of(new LayerSpec.Dense(layer, units, a)));
    }

    /** Dense layers {@code prefix1}, {@code prefix2}... with {@code hidden}, the last named {@code prefix_out}. */
    private static NetworkSpec chain(String name, Shape in, int[] units, String prefix, Activation hidden) {
        List<LayerSpec> layers = new java.util.ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            boolean last = i == units.length - 1;
            layers.add(new LayerSpec.Dense(last ? prefix + "_out" : prefix + (i + 1), units[i],
                    last ? Activation.IDENTITY : hidden));
        }
        return new NetworkSpec(name, in, layers);
    }
}
