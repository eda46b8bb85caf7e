package org.latentlab.model.edit;

import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.latentlab.model.edit.NetworkCheck.q;

/**
 * What the builder knows about a whole design: each network's {@link NetworkCheck} and the problems between roles,
 * checked only between networks that are themselves valid (a broken generator has no output shape to compare):
 *
 * <ul>
 *   <li>GAN / WGAN: the generator's input (the noise z) is a vector; its output is the data shape; the
 *       discriminator or critic takes the data shape and ends in a dense layer of 1 unit with no activation (the
 *       losses take its raw score; a WGAN critic in particular has no sigmoid); batch norm in a critic is warned
 *       about.</li>
 *   <li>Autoencoder: the encoder takes the data shape, its output (the code) is the decoder's input, the decoder
 *       outputs the data shape.</li>
 *   <li>VAE: as an autoencoder, except that the encoder outputs 2k values (mean and log-variance, preferably with no
 *       activation) for a decoder that takes k.</li>
 *   <li>RBM: every layer is a dense layer of sigmoid units; the visible layer is the data's size.</li>
 * </ul>
 *
 * Two shapes with the same number of values in a different layout (784 against 1x28x28) are a warning, not an
 * error: the lab's networks take and give flat examples, so such a model trains.
 */
public final class DesignCheck {

    private final ModelDesign design;
    private final Map<Role, NetworkCheck> networks;
    private final List<Diagnostic> diagnostics;

    private DesignCheck(ModelDesign design, Map<Role, NetworkCheck> networks, List<Diagnostic> diagnostics) {
        this.design = design;
        this.networks = Collections.unmodifiableMap(networks);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public static DesignCheck of(ModelDesign d) {
        Map<Role, NetworkCheck> checks = new EnumMap<>(Role.class);
        List<Diagnostic> found = new ArrayList<>();
        d.networks().forEach((r, g) -> {
            NetworkCheck c = NetworkCheck.of(g);
            checks.put(r, c);
            found.addAll(c.diagnostics());
        });
        new RoleChecks(d, checks, found).check();
        return new DesignCheck(d, checks, found);
    }

    public ModelDesign design() {
        return design;
    }

    public NetworkCheck network(Role role) {
        NetworkCheck c = networks.get(role);
        if (c == null) {
            throw new IllegalArgumentException("a " + design.family().id() + " design has no " + role.id()
                    + " network");
        }
        return c;
    }

    /** Network problems (role order), then role problems. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** True when every network can be built and the roles fit: the design can be trained. */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** The design's network files, or a {@link LabException} with its first errors. */
    public Map<Role, NetworkSpec> requireValid() {
        List<Diagnostic> errors = errors();
        if (!errors.isEmpty()) {
            throw new LabException("design '" + design.name() + "' cannot be trained: " + errors.stream().limit(3)
                    .map(Diagnostic::toString).collect(Collectors.joining("; "))
                    + (errors.size() > 3 ? " (and " + (errors.size() - 3) + " more)" : ""));
        }
        return design.toSpecs();
    }

    public List<Diagnostic> diagnosticsFor(String nodeId) {
        return diagnostics.stream().filter(x -> x.nodes().contains(nodeId)).toList();
    }

    public List<Diagnostic> diagnosticsFor(Edge edge) {
        return diagnostics.stream().filter(x -> x.edges().contains(edge)).toList();
    }
}
