package org.latentlab.model.edit;

import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.latentlab.model.edit.NetworkCheck.q;

/**
 * The checks between the roles of one design, run by {@link DesignCheck} after each network's own (the rules are in
 * its documentation); the GAN zoo's families are {@link ZooChecks}'.
 */
record RoleChecks(ModelDesign d, Map<Role, NetworkCheck> checks, List<Diagnostic> out) {

    void check() {
        switch (d.family()) {
            case GAN, WGAN -> gan();
            case AUTOENCODER, VAE -> autoencoder();
            case RBM -> rbm();
            case NETWORK -> {
            }
            default -> new ZooChecks(this).check();
        }
    }

    private void gan() {
        Role dRole = d.family() == ModelFamily.WGAN ? Role.CRITIC : Role.DISCRIMINATOR;
        String dName = dRole == Role.CRITIC ? "critic" : "discriminator";
        generator(0, "");
        NetworkGraph dGraph = d.graph(dRole);
        Shape dIn = dGraph.input().shape();
        long pack = d.data().size() > 0 ? dIn.size() / d.data().size() : 0;
        if (!dIn.isImage() && !d.data().isImage() && pack > 1 && pack * d.data().size() == dIn.size()) {
            // PacGAN (Lin et al. 2018): D takes packs of m samples, the experiment's training.packing
            out.add(Diagnostic.warning(Diagnostic.Code.LAYOUT_MISMATCH, dGraph.name(), "the " + dName + " takes "
                    + dIn + ", " + pack + " samples of " + d.data() + " packed together (PacGAN, Lin et al. 2018:"
                    + " it judges " + pack + " samples at once, so a generator that repeats itself is caught);"
                    + " Train trains it with training.packing = " + pack + ", and an experiment file needs the"
                    + " same; for single samples set its input to " + d.data(),
                    List.of(dGraph.input().id()), List.of()));
        } else {
            tie(Diagnostic.Code.DATA_MISMATCH, dGraph.name(), dIn, d.data(), "the " + dName + " takes " + dIn,
                    "set its input to " + d.data(), "set its input to " + d.data(), List.of(dGraph.input().id()));
        }
        scoreHead(dRole, dName);
        if (d.family() == ModelFamily.WGAN) {
            List<String> bn = dGraph.layers().stream().filter(n -> n.layer() instanceof LayerSpec.BatchNorm)
                    .map(LayerNode::id).toList();
            if (!bn.isEmpty()) {
                out.add(Diagnostic.warning(Diagnostic.Code.CRITIC_BATCHNORM, dGraph.name(), "batch norm in a"
                        + " critic (" + bn.stream().map(dGraph::label).map(NetworkCheck::q)
                        .collect(Collectors.joining(", ")) + ") makes each example's score depend on the rest"
                        + " of its batch, which the gradient penalty assumes it does not: remove it", bn,
                        List.of()));
            }
        }
    }

    /**
     * The generator: a vector input holding the noise and {@code joined} label or code values after it (named by
     * {@code joinedWhat}), its output the data shape.
     */
    void generator(int joined, String joinedWhat) {
        NetworkGraph gGraph = d.graph(Role.GENERATOR);
        Shape in = gGraph.input().shape();
        if (in.isImage()) {
            out.add(Diagnostic.error(Diagnostic.Code.NOISE_NOT_VECTOR, gGraph.name(), "the generator's input is"
                    + " the noise z" + (joined > 0 ? " and " + joinedWhat : "") + ": it must be a vector such as ["
                    + (100 + joined) + "], not " + in, List.of(gGraph.input().id()), List.of()));
        } else if (joined > 0 && in.size() <= joined) {
            out.add(Diagnostic.error(Diagnostic.Code.JOIN_SIZE, gGraph.name(), "the generator's input holds the"
                    + " noise z followed by " + joinedWhat + " (" + joined + " values): make it noise + " + joined
                    + ", e.g. [" + (100 + joined) + "], not " + in, List.of(gGraph.input().id()), List.of()));
        }
        generatorOutput();
    }

    /** The generator's output is the data shape. */
    void generatorOutput() {
        NetworkGraph gGraph = d.graph(Role.GENERATOR);
        NetworkCheck g = checks.get(Role.GENERATOR);
        if (g.isValid()) {
            Shape gOut = g.requireSpec().output();
            tie(Diagnostic.Code.DATA_MISMATCH, gGraph.name(), gOut, d.data(), "the generator outputs " + gOut,
                    "G's last layer must produce " + d.data(), "add a Reshape to " + d.data() + " at the end of G",
                    List.of(g.outputNode().orElseThrow()));
        }
    }

    /** A discriminator or critic ends in one raw score per example: a dense layer of 1 unit, no activation. */
    void scoreHead(Role dRole, String dName) {
        NetworkCheck disc = checks.get(dRole);
        if (!disc.isValid()) {
            return;
        }
        NetworkGraph dGraph = d.graph(dRole);
        NetworkSpec spec = disc.requireSpec();
        LayerSpec last = spec.layers().get(spec.layers().size() - 1);
        String lastId = disc.outputNode().orElseThrow();
        String fix = last instanceof LayerSpec.Act ? "delete it" : "set its activation to identity";
        if (activation(last) == Activation.SIGMOID && d.family() == ModelFamily.WGAN) {
            out.add(Diagnostic.error(Diagnostic.Code.CRITIC_SIGMOID, dGraph.name(), "a WGAN critic has no"
                    + " sigmoid: its score is unbounded, but " + q(last.name()) + " squashes it into (0, 1); "
                    + fix, List.of(lastId), List.of()));
        } else if (activation(last) == Activation.SIGMOID) {
            out.add(Diagnostic.error(Diagnostic.Code.HEAD_ACTIVATION, dGraph.name(), "the discriminator ends in"
                    + " a sigmoid (" + q(last.name()) + "), but the GAN losses apply the sigmoid to its raw score"
                    + " themselves; " + fix, List.of(lastId), List.of()));
        } else if (!(last instanceof LayerSpec.Dense dense) || dense.units() != 1) {
            out.add(Diagnostic.error(Diagnostic.Code.DISCRIMINATOR_HEAD, dGraph.name(), "the " + dName + " must"
                    + " end in a dense layer of 1 unit (one score per example), not " + last.type() + " "
                    + q(last.name()) + " with output " + spec.output() + ": add one or change the last layer",
                    List.of(lastId), List.of()));
        } else if (dense.activation() != Activation.IDENTITY) {
            out.add(Diagnostic.error(Diagnostic.Code.HEAD_ACTIVATION, dGraph.name(), "the " + dName + "'s last"
                    + " layer " + q(last.name()) + " has a " + dense.activation().id() + " activation, but the"
                    + " losses take its raw score: set its activation to identity", List.of(lastId), List.of()));
        }
    }

    void autoencoder() {
        boolean vae = d.family() == ModelFamily.VAE || d.family() == ModelFamily.VAEGAN;
        NetworkGraph encGraph = d.graph(Role.ENCODER);
        NetworkGraph decGraph = d.graph(Role.DECODER);
        Shape encIn = encGraph.input().shape();
        tie(Diagnostic.Code.DATA_MISMATCH, encGraph.name(), encIn, d.data(), "the encoder takes " + encIn,
                "set its input to " + d.data(), "set its input to " + d.data(), List.of(encGraph.input().id()));
        NetworkCheck dec = checks.get(Role.DECODER);
        if (dec.isValid()) {
            Shape decOut = dec.requireSpec().output();
            tie(Diagnostic.Code.DATA_MISMATCH, decGraph.name(), decOut, d.data(), "the decoder outputs " + decOut,
                    "an autoencoder reconstructs its input, so the decoder's last layer must produce " + d.data(),
                    "add a Reshape to " + d.data() + " at the end of the decoder",
                    List.of(dec.outputNode().orElseThrow()));
        }
        NetworkCheck enc = checks.get(Role.ENCODER);
        if (!enc.isValid()) {
            return;
        }
        NetworkSpec encSpec = enc.requireSpec();
        Shape code = encSpec.output();
        String head = enc.outputNode().orElseThrow();
        Shape decIn = decGraph.input().shape();
        if (!vae) {
            tie(Diagnostic.Code.CODE_MISMATCH, null, code, decIn, "the encoder outputs a code of " + code,
                    "make them equal: set the decoder's input to " + code + " or change the encoder's last layer",
                    "set the decoder's input to " + code,
                    List.of(head, decGraph.input().id()));
            return;
        }
        int k = decIn.size();
        LayerSpec last = encSpec.layers().get(encSpec.layers().size() - 1);
        if (code.isImage() || code.size() != 2 * k) {
            out.add(Diagnostic.error(Diagnostic.Code.VAE_HEAD_SIZE, null, "a VAE's encoder outputs the mean and"
                    + " the log-variance of the code (2 x " + k + " = " + 2 * k + " values for a decoder that"
                    + " takes " + k + "), but " + q(last.name()) + " outputs " + code + ": end the encoder with a"
                    + " dense layer of " + 2 * k + " units and no activation",
                    List.of(head, decGraph.input().id()), List.of()));
        }
        Activation a = activation(last);
        if (a != null && a != Activation.IDENTITY) {
            out.add(Diagnostic.warning(Diagnostic.Code.VAE_HEAD_ACTIVATION, encGraph.name(), "the VAE head "
                    + q(last.name()) + " has a " + a.id() + " activation, but the mean and the log-variance are"
                    + " unbounded: " + (last instanceof LayerSpec.Act ? "delete it"
                    : "set its activation to identity"), List.of(head), List.of()));
        }
    }

    private void rbm() {
        NetworkGraph g = d.graph(Role.RBM);
        for (LayerNode n : g.layers()) {
            String why = n.layer() instanceof LayerSpec.Dense dense
                    ? dense.activation() == Activation.SIGMOID ? null : "has a " + dense.activation().id()
                    + " activation"
                    : "is a " + n.layer().type() + " layer";
            if (why != null) {
                out.add(Diagnostic.error(Diagnostic.Code.RBM_LAYER, g.name(), "an RBM layer is a dense layer of"
                        + " sigmoid hidden units, p(h|v) = sigmoid(v W + c); " + q(n.name()) + " " + why,
                        List.of(n.id()), List.of()));
            }
        }
        Shape visible = g.input().shape();
        tie(Diagnostic.Code.DATA_MISMATCH, g.name(), visible, d.data(), "the RBM has " + visible.size()
                + " visible units (" + visible + ")", "set its input to " + d.data(),
                "set its input to " + d.data(), List.of(g.input().id()));
    }

    /**
     * Compares a shape with the one it must equal: nothing if equal, a layout warning if only the layout
     * differs, else an error.
     */
    void tie(Diagnostic.Code code, String net, Shape actual, Shape expected, String what, String fix,
                     String layoutFix, List<String> nodes) {
        if (actual.equals(expected)) {
            return;
        }
        if (actual.size() == expected.size()) {
            out.add(Diagnostic.warning(Diagnostic.Code.LAYOUT_MISMATCH, net, what + " and " + other(code, expected)
                    + ": the same " + expected.size() + " values in another layout; this trains (examples travel"
                    + " flat), but to make them match, " + layoutFix, nodes, List.of()));
        } else {
            out.add(Diagnostic.error(code, net, what + " but " + other(code, expected) + ": " + fix, nodes,
                    List.of()));
        }
    }

    private static String other(Diagnostic.Code code, Shape expected) {
        return code == Diagnostic.Code.CODE_MISMATCH ? "the decoder takes " + expected
                : "the data are " + expected;
    }

    /** The activation a layer ends with, or null for layers that have none. */
    static Activation activation(LayerSpec l) {
        if (l instanceof LayerSpec.Dense x) {
            return x.activation();
        } else if (l instanceof LayerSpec.Act x) {
            return x.activation();
        } else if (l instanceof LayerSpec.Conv2D x) {
            return x.activation();
        } else if (l instanceof LayerSpec.Deconv2D x) {
            return x.activation();
        }
        return null;
    }
}
