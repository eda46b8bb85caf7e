package org.latentlab.train.aae;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * The three networks of an adversarial autoencoder as the lab's network specs (so that the latent studio, the
 * exports and Netron see an ordinary DL4J decoder): encoder pixels → hidden (ReLU) → code (linear), decoder
 * code → hidden reversed (ReLU) → pixels (sigmoid), discriminator code [+ one-hot label] → hidden (ReLU) → logit.
 */
public final class AaeNetworks {

    private AaeNetworks() {
    }

    public static NetworkSpec encoder(AaeSettings s, int visible) {
        return mlp("encoder", "enc", visible, s.hidden(), s.code(), Activation.IDENTITY);
    }

    public static NetworkSpec decoder(AaeSettings s, int visible) {
        List<Integer> reversed = new ArrayList<>(s.hidden());
        java.util.Collections.reverse(reversed);
        return mlp("decoder", "dec", s.code(), reversed, visible, Activation.SIGMOID);
    }

    public static NetworkSpec discriminator(AaeSettings s) {
        return mlp("discriminator", "disc", s.discriminatorInput(), s.discriminatorHidden(), 1, Activation.IDENTITY);
    }

    private static NetworkSpec mlp(String name, String prefix, int in, List<Integer> hidden, int out,
                                   Activation last) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < hidden.size(); i++) {
            layers.add(new LayerSpec.Dense(prefix + (i + 1), hidden.get(i), Activation.RELU));
        }
        layers.add(new LayerSpec.Dense(prefix + "_out", out, last));
        return new NetworkSpec(name, Shape.vector(in), layers);
    }

    /** Weights and biases of all three networks (the encoder counted once). */
    public static long parameters(AaeSettings s, int visible) {
        return count(visible, s.hidden(), s.code()) + count(s.code(), reversed(s.hidden()), visible)
                + count(s.discriminatorInput(), s.discriminatorHidden(), 1);
    }

    private static List<Integer> reversed(List<Integer> l) {
        List<Integer> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }

    private static long count(int in, List<Integer> hidden, int out) {
        long n = 0;
        long below = in;
        for (int h : hidden) {
            n += below * h + h;
            below = h;
        }
        return n + below * out + out;
    }

    /** Copies θ of {@code from} into {@code to} (same layout). */
    static void copyParameters(MultiLayerNetwork from, MultiLayerNetwork to) {
        to.params().assign(from.params());
    }
}
