package org.latentlab.model;

import java.util.List;

/** The GAN networks the lab ships with. Each returns specs that a person can edit and save. */
public final class Templates {

    private Templates() {
    }

    /** A generator and a discriminator (or critic). */
    public record GanPair(NetworkSpec generator, NetworkSpec discriminator) {
    }

    /** MLP GAN for 2-D points: G z-128-128-2 (ReLU), D 2-128-128-1 (ReLU), D's output a raw score (logit). */
    public static GanPair mlpGan2d(int latentDim, int hidden) {
        NetworkSpec g = new NetworkSpec("G", Shape.vector(latentDim), List.of(
                new LayerSpec.Dense("g1", hidden, Activation.RELU),
                new LayerSpec.Dense("g2", hidden, Activation.RELU),
                new LayerSpec.Dense("g_out", 2, Activation.IDENTITY)));
        NetworkSpec d = new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", hidden, Activation.RELU),
                new LayerSpec.Dense("d2", hidden, Activation.RELU),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY)));
        return new GanPair(g, d);
    }

    /** MLP GAN for 28x28 images: G 100-256-512-784 (leaky ReLU, tanh out), D 784-512-256-1 (leaky ReLU). */
    public static GanPair mlpGan28(int latentDim) {
        NetworkSpec g = new NetworkSpec("G", Shape.vector(latentDim), List.of(
                new LayerSpec.Dense("g1", 256, Activation.LEAKYRELU),
                new LayerSpec.Dense("g2", 512, Activation.LEAKYRELU),
                new LayerSpec.Dense("g_out", 784, Activation.TANH),
                new LayerSpec.Reshape("g_img", 1, 28, 28)));
        NetworkSpec d = new NetworkSpec("D", Shape.image(1, 28, 28), List.of(
                new LayerSpec.Flatten("d_flat"),
                new LayerSpec.Dense("d1", 512, Activation.LEAKYRELU),
                new LayerSpec.Dense("d2", 256, Activation.LEAKYRELU),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY)));
        return new GanPair(g, d);
    }

    /**
     * A small DCGAN for 28x28 images, sized for a CPU: G: z -> dense 7x7x32 (BN, ReLU) -> deconv 16 4x4 /2 (BN,
     * ReLU) -> deconv 1 4x4 /2 tanh. D: conv 16 4x4 /2 leaky -> conv 32 4x4 /2 leaky -> flatten -> dense 1.
     */
    public static GanPair dcgan28(int latentDim) {
        NetworkSpec g = new NetworkSpec("G", Shape.vector(latentDim), List.of(
                new LayerSpec.Dense("g_fc", 7 * 7 * 32, Activation.IDENTITY),
                new LayerSpec.BatchNorm("g_bn0"),
                new LayerSpec.Act("g_relu0", Activation.RELU, 0),
                new LayerSpec.Reshape("g_reshape", 32, 7, 7),
                new LayerSpec.Deconv2D("g_up1", 16, 4, 2, Padding.SAME, Activation.IDENTITY, 0),
                new LayerSpec.BatchNorm("g_bn1"),
                new LayerSpec.Act("g_relu1", Activation.RELU, 0),
                new LayerSpec.Deconv2D("g_up2", 1, 4, 2, Padding.SAME, Activation.TANH, 0)));
        NetworkSpec d = new NetworkSpec("D", Shape.image(1, 28, 28), List.of(
                new LayerSpec.Conv2D("d_conv1", 16, 4, 2, Padding.SAME, Activation.LEAKYRELU, 0.2),
                new LayerSpec.Conv2D("d_conv2", 32, 4, 2, Padding.SAME, Activation.LEAKYRELU, 0.2),
                new LayerSpec.Flatten("d_flat"),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY)));
        return new GanPair(g, d);
    }
}
