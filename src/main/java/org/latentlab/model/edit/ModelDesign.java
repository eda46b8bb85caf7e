package org.latentlab.model.edit;

import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A model as the builder edits it: a family, the data shape it is tied to, and one network graph per role of the
 * family (a GAN's generator and discriminator, an autoencoder's encoder and decoder...). Immutable, like its graphs:
 * edits replace the whole snapshot, so comparing two designs compares everything a person can change.
 *
 * <p>How the roles fit together is checked by {@link DesignCheck}: a generator's output and a discriminator's input
 * equal the data shape; an encoder's output (the code) fits the decoder's input; a VAE encoder outputs the mean and
 * log-variance for the {@linkplain #samplingBlock() sampling block}; a discriminator ends in one raw score.
 *
 * @param data   the shape of one data example (what a discriminator or encoder takes and a generator or decoder
 *               produces); null only for a {@link ModelFamily#NETWORK} design, which has no data tie
 * @param wiring how a GAN-zoo design's networks are joined beyond their chains (labels, codes, Q's layer...);
 *               {@link Wiring#NONE} for the other families
 */
public record ModelDesign(String name, String description, ModelFamily family, Shape data,
                          Map<Role, NetworkGraph> networks, Wiring wiring) {

    /** A design whose networks are plain chains (no labels, codes or heads). */
    public ModelDesign(String name, String description, ModelFamily family, Shape data,
                       Map<Role, NetworkGraph> networks) {
        this(name, description, family, data, networks, Wiring.NONE);
    }

    public ModelDesign {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a design needs a name");
        }
        description = description == null ? "" : description;
        if (family == null) {
            throw new IllegalArgumentException("a design needs a family (" + List.of(ModelFamily.values()) + ")");
        }
        if (data == null && family != ModelFamily.NETWORK) {
            throw new IllegalArgumentException("a " + family.id() + " design needs the data shape, e.g. [2] or"
                    + " [1, 28, 28]");
        }
        if (networks == null || !networks.keySet().equals(Set.copyOf(family.roles()))) {
            throw new IllegalArgumentException("a " + family.id() + " design has the networks " + ids(family.roles())
                    + ", not " + (networks == null ? "none" : ids(List.copyOf(networks.keySet()))));
        }
        EnumMap<Role, NetworkGraph> copy = new EnumMap<>(networks);
        Set<String> ids = new HashSet<>();
        for (NetworkGraph g : copy.values()) {
            for (String id : g.nodeIds()) {
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("two nodes of the design have the id '" + id + "'");
                }
            }
        }
        networks = Collections.unmodifiableMap(copy);
        wiring = wiring == null ? Wiring.NONE : wiring;
        checkWiring(family, wiring);
    }

    /** The wiring fields a family uses, and only those. */
    private static void checkWiring(ModelFamily family, Wiring w) {
        String fam = "a " + family.id() + " design";
        switch (family) {
            case CGAN -> {
                if (w.classes() < 2) {
                    throw new IllegalArgumentException(fam + " joins a one-hot label to z and to x: wiring.classes"
                            + " must be 2..1000 (the data set's classes), not " + w.classes());
                }
                requireZero(fam, w.categorical() + w.continuous() + w.qHidden(), !w.layer().isEmpty(),
                        "only wiring.classes");
            }
            case INFOGAN -> {
                if (w.categorical() < 2 || w.layer().isEmpty()) {
                    throw new IllegalArgumentException(fam + " needs wiring.categorical (2..1000 values of the"
                            + " categorical code) and wiring.layer (the layer of D that Q reads), not "
                            + w.categorical() + " and '" + w.layer() + "'");
                }
                requireZero(fam, w.classes(), false, "no wiring.classes (its codes are categorical and continuous)");
            }
            case VAEGAN -> {
                if (w.layer().isEmpty()) {
                    throw new IllegalArgumentException(fam + " needs wiring.layer: the discriminator's layer the"
                            + " reconstruction is measured in");
                }
                requireZero(fam, w.classes() + w.codeColumns() + w.qHidden(), false, "only wiring.layer");
            }
            case EBGAN -> requireZero(fam, w.classes() + w.codeColumns() + w.qHidden(), false,
                    "only wiring.layer (its code layer, for the pull-away term)");
            case AAE -> requireZero(fam, w.codeColumns() + w.qHidden(), !w.layer().isEmpty(),
                    "only wiring.classes (the labels its discriminator sees, 0 for none)");
            default -> requireZero(fam, w.classes() + w.codeColumns() + w.qHidden(), !w.layer().isEmpty(),
                    "no wiring");
        }
    }

    private static void requireZero(String fam, int sum, boolean layer, String what) {
        if (sum != 0 || layer) {
            throw new IllegalArgumentException(fam + " has " + what);
        }
    }

    // ---- making designs from network files ----

    /**
     * A design of the given networks, each laid out by {@link AutoLayout} in its own row (in the family's role
     * order), node ids prefixed by the role's id ({@code generator}, {@code generator/g1}...).
     */
    public static ModelDesign of(String name, String description, ModelFamily family, Shape data,
                                 Map<Role, NetworkSpec> specs) {
        return of(name, description, family, data, specs, Wiring.NONE);
    }

    /** As {@link #of(String, String, ModelFamily, Shape, Map)}, joined by {@code wiring}. */
    public static ModelDesign of(String name, String description, ModelFamily family, Shape data,
                                 Map<Role, NetworkSpec> specs, Wiring wiring) {
        Map<Role, NetworkGraph> graphs = new EnumMap<>(Role.class);
        int row = 0;
        for (Role r : family.roles()) {
            NetworkSpec spec = specs.get(r);
            if (spec == null) {
                throw new IllegalArgumentException("a " + family.id() + " design needs a " + r.id() + " network");
            }
            graphs.put(r, NetworkGraph.fromSpec(spec, r.id(), new Point(0, row++ * AutoLayout.ROW)));
        }
        if (specs.size() != family.roles().size()) {
            throw new IllegalArgumentException("a " + family.id() + " design has the networks "
                    + ids(family.roles()) + ", not " + ids(List.copyOf(specs.keySet())));
        }
        return new ModelDesign(name, description, family, data, graphs, wiring);
    }

    /** A GAN (or, with {@code wasserstein}, a WGAN) over data of shape {@code data}. */
    public static ModelDesign gan(String name, String description, NetworkSpec generator, NetworkSpec discriminator,
                                  Shape data, boolean wasserstein) {
        return wasserstein
                ? of(name, description, ModelFamily.WGAN, data, Map.of(Role.GENERATOR, generator, Role.CRITIC,
                discriminator))
                : of(name, description, ModelFamily.GAN, data, Map.of(Role.GENERATOR, generator, Role.DISCRIMINATOR,
                discriminator));
    }

    /** An autoencoder (or a VAE) whose data shape is the encoder's input. */
    public static ModelDesign autoencoder(String name, String description, NetworkSpec encoder, NetworkSpec decoder,
                                          boolean variational) {
        return of(name, description, variational ? ModelFamily.VAE : ModelFamily.AUTOENCODER, encoder.input(),
                Map.of(Role.ENCODER, encoder, Role.DECODER, decoder));
    }

    /**
     * An RBM over {@code visible} inputs, or a deep belief net when {@code hidden} has more than one size: one dense
     * sigmoid layer per RBM, named {@code h1}, {@code h2}..., computing p(h|v) = sigmoid(v W + c) of each RBM from
     * the one below (the upward pass of the stack). Each RBM also has a visible bias b, used only going down
     * (p(v|h)); it is not a layer here and {@link CostEstimate} adds its parameters.
     */
    public static ModelDesign rbm(String name, String description, int visible, List<Integer> hidden) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < hidden.size(); i++) {
            layers.add(new LayerSpec.Dense("h" + (i + 1), hidden.get(i), Activation.SIGMOID));
        }
        NetworkSpec spec = new NetworkSpec(Role.RBM.networkName(), Shape.vector(visible), layers);
        return of(name, description, ModelFamily.RBM, Shape.vector(visible), Map.of(Role.RBM, spec));
    }

    /** A design of one network with no role (opening a single network file). */
    public static ModelDesign network(NetworkSpec spec) {
        return of(spec.name(), "", ModelFamily.NETWORK, null, Map.of(Role.NETWORK, spec));
    }

    // ---- queries ----

    public NetworkGraph graph(Role role) {
        NetworkGraph g = networks.get(role);
        if (g == null) {
            throw new IllegalArgumentException("a " + family.id() + " design has no " + role.id() + " network");
        }
        return g;
    }

    /** The role of the network holding the node, if any does. */
    public Optional<Role> roleOf(String nodeId) {
        return networks.entrySet().stream().filter(e -> e.getValue().contains(nodeId)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** The role of the network holding the node; an {@link IllegalArgumentException} if none does. */
    public Role requireRoleOf(String nodeId) {
        return roleOf(nodeId).orElseThrow(() -> new IllegalArgumentException("the design has no node '" + nodeId
                + "'"));
    }

    /** Every node id of the design. */
    public Set<String> nodeIds() {
        Set<String> ids = new HashSet<>();
        networks.values().forEach(g -> ids.addAll(g.nodeIds()));
        return ids;
    }

    /** The size of a GAN's noise vector z: the generator's input, less a conditional GAN's labels or InfoGAN's codes. */
    public int latentDim() {
        requireFamily(family.isGan(), "a latent (noise) size");
        return graph(Role.GENERATOR).input().shape().size() - wiring.classes() - wiring.codeColumns();
    }

    /** The code size of an autoencoder or VAE (k): the decoder's input. */
    public int codeSize() {
        requireFamily(hasCode(), "a code");
        return graph(Role.DECODER).input().shape().size();
    }

    /**
     * The node whose output is the code, to mark on the canvas: an autoencoder's encoder output, or a VAE's
     * encoder head (mean and log-variance). Empty while the encoder has no single last layer.
     */
    public Optional<String> codeNode() {
        requireFamily(hasCode(), "a code layer");
        return NetworkCheck.of(graph(Role.ENCODER)).outputNode();
    }

    /** True for the families with an encoder and a decoder (autoencoders, VAEs, AAEs, VAE-GANs). */
    public boolean hasCode() {
        return family == ModelFamily.AUTOENCODER || family == ModelFamily.VAE || family == ModelFamily.AAE
                || family == ModelFamily.VAEGAN;
    }

    /** A VAE's (or VAE-GAN's) sampling block (between the encoder head and the decoder); empty for other families. */
    public Optional<SamplingBlock> samplingBlock() {
        return family == ModelFamily.VAE || family == ModelFamily.VAEGAN ? Optional.of(new SamplingBlock(codeSize()))
                : Optional.empty();
    }

    /**
     * The hidden sizes of an RBM design, bottom first (the {@code hidden} list of the lab's RBM settings); a
     * {@link LabException} while the network is broken or has a layer that is not a dense sigmoid layer.
     */
    public List<Integer> rbmHidden() {
        requireFamily(family == ModelFamily.RBM, "hidden layers");
        List<Integer> hidden = new ArrayList<>();
        for (LayerSpec l : NetworkCheck.of(graph(Role.RBM)).requireSpec().layers()) {
            if (!(l instanceof LayerSpec.Dense d) || d.activation() != Activation.SIGMOID) {
                throw new LabException("an RBM layer is a dense layer of sigmoid hidden units; '" + l.name()
                        + "' is not");
            }
            hidden.add(d.units());
        }
        return hidden;
    }

    /** Checks the networks and how their roles fit. */
    public DesignCheck check() {
        return DesignCheck.of(this);
    }

    /**
     * The network files of the design, in role order; a {@link LabException} if a network cannot be built.
     * Role problems (a generator that does not fit the data) do not stop this: see {@link DesignCheck}.
     */
    public Map<Role, NetworkSpec> toSpecs() {
        Map<Role, NetworkSpec> out = new LinkedHashMap<>();
        networks.forEach((r, g) -> out.put(r, g.toSpec()));
        return out;
    }

    // ---- changes ----

    public ModelDesign with(Role role, NetworkGraph graph) {
        graph(role);
        EnumMap<Role, NetworkGraph> copy = new EnumMap<>(networks);
        copy.put(role, graph);
        return new ModelDesign(name, description, family, data, copy, wiring);
    }

    public ModelDesign withData(Shape shape) {
        return new ModelDesign(name, description, family, shape, networks, wiring);
    }

    /** The design joined by another wiring; an {@link IllegalArgumentException} if its family does not use it. */
    public ModelDesign withWiring(Wiring w) {
        return new ModelDesign(name, description, family, data, networks, w);
    }

    /** {@code dcgan-28 (gan, data 1x28x28): G: 100 -> dense 1568 -> ... | D: 1x28x28 -> ...}. */
    @Override
    public String toString() {
        return name + " (" + family.id() + (data == null ? "" : ", data " + data)
                + (wiring.equals(Wiring.NONE) ? "" : ", " + wiring) + "): "
                + networks.values().stream().map(NetworkGraph::toString)
                .collect(java.util.stream.Collectors.joining(" | "));
    }

    private void requireFamily(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("a " + family.id() + " design has no " + what);
        }
    }

    private static String ids(List<Role> roles) {
        return roles.stream().map(Role::id).sorted().toList().toString();
    }

    /**
     * The VAE's reparameterisation: the encoder head gives e = [mean, log-variance] (2k values, mean first), and
     * z = mean + exp(log-variance / 2) * eps with eps ~ N(0, I) (k values) goes to the decoder. No parameters; the
     * VAE trainer computes it and its KL term.
     */
    public record SamplingBlock(int codeSize) {

        public SamplingBlock {
            if (codeSize < 1) {
                throw new IllegalArgumentException("the code needs at least one value, not " + codeSize);
            }
        }

        /** The values it takes from the encoder head: 2k. */
        public int inputSize() {
            return 2 * codeSize;
        }

        @Override
        public String toString() {
            return "sampling " + inputSize() + " -> " + codeSize + ": z = mean + exp(log-variance / 2) * eps";
        }
    }
}
