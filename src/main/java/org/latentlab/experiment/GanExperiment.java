package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.train.EnergySettings;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanStatus;

/**
 * An experiment file: data, the two networks, how to train them, for how long, and how often to measure, save
 * images and checkpoint. The latent code's size is G's input size. Every field is validated on construction, so
 * a spec that exists can be run.
 */
@JsonIgnoreProperties(value = "family", allowGetters = true)
public record GanExperiment(String name, String description, long seed, DatasetSpec dataset,
                            NetworkSpec generator, NetworkSpec discriminator, GanSettings training,
                            long iterations, int sampleInterval, int checkpointInterval,
                            @JsonInclude(JsonInclude.Include.NON_NULL) ConditionalSpec conditional,
                            @JsonInclude(JsonInclude.Include.NON_NULL) InfoGanSpec infogan,
                            @JsonInclude(JsonInclude.Include.NON_NULL) BiganSpec bigan,
                            @JsonInclude(JsonInclude.Include.NON_NULL) EnergySettings energy)
        implements Experiment<GanStatus> {

    /** A GAN with D's score losses, without codes or an encoder (conditional when {@code conditional} is not null). */
    public GanExperiment(String name, String description, long seed, DatasetSpec dataset, NetworkSpec generator,
                         NetworkSpec discriminator, GanSettings training, long iterations, int sampleInterval,
                         int checkpointInterval, ConditionalSpec conditional) {
        this(name, description, seed, dataset, generator, discriminator, training, iterations, sampleInterval,
                checkpointInterval, conditional, null, null, null);
    }

    /** An unconditional GAN. */
    public GanExperiment(String name, String description, long seed, DatasetSpec dataset, NetworkSpec generator,
                         NetworkSpec discriminator, GanSettings training, long iterations, int sampleInterval,
                         int checkpointInterval) {
        this(name, description, seed, dataset, generator, discriminator, training, iterations, sampleInterval,
                checkpointInterval, null, null, null, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public GanExperiment {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        description = description == null ? "" : description;
        if (dataset == null || generator == null || discriminator == null || training == null) {
            throw new IllegalArgumentException("an experiment needs dataset, generator, discriminator and training");
        }
        if (generator.input().isImage()) {
            throw new IllegalArgumentException("generator.input must be a vector (the latent code), not "
                    + generator.input());
        }
        if (infogan != null && bigan != null) {
            throw new IllegalArgumentException("a GAN is either an InfoGAN or a BiGAN: remove \"infogan\" or"
                    + " \"bigan\"");
        }
        if (infogan != null) {
            InfoGanLayout.check(infogan, conditional != null, generator, discriminator, training);
        }
        if (conditional != null) {
            if (bigan != null) {
                throw new IllegalArgumentException("a GAN is either conditional or a BiGAN: remove \"conditional\""
                        + " or \"bigan\"");
            }
            ConditionalLayout.check(conditional.classes(), generator, discriminator, training);
        }
        if (bigan != null) {
            bigan.check(generator, discriminator, training);
        }
        if (energy != null) {
            if (infogan != null || bigan != null) {
                throw new IllegalArgumentException("an energy-based GAN is neither an InfoGAN nor a BiGAN: remove"
                        + " \"energy\" or \"" + (infogan != null ? "infogan" : "bigan") + "\"");
            }
            // before the packing's sizes: an energy-based D refuses packing and says so
            EnergyLayout.check(energy, generator, discriminator, training, conditional != null);
        }
        int packing = training.packing();
        if (conditional == null && bigan == null && packing == 1 && generator.output().size() != discriminator.input().size()) {
            throw new IllegalArgumentException("generator outputs " + generator.output() + " but discriminator takes "
                    + discriminator.input() + ": they must have the same size");
        }
        if (packing > 1 && (long) packing * generator.output().size() != discriminator.input().size()) {
            // Lin et al. 2018: D sees m samples concatenated (for images, stacked along the channels)
            throw new IllegalArgumentException("training.packing is " + packing + ", so the discriminator must take "
                    + packing + " × " + generator.output().size() + " = " + packing * generator.output().size()
                    + " values, not " + discriminator.input() + ": set discriminator.input to " + packing
                    + " × the data size" + (generator.output().isImage() ? " (" + packing + " × the channels)" : ""));
        }
        if (energy == null && (discriminator.output().size() != 1 || discriminator.output().isImage())) {
            throw new IllegalArgumentException("discriminator must output one score per example, not "
                    + discriminator.output() + ": end it with a dense layer of 1 unit");
        }
        LayerSpec last = discriminator.layers().get(discriminator.layers().size() - 1);
        if (energy == null && !(last instanceof LayerSpec.Dense dense && dense.units() == 1
                && dense.activation() == Activation.IDENTITY)) {
            throw new IllegalArgumentException("the discriminator's last layer must be a dense layer of 1 unit with no"
                    + " activation (the losses apply the sigmoid themselves), not " + last.type() + " '" + last.name()
                    + "'");
        }
        for (LayerSpec l : discriminator.layers()) {
            if (l instanceof LayerSpec.VirtualBatchNorm) {
                throw new IllegalArgumentException("virtual batch norm layer '" + l.name() + "' belongs in the"
                        + " generator (its reference batch is a batch of codes): remove it from the discriminator");
            }
        }
        java.util.Set<Integer> references = new java.util.TreeSet<>();
        generator.layers().stream().filter(l -> l instanceof LayerSpec.VirtualBatchNorm)
                .forEach(l -> references.add(((LayerSpec.VirtualBatchNorm) l).referenceBatch()));
        if (references.size() > 1) {
            throw new IllegalArgumentException("the generator's virtual batch norm layers share one reference batch,"
                    + " but they ask for " + references + " codes: give them all the same referenceBatch");
        }
        if (training.loss() == GanLoss.WGAN_GP) {
            for (LayerSpec l : discriminator.layers()) {
                if (l instanceof LayerSpec.BatchNorm) {
                    // Gulrajani et al. 2017, section 4: the penalty is on each example's gradient alone
                    throw new IllegalArgumentException("wgan-gp penalises the critic's gradient at each example, and"
                            + " batch norm layer '" + l.name() + "' makes every score depend on the whole batch: remove"
                            + " it (WGAN-GP critics use none, or layer norm), or use the wgan loss with weight clipping");
                }
                if (l instanceof LayerSpec.MinibatchDiscrimination) {
                    throw new IllegalArgumentException("wgan-gp penalises the critic's gradient at each example, and"
                            + " minibatch discrimination layer '" + l.name() + "' makes every score depend on the"
                            + " whole batch: remove it, or use another loss");
                }
            }
        }
        if (training.r1Gamma() > 0) {
            for (LayerSpec l : discriminator.layers()) {
                if (l instanceof LayerSpec.BatchNorm || l instanceof LayerSpec.MinibatchDiscrimination) {
                    throw new IllegalArgumentException("training.r1Gamma: R1 penalises D's gradient at each real"
                            + " example, and " + l.type() + " layer '" + l.name() + "' makes every score depend on"
                            + " the whole batch: remove it, or set r1Gamma to 0");
                }
            }
        }
        if (training.matchesFeatures()) {
            requireFeatureLayer(discriminator, training.featureMatching());
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, not " + iterations);
        }
        if (sampleInterval < 1 || checkpointInterval < 1) {
            throw new IllegalArgumentException("sampleInterval and checkpointInterval must be >= 1");
        }
    }

    /**
     * The layers of D that feature matching may compare: those DL4J builds as layers (not a reshape or flatten),
     * in order, and not D's last layer (its score).
     */
    public static java.util.List<String> featureMatchingLayers(NetworkSpec discriminator) {
        java.util.List<String> usable = new java.util.ArrayList<>();
        java.util.List<LayerSpec> layers = discriminator.layers();
        for (int i = 0; i < layers.size() - 1; i++) {
            LayerSpec l = layers.get(i);
            if (!(l instanceof LayerSpec.Reshape || l instanceof LayerSpec.Flatten)) {
                usable.add(l.name());
            }
        }
        return java.util.List.copyOf(usable);
    }

    private static void requireFeatureLayer(NetworkSpec discriminator, String name) {
        java.util.List<String> usable = featureMatchingLayers(discriminator);
        if (!usable.contains(name)) {
            throw new IllegalArgumentException("training.featureMatching names layer '" + name + "', which is not a"
                    + " hidden layer of the discriminator: use one of " + usable + " (or \"\" for G's GAN loss)");
        }
    }

    /** The latent code's size: G's input, less the K label values of a conditional GAN. */
    @JsonIgnore
    public int latentDim() {
        return generator.input().size() - (conditional == null ? 0 : conditional.classes())
                - (infogan == null ? 0 : infogan.codeColumns());
    }

    /** Whether D is an autoencoder whose reconstruction error is the energy (Zhao et al. 2017). */
    public boolean energyBased() {
        return energy != null;
    }

    /** Whether G and D take labels (Mirza and Osindero 2014); not named isConditional, a getter of "conditional". */
    public boolean takesLabels() {
        return conditional != null;
    }

    /** Whether an encoder E is learned with G, D judging (x, z) pairs (Donahue et al. 2017). */
    public boolean learnsEncoder() {
        return bigan != null;
    }

    /** Always {@link Family#GAN}; written to the file so that every experiment file names its family. */
    @Override
    @JsonProperty(value = "family", index = 0)
    public Family family() {
        return Family.GAN;
    }

    /** The latent code's size: G's input (less the labels of a conditional GAN). */
    @Override
    @JsonIgnore
    public int codeDim() {
        return latentDim();
    }

    @Override
    public GanExperiment withName(String n) {
        return new GanExperiment(n, description, seed, dataset, generator, discriminator, training, iterations,
                sampleInterval, checkpointInterval, conditional, infogan, bigan, energy);
    }

    public GanExperiment withTraining(GanSettings t) {
        return new GanExperiment(name, description, seed, dataset, generator, discriminator, t, iterations,
                sampleInterval, checkpointInterval, conditional, infogan, bigan, energy);
    }

    @Override
    public GanExperiment withIterations(long n) {
        return new GanExperiment(name, description, seed, dataset, generator, discriminator, training, n,
                sampleInterval, checkpointInterval, conditional, infogan, bigan, energy);
    }

    @Override
    public GanExperiment withSeed(long s) {
        return new GanExperiment(name, description, s, dataset, generator, discriminator, training, iterations,
                sampleInterval, checkpointInterval, conditional, infogan, bigan, energy);
    }
}
