package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.ModelFamily;
import org.latentlab.model.edit.Role;
import org.latentlab.model.edit.Wiring;
import org.latentlab.train.EnergySettings;
import org.latentlab.train.aae.AaeNetworks;
import org.latentlab.train.aae.AaePrior;
import org.latentlab.train.aae.AaeSettings;
import org.latentlab.train.vaegan.VaeGanSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * The GAN zoo in the network builder: the design of a zoo experiment (its networks, and the wiring its variant
 * block or family gives them), the experiment a zoo design trains as (its networks and wiring in place of a base
 * experiment's, the base's data and training settings kept), and a template for each variant from its preset.
 */
final class ZooDesigns {

    /** The template of each variant: id, title, preset. */
    private static final List<String[]> TEMPLATES = List.of(
            new String[] {"cgan-2d", "Conditional GAN, 2-D points", "ring8-cgan"},
            new String[] {"cgan-28", "Conditional GAN, 28x28", "mnist-cgan"},
            new String[] {"infogan-2d", "InfoGAN, 2-D points", "ring8-infogan"},
            new String[] {"infogan-28", "InfoGAN, 28x28 images", "mnist-infogan"},
            new String[] {"bigan-2d", "BiGAN, 2-D points", "ring8-bigan"},
            new String[] {"bigan-28", "BiGAN, 28x28 images", "mnist-bigan"},
            new String[] {"ebgan-2d", "EBGAN, 2-D points", "ring8-ebgan-pt"},
            new String[] {"ebgan-28", "EBGAN, 28x28 images", "mnist-ebgan-pt"},
            new String[] {"aae", "Adversarial autoencoder", "mnist-aae-mixture"},
            new String[] {"aae-labels", "AAE, label-conditioned", "mnist-aae-supervised"},
            new String[] {"vaegan", "VAE-GAN, 28x28 images", "mnist-vaegan"},
            new String[] {"cyclegan-2d", "CycleGAN, moons to ring", "moons-to-ring-cyclegan"},
            new String[] {"cyclegan-28", "CycleGAN, inverted digits", "mnist-inverted-cyclegan"});

    private ZooDesigns() {
    }

    /** A template per variant, made from its bundled preset (its design trains as the preset does). */
    static List<DesignTemplates.Template> templates() {
        List<DesignTemplates.Template> out = new ArrayList<>();
        for (String[] t : TEMPLATES) {
            ModelDesign d = design(Presets.load(t[2]), null).orElseThrow();
            out.add(new DesignTemplates.Template(t[0], t[1], new ModelDesign(t[0], d.description(), d.family(),
                    d.data(), d.networks(), d.wiring()), t[2]));
        }
        return out;
    }

    /**
     * The design of a zoo experiment: a GAN with a {@code conditional}, {@code infogan}, {@code bigan} or
     * {@code energy} block, an adversarial autoencoder, a VAE-GAN or a CycleGAN; empty for the other experiments.
     *
     * @param base the experiment file's folder (a data set's relative path), or null for a preset
     * @throws LabException for a GAN with two variant blocks (the builder draws one variant at a time)
     */
    static Optional<ModelDesign> design(Experiment<?> e, java.nio.file.Path base) {
        if (e instanceof GanExperiment g) {
            return gan(g);
        }
        if (e instanceof AaeExperiment a) {
            AaeSettings s = a.aae();
            int visible = DesignExperiments.visibleUnits(a.dataset(), base);
            return Optional.of(ModelDesign.of(a.name(), a.description(), ModelFamily.AAE, Shape.vector(visible),
                    Map.of(Role.ENCODER, AaeNetworks.encoder(s, visible), Role.DECODER, AaeNetworks.decoder(s, visible),
                            Role.DISCRIMINATOR, AaeNetworks.discriminator(s)),
                    Wiring.labels(s.supervised() ? AaePrior.COMPONENTS : 0)));
        }
        if (e instanceof VaeGanExperiment v) {
            return Optional.of(ModelDesign.of(v.name(), v.description(), ModelFamily.VAEGAN, v.encoder().input(),
                    Map.of(Role.ENCODER, v.encoder(), Role.DECODER, v.decoder(), Role.DISCRIMINATOR,
                            v.discriminator()), Wiring.layer(v.vaegan().featureLayer())));
        }
        if (e instanceof CycleGanExperiment c) {
            return Optional.of(ModelDesign.of(c.name(), c.description(), ModelFamily.CYCLEGAN, c.generator().input(),
                    Map.of(Role.GENERATOR, c.generator(), Role.DISCRIMINATOR, c.discriminator())));
        }
        return Optional.empty();
    }

    private static Optional<ModelDesign> gan(GanExperiment g) {
        int blocks = (g.conditional() != null ? 1 : 0) + (g.infogan() != null ? 1 : 0) + (g.bigan() != null ? 1 : 0)
                + (g.energy() != null ? 1 : 0);
        if (blocks == 0) {
            return Optional.empty();
        }
        if (blocks > 1) {
            throw new LabException("experiment '" + g.name() + "' is " + String.join(" and ", variants(g)) + " at"
                    + " once; the builder draws one variant at a time: edit it as an experiment file");
        }
        Map<Role, NetworkSpec> gd = Map.of(Role.GENERATOR, g.generator(), Role.DISCRIMINATOR, g.discriminator());
        Shape data = g.generator().output();
        if (g.conditional() != null) {
            return Optional.of(ModelDesign.of(g.name(), g.description(), ModelFamily.CGAN, data, gd,
                    Wiring.labels(g.conditional().classes())));
        }
        if (g.infogan() != null) {
            var i = g.infogan();
            return Optional.of(ModelDesign.of(g.name(), g.description(), ModelFamily.INFOGAN, data, gd,
                    Wiring.codes(i.categorical(), i.continuous(), i.layer(), i.qHidden())));
        }
        if (g.bigan() != null) {
            return Optional.of(ModelDesign.of(g.name(), g.description(), ModelFamily.BIGAN, data,
                    Map.of(Role.GENERATOR, g.generator(), Role.ENCODER, g.bigan().encoder(), Role.DISCRIMINATOR,
                            g.discriminator())));
        }
        return Optional.of(ModelDesign.of(g.name(), g.description(), ModelFamily.EBGAN, data, gd,
                Wiring.layer(g.energy().codeLayer())));
    }

    private static List<String> variants(GanExperiment g) {
        List<String> v = new ArrayList<>();
        if (g.conditional() != null) {
            v.add("conditional");
        }
        if (g.infogan() != null) {
            v.add("an InfoGAN");
        }
        if (g.bigan() != null) {
            v.add("a BiGAN");
        }
        if (g.energy() != null) {
            v.add("energy-based");
        }
        return v;
    }

    /**
     * The experiment {@code base} with the networks and wiring of the zoo design {@code d} in place of its own.
     *
     * @throws LabException when the base is not of the design's variant, or its data do not fit the design
     */
    static DesignExperiments.Trainable experiment(ModelDesign d, DesignExperiments.Trainable base, String name,
                                                  String description, Map<Role, NetworkSpec> specs) {
        ModelFamily f = d.family();
        Wiring w = d.wiring();
        if (f == ModelFamily.AAE || f == ModelFamily.VAEGAN || f == ModelFamily.CYCLEGAN) {
            return model(d, base, name, description, specs);
        }
        if (!(base instanceof DesignExperiments.Gan gan)) {
            throw wrongBase(base, f);
        }
        GanExperiment b = gan.spec();
        NetworkSpec g = specs.get(Role.GENERATOR);
        NetworkSpec disc = specs.get(Role.DISCRIMINATOR);
        DesignExperiments.requireSameSize("the generator's output", g.output().size(), "the data of " + b.name(),
                b.generator().output().size());
        ConditionalSpec conditional = null;
        InfoGanSpec infogan = null;
        BiganSpec bigan = null;
        EnergySettings energy = null;
        switch (f) {
            case CGAN -> conditional = new ConditionalSpec(w.classes());
            case INFOGAN -> infogan = new InfoGanSpec(w.categorical(), w.continuous(), w.layer(), w.qHidden(),
                    b.infogan() == null ? 1 : b.infogan().lambda(), b.infogan() == null ? 1
                    : b.infogan().continuousLambda());
            case BIGAN -> bigan = new BiganSpec(specs.get(Role.ENCODER), b.bigan() == null ? 0 : b.bigan().heldOut());
            case EBGAN -> {
                if (b.energy() == null) {
                    throw wrongBase(base, f);
                }
                EnergySettings e = b.energy();
                energy = new EnergySettings(e.margin(), e.pullAway(), e.pullAwayWeight(), w.layer());
            }
            default -> throw new IllegalStateException("not a GAN variant: " + f.id());
        }
        return new DesignExperiments.Gan(new GanExperiment(name, description, b.seed(), b.dataset(), g, disc,
                b.training(), b.iterations(), b.sampleInterval(), b.checkpointInterval(), conditional, infogan,
                bigan, energy));
    }

    private static DesignExperiments.Trainable model(ModelDesign d, DesignExperiments.Trainable base, String name,
                                                     String description, Map<Role, NetworkSpec> specs) {
        Object b = base instanceof DesignExperiments.Model m ? m.spec() : null;
        NetworkSpec enc = specs.get(Role.ENCODER);
        return switch (d.family()) {
            case AAE -> {
                if (!(b instanceof AaeExperiment a)) {
                    throw wrongBase(base, d.family());
                }
                AaeSettings s = a.aae();
                DesignExperiments.requireSameSize("the encoder's input", enc.input().size(), "the data of "
                        + a.name(), DesignExperiments.visibleUnits(a.dataset(), null));
                int classes = d.wiring().classes();
                if (classes != 0 && classes != AaePrior.COMPONENTS) {
                    throw new LabException("a label-conditioned adversarial autoencoder draws each label's prior"
                            + " sample from one of the prior's " + AaePrior.COMPONENTS + " parts: set the labels to "
                            + AaePrior.COMPONENTS + " (or 0), not " + classes);
                }
                AaeSettings settings = new AaeSettings(hidden(enc), hidden(specs.get(Role.DISCRIMINATOR)),
                        enc.output().size(), s.prior(), classes > 0, s.batch(), s.reconstructionOptimizer(),
                        s.regularisationOptimizer());
                yield new DesignExperiments.Model(new AaeExperiment(name, description, a.family(), a.seed(),
                        a.dataset(), settings, a.iterations(), a.sampleInterval(), a.checkpointInterval(),
                        a.heldOut()));
            }
            case VAEGAN -> {
                if (!(b instanceof VaeGanExperiment v)) {
                    throw wrongBase(base, d.family());
                }
                DesignExperiments.requireSameSize("the encoder's input", enc.input().size(), "the data of "
                        + v.name(), v.encoder().input().size());
                VaeGanSettings s = v.vaegan();
                yield new DesignExperiments.Model(new VaeGanExperiment(name, description, v.family(), v.seed(),
                        v.dataset(), enc, specs.get(Role.DECODER), specs.get(Role.DISCRIMINATOR),
                        new VaeGanSettings(d.wiring().layer(), s.gamma(), s.realWeight(), s.optimizer(),
                                s.discriminatorOptimizer(), s.batchSize()), v.iterations(), v.sampleInterval(),
                        v.checkpointInterval(), v.heldOut()));
            }
            case CYCLEGAN -> {
                if (!(b instanceof CycleGanExperiment c)) {
                    throw wrongBase(base, d.family());
                }
                NetworkSpec g = specs.get(Role.GENERATOR);
                DesignExperiments.requireSameSize("the generator's input", g.input().size(), "the domains of "
                        + c.name(), c.generator().input().size());
                yield new DesignExperiments.Model(new CycleGanExperiment(name, description, c.family(), c.seed(),
                        c.domainA(), c.domainB(), g, specs.get(Role.DISCRIMINATOR), c.cyclegan(), c.iterations(),
                        c.sampleInterval(), c.checkpointInterval(), c.heldOut()));
            }
            default -> throw new IllegalStateException("not a model-bench variant: " + d.family().id());
        };
    }

    /** The hidden layers' sizes of a dense stack (all but its last layer), as the AAE's settings hold them. */
    private static List<Integer> hidden(NetworkSpec s) {
        List<Integer> sizes = new ArrayList<>();
        IntUnaryOperator units = i -> ((LayerSpec.Dense) s.layers().get(i)).units();
        for (int i = 0; i < s.layers().size() - 1; i++) {
            sizes.add(units.applyAsInt(i));
        }
        return sizes;
    }

    private static LabException wrongBase(DesignExperiments.Trainable base, ModelFamily f) {
        return new LabException("'" + base.name() + "' is not " + article(f) + " experiment: a " + f.id()
                + " design trains with the data and settings of one (pick a " + f.id() + " template or open a "
                + f.id() + " experiment file)");
    }

    private static String article(ModelFamily f) {
        return switch (f) {
            case AAE, INFOGAN, EBGAN -> "an " + f.id();
            default -> "a " + f.id();
        };
    }
}
