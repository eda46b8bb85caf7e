package org.latentlab.model.edit;

import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.latentlab.model.edit.NetworkCheck.q;

/**
 * The role checks of the GAN zoo's designs, beside {@link RoleChecks}' (whose generator, score-head and
 * autoencoder checks they reuse):
 *
 * <ul>
 *   <li>conditional GAN: G takes z and K label values; D takes the example and K label values (a D on images: the
 *       image's channels and K constant label planes);</li>
 *   <li>InfoGAN: G takes the noise and the codes; Q reads a hidden layer of D;</li>
 *   <li>BiGAN: E takes the data and outputs a code of G's input size; D takes the example and the code (a D on
 *       images: the code as constant planes);</li>
 *   <li>EBGAN: D is an autoencoder, its output the data's size; its code layer, when named, a hidden layer;</li>
 *   <li>adversarial autoencoder: an autoencoder and a discriminator on the code (and K labels); the lab builds its
 *       networks as dense ReLU stacks, the decoder mirroring the encoder, so a design must have that form;</li>
 *   <li>VAE-GAN: a VAE and a discriminator on the data, measuring in one of its hidden layers;</li>
 *   <li>CycleGAN: G maps the data shape to itself, D takes the data shape.</li>
 * </ul>
 */
final class ZooChecks {

    private final RoleChecks roles;
    private final ModelDesign d;
    private final Wiring w;

    ZooChecks(RoleChecks roles) {
        this.roles = roles;
        this.d = roles.d();
        this.w = d.wiring();
    }

    void check() {
        switch (d.family()) {
            case CGAN -> {
                roles.generator(w.classes(), "the " + w.classes() + " one-hot label values");
                joinedInput("the label", w.classes(), "one-hot label values", "label planes");
                roles.scoreHead(Role.DISCRIMINATOR, "discriminator");
            }
            case INFOGAN -> {
                roles.generator(w.codeColumns(), "the codes (" + w.categorical() + " one-hot values of the"
                        + " categorical code" + (w.continuous() > 0 ? " and " + w.continuous() + " continuous" : "")
                        + ")");
                dataInput(Role.DISCRIMINATOR, "the discriminator");
                roles.scoreHead(Role.DISCRIMINATOR, "discriminator");
                hiddenLayer(w.layer(), "Q reads", true);
            }
            case BIGAN -> {
                roles.generator(0, "");
                bigan();
                roles.scoreHead(Role.DISCRIMINATOR, "discriminator");
            }
            case EBGAN -> {
                roles.generator(0, "");
                energy();
            }
            case AAE -> {
                roles.autoencoder();
                codeDiscriminator();
                roles.scoreHead(Role.DISCRIMINATOR, "discriminator");
                aaeForm();
            }
            case VAEGAN -> {
                roles.autoencoder();
                dataInput(Role.DISCRIMINATOR, "the discriminator");
                roles.scoreHead(Role.DISCRIMINATOR, "discriminator");
                hiddenLayer(w.layer(), "the reconstruction is measured in", true);
            }
            case CYCLEGAN -> {
                NetworkGraph g = d.graph(Role.GENERATOR);
                roles.tie(Diagnostic.Code.DATA_MISMATCH, g.name(), g.input().shape(), d.data(), "G (A → B) takes "
                        + g.input().shape(), "set its input to " + d.data(), "set its input to " + d.data(),
                        List.of(g.input().id()));
                roles.generatorOutput();
                dataInput(Role.DISCRIMINATOR, "D_B");
                roles.scoreHead(Role.DISCRIMINATOR, "discriminator");
            }
            default -> throw new IllegalStateException("not a GAN-zoo family: " + d.family().id());
        }
    }

    /** D takes the data shape. */
    private void dataInput(Role role, String who) {
        NetworkGraph g = d.graph(role);
        Shape in = g.input().shape();
        roles.tie(Diagnostic.Code.DATA_MISMATCH, g.name(), in, d.data(), who + " takes " + in, "set its input to "
                + d.data(), "set its input to " + d.data(), List.of(g.input().id()));
    }

    /**
     * D takes the example joined to {@code k} values: a vector of data + k, or on images C + k planes of the same
     * height and width.
     */
    private void joinedInput(String what, int k, String values, String planes) {
        NetworkGraph g = d.graph(Role.DISCRIMINATOR);
        Shape in = g.input().shape();
        Shape data = d.data();
        Shape want = data.isImage() && in.isImage() ? Shape.image(data.channels() + k, data.height(), data.width())
                : Shape.vector(data.size() + k);
        if (in.equals(want)) {
            return;
        }
        String how = want.isImage() ? "the image's " + data.channels() + " channel(s) and " + k + " " + planes
                : "the example's " + data.size() + " values and " + k + " " + values;
        out(Diagnostic.Code.JOIN_SIZE, g.name(), "the discriminator judges the example joined to " + what + ": it"
                + " takes " + how + ", so set its input to " + want + ", not " + in, g.input().id());
    }

    private void bigan() {
        NetworkGraph e = d.graph(Role.ENCODER);
        roles.tie(Diagnostic.Code.DATA_MISMATCH, e.name(), e.input().shape(), d.data(), "the encoder takes "
                + e.input().shape(), "set its input to " + d.data(), "set its input to " + d.data(),
                List.of(e.input().id()));
        Shape z = d.graph(Role.GENERATOR).input().shape();
        NetworkCheck enc = roles.checks().get(Role.ENCODER);
        if (enc.isValid() && !z.isImage()) {
            Shape code = enc.requireSpec().output();
            if (code.isImage() || code.size() != z.size()) {
                out(Diagnostic.Code.CODE_MISMATCH, e.name(), "the encoder outputs " + code + " but G takes a code"
                        + " of " + z.size() + ": end E with a dense layer of " + z.size() + " units (no activation)",
                        enc.outputNode().orElseThrow());
            }
        }
        if (!z.isImage()) {
            joinedInput("a code (E(x) for real examples, z for generated ones)", z.size(), "code values",
                    "constant code planes");
        }
    }

    private void energy() {
        NetworkGraph g = d.graph(Role.DISCRIMINATOR);
        dataInput(Role.DISCRIMINATOR, "the discriminator");
        NetworkCheck disc = roles.checks().get(Role.DISCRIMINATOR);
        if (disc.isValid()) {
            Shape out = disc.requireSpec().output();
            if (out.size() != d.data().size()) {
                out(Diagnostic.Code.ENERGY_OUTPUT, g.name(), "an energy-based GAN's discriminator is an autoencoder"
                        + " (its energy is the reconstruction error ‖D(x) − x‖²): it outputs " + out + " but the"
                        + " data are " + d.data() + ": end it with " + d.data().size() + " units",
                        disc.outputNode().orElseThrow());
            }
        }
        if (!w.layer().isEmpty()) {
            hiddenLayer(w.layer(), "the pull-away term takes its codes from", false);
        }
    }

    private void codeDiscriminator() {
        NetworkGraph g = d.graph(Role.DISCRIMINATOR);
        NetworkCheck enc = roles.checks().get(Role.ENCODER);
        if (!enc.isValid()) {
            return;
        }
        int code = enc.requireSpec().output().size();
        Shape want = Shape.vector(code + w.classes());
        Shape in = g.input().shape();
        if (!in.equals(want)) {
            out(Diagnostic.Code.JOIN_SIZE, g.name(), "an adversarial autoencoder's discriminator judges the code"
                    + (w.classes() > 0 ? " joined to the " + w.classes() + " one-hot label values" : "")
                    + " (prior samples against the encoder's codes): set its input to " + want + ", not " + in,
                    g.input().id());
        }
    }

    /**
     * The lab's adversarial autoencoder (Makhzani et al. 2016, appendix A) builds its networks from hidden sizes:
     * pixels → dense ReLU layers → a linear code, the decoder the same sizes reversed → sigmoid pixels, the
     * discriminator dense ReLU layers → one raw score.
     */
    private void aaeForm() {
        List<Integer> enc = reluStack(Role.ENCODER, Activation.IDENTITY, "a linear code (identity)");
        List<Integer> dec = reluStack(Role.DECODER, Activation.SIGMOID, "sigmoid pixels");
        reluStack(Role.DISCRIMINATOR, Activation.IDENTITY, "one raw score");
        if (enc != null && dec != null) {
            List<Integer> mirrored = new ArrayList<>(enc);
            Collections.reverse(mirrored);
            if (!mirrored.equals(dec)) {
                NetworkGraph g = d.graph(Role.DECODER);
                out(Diagnostic.Code.AAE_FORM, g.name(), "the lab's adversarial autoencoder mirrors the encoder: its"
                        + " decoder's hidden layers are the encoder's reversed, " + mirrored + ", not " + dec,
                        g.input().id());
            }
        }
    }

    /** The hidden sizes of a dense ReLU stack ending in {@code last}, or null (with an error) if it is not one. */
    private List<Integer> reluStack(Role role, Activation last, String ending) {
        NetworkCheck c = roles.checks().get(role);
        if (!c.isValid()) {
            return null;
        }
        NetworkGraph g = d.graph(role);
        NetworkSpec spec = c.requireSpec();
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            boolean isLast = i == spec.layers().size() - 1;
            Activation want = isLast ? last : Activation.RELU;
            if (!(l instanceof LayerSpec.Dense dense) || dense.activation() != want) {
                out(Diagnostic.Code.AAE_FORM, g.name(), "the lab builds an adversarial autoencoder's " + role.id()
                        + " as dense ReLU layers ending in " + ending + ": " + q(l.name()) + " must be a dense layer"
                        + " with a " + want.id() + " activation", g.layerNamed(l.name()).map(LayerNode::id)
                        .orElse(g.input().id()));
                return null;
            }
            if (!isLast) {
                hidden.add(dense.units());
            }
        }
        return hidden;
    }

    /** A layer of D named by the wiring: it exists and is not D's output. */
    private void hiddenLayer(String name, String what, boolean required) {
        NetworkGraph g = d.graph(Role.DISCRIMINATOR);
        NetworkCheck disc = roles.checks().get(Role.DISCRIMINATOR);
        if (name.isEmpty()) {
            if (required) {
                out(Diagnostic.Code.WIRED_LAYER, g.name(), "name the layer of D that " + what, g.input().id());
            }
            return;
        }
        var node = g.layerNamed(name);
        if (node.isEmpty()) {
            out(Diagnostic.Code.WIRED_LAYER, g.name(), what + " D's layer " + q(name) + ", but D has no layer of"
                    + " that name: pick one of " + g.layerNames(), g.input().id());
        } else if (disc.outputNode().filter(node.get().id()::equals).isPresent()) {
            out(Diagnostic.Code.WIRED_LAYER, g.name(), what + " D's layer " + q(name) + ", which is D's output:"
                    + " pick a hidden layer", node.get().id());
        }
    }

    private void out(Diagnostic.Code code, String network, String message, String node) {
        roles.out().add(Diagnostic.error(code, network, message, List.of(node), List.of()));
    }
}
