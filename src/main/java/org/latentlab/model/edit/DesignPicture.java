package org.latentlab.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the builder draws of a design beyond its networks' chains: the inputs that are neither noise nor data (a
 * conditional GAN's label, InfoGAN's codes, an adversarial autoencoder's prior samples), heads that read a hidden
 * layer (InfoGAN's Q), the flows from one network into another (G(z) into D, E(x) into a BiGAN's D, the code into
 * the decoder) and notes on nodes (a VAE's sampling block, an EBGAN's energy). Derived from the design alone, so
 * it is redrawn after every edit; none of it is edited on the canvas (the wiring's fields are).
 */
public record DesignPicture(List<Box> boxes, List<Flow> flows, List<Tag> tags) {

    /** Where a box sits: left of the node it feeds, or below the node it reads. */
    public enum Side { FEEDS, READS }

    /** A box that is not a layer: {@code anchor} is the node it feeds into or reads from. */
    public record Box(String id, String title, String text, String anchor, Side side, int slot) {
    }

    /** A flow of values from one node into another (dashed on the canvas). */
    public record Flow(String from, String to, String text) {
    }

    /** A note written under a node. */
    public record Tag(String node, String text) {
    }

    public DesignPicture {
        boxes = List.copyOf(boxes);
        flows = List.copyOf(flows);
        tags = List.copyOf(tags);
    }

    /** The picture of a design; partial where a network is broken (no output node, no flow from it). */
    public static DesignPicture of(ModelDesign d) {
        List<Box> boxes = new ArrayList<>();
        List<Flow> flows = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        Wiring w = d.wiring();
        switch (d.family()) {
            case GAN, WGAN -> flow(d, Role.GENERATOR, d.family() == ModelFamily.WGAN ? Role.CRITIC
                    : Role.DISCRIMINATOR, "G(z)", flows);
            case CGAN -> {
                int k = w.classes();
                boxes.add(new Box("wiring/label-g", "label y", "one-hot, " + k + " values; joined after z",
                        input(d, Role.GENERATOR), Side.FEEDS, 0));
                boxes.add(new Box("wiring/label-d", "label y", d.graph(Role.DISCRIMINATOR).input().shape().isImage()
                        ? k + " constant planes after the image's channels" : "one-hot, " + k + " values; joined"
                        + " after x",
                        input(d, Role.DISCRIMINATOR), Side.FEEDS, 0));
                tags.add(new Tag(input(d, Role.GENERATOR), "[z, y]: noise " + noise(d) + " ⊕ label " + k));
                flow(d, Role.GENERATOR, Role.DISCRIMINATOR, "G(z, y)", flows);
            }
            case INFOGAN -> {
                boxes.add(new Box("wiring/codes", "codes c", w.categorical() + " one-hot (categorical)"
                        + (w.continuous() > 0 ? " + " + w.continuous() + " continuous U(−1, 1)" : ""),
                        input(d, Role.GENERATOR), Side.FEEDS, 0));
                tags.add(new Tag(input(d, Role.GENERATOR), "[z, c]: noise " + noise(d) + " ⊕ codes "
                        + w.codeColumns()));
                flow(d, Role.GENERATOR, Role.DISCRIMINATOR, "G(z, c)", flows);
                d.graph(Role.DISCRIMINATOR).layerNamed(w.layer()).ifPresent(n -> boxes.add(new Box("wiring/q",
                        "Q head", (w.qHidden() > 0 ? "dense " + w.qHidden() + " leaky ReLU 0.1 → " : "")
                        + w.categorical() + " softmax" + (w.continuous() > 0 ? " + " + w.continuous()
                        + " means (σ = 1)" : "") + "; L_I to Q, D's body and G", n.id(), Side.READS, 0)));
            }
            case BIGAN -> {
                flow(d, Role.GENERATOR, Role.DISCRIMINATOR, "G(z) with z", flows);
                flow(d, Role.ENCODER, Role.DISCRIMINATOR, "x with E(x)", flows);
                tags.add(new Tag(input(d, Role.DISCRIMINATOR), "[x, code]: real (x, E(x)) against generated"
                        + " (G(z), z)"));
            }
            case EBGAN -> {
                flow(d, Role.GENERATOR, Role.DISCRIMINATOR, "G(z)", flows);
                output(d, Role.DISCRIMINATOR).ifPresent(o -> tags.add(new Tag(o, "reconstruction: energy"
                        + " E(x) = ‖D(x) − x‖² / n; L_D = E(x) + [m − E(G(z))]⁺")));
                d.graph(Role.DISCRIMINATOR).layerNamed(w.layer()).ifPresent(n -> tags.add(new Tag(n.id(),
                        "code S: the pull-away term's")));
            }
            case AAE -> {
                codeFlow(d, "code z", flows, tags);
                flow(d, Role.ENCODER, Role.DISCRIMINATOR, "q(z|x): generated", flows);
                boxes.add(new Box("wiring/prior", "prior p(z)", "samples: real", input(d, Role.DISCRIMINATOR),
                        Side.FEEDS, 0));
                if (w.classes() > 0) {
                    boxes.add(new Box("wiring/label-d", "label y", "one-hot, " + w.classes() + " values; joined"
                            + " after the code", input(d, Role.DISCRIMINATOR), Side.FEEDS, 1));
                }
            }
            case VAEGAN -> {
                codeFlow(d, "z (sampled)", flows, tags);
                flow(d, Role.DECODER, Role.DISCRIMINATOR, "x̃ and x_p", flows);
                d.graph(Role.DISCRIMINATOR).layerNamed(w.layer()).ifPresent(n -> tags.add(new Tag(n.id(),
                        "Dis_l: the reconstruction is measured here")));
            }
            case CYCLEGAN -> {
                tags.add(new Tag(input(d, Role.GENERATOR), "G: A → B; F: B → A has these layers, weights of its"
                        + " own; cycle F(G(a)) ≈ a"));
                tags.add(new Tag(input(d, Role.DISCRIMINATOR), "D_B; D_A has these layers, weights of its own"));
                flow(d, Role.GENERATOR, Role.DISCRIMINATOR, "G(a)", flows);
            }
            case AUTOENCODER, VAE -> codeFlow(d, d.family() == ModelFamily.VAE ? "z (sampled)" : "code", flows,
                    tags);
            case RBM, NETWORK -> {
            }
        }
        return new DesignPicture(boxes, flows, tags);
    }

    /** The code's flow into the decoder, and the encoder head's note (a VAE's sampling block). */
    private static void codeFlow(ModelDesign d, String text, List<Flow> flows, List<Tag> tags) {
        flow(d, Role.ENCODER, Role.DECODER, text, flows);
        d.codeNode().ifPresent(head -> tags.add(new Tag(head, d.samplingBlock()
                .map(b -> "VAE head: mean and log-variance (" + 2 * b.codeSize() + ") → sampling z = mean"
                        + " + exp(logvar / 2) · ε → z (" + b.codeSize() + ") to the decoder")
                .orElse("code layer (" + d.codeSize() + " values) → the decoder's input"))));
    }

    private static void flow(ModelDesign d, Role from, Role to, String text, List<Flow> flows) {
        output(d, from).ifPresent(o -> flows.add(new Flow(o, input(d, to), text)));
    }

    private static Optional<String> output(ModelDesign d, Role role) {
        return NetworkCheck.of(d.graph(role)).outputNode();
    }

    private static String input(ModelDesign d, Role role) {
        return d.graph(role).input().id();
    }

    private static String noise(ModelDesign d) {
        return d.graph(Role.GENERATOR).input().shape().isImage() ? "?" : String.valueOf(d.latentDim());
    }
}
