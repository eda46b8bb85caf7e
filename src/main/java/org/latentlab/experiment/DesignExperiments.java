package org.latentlab.experiment;

import org.latentlab.core.AtomicFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.edit.Diagnostic;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.ModelFamily;
import org.latentlab.model.edit.Role;
import org.latentlab.train.Backend;
import org.latentlab.train.rbm.RbmSettings;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the builder's "Train" and "Export" do with a design: an experiment made from a bundled preset's data and
 * training settings with the design's networks in place of the preset's (PacGAN's packing as the design's D takes
 * it), and the compiled DL4J networks written as
 * their configuration JSON and a model zip (which DL4J's {@code ModelSerializer} and Netron open).
 */
public final class DesignExperiments {

    private DesignExperiments() {
    }

    /** An experiment to hand to a bench: a GAN one or an autoencoder / VAE / RBM one. */
    public sealed interface Trainable permits Gan, Model {
        /** The experiment's name. */
        String name();
    }

    /** For the GAN bench. */
    public record Gan(GanExperiment spec) implements Trainable {
        @Override
        public String name() {
            return spec.name();
        }
    }

    /** For the autoencoder / VAE / RBM bench (which also trains adversarial autoencoders, VAE-GANs, CycleGANs). */
    public record Model(Experiment<org.latentlab.train.ReconstructionStatus> spec) implements Trainable {
        @Override
        public String name() {
            return spec.name();
        }
    }

    /**
     * The experiment of preset {@code preset} with the networks of {@code design}.
     *
     * @throws LabException when the design has errors (all of them listed), when the preset is of another family,
     *                      or when the design's data shape is not the preset's data
     */
    public static Trainable experiment(ModelDesign design, String preset) {
        Trainable base = Presets.onModelBench(preset) ? new Model(Presets.loadModel(preset))
                : new Gan(Presets.loadGan(preset));
        return experiment(design, base);
    }

    /**
     * The experiment {@code base} (its data, training settings, seed and lengths) with the networks of
     * {@code design} in place of its own.
     *
     * @throws LabException when the design has errors (all of them listed), when the experiment is of another
     *                      family, or when the design's data shape is not the experiment's data
     */
    public static Trainable experiment(ModelDesign design, Trainable base) {
        Map<Role, NetworkSpec> specs = requireValid(design);
        String name = design.name().replaceAll("[^A-Za-z0-9._-]+", "-");
        String description = "built in the network builder from " + base.name() + ": " + design.description();
        if (design.family().isZoo()) {
            try {
                return ZooDesigns.experiment(design, base, name, description, specs);
            } catch (IllegalArgumentException e) {
                throw new LabException("cannot train the design with " + base.name() + ": " + e.getMessage(), e);
            }
        }
        if (design.family() == ModelFamily.GAN || design.family() == ModelFamily.WGAN) {
            if (!(base instanceof Gan gan)) {
                throw new LabException("'" + base.name() + "' is an autoencoder / VAE / RBM experiment; a "
                        + design.family().id() + " design trains with a GAN experiment");
            }
            GanExperiment b = gan.spec();
            NetworkSpec g = specs.get(Role.GENERATOR);
            NetworkSpec d = specs.get(design.family() == ModelFamily.WGAN ? Role.CRITIC : Role.DISCRIMINATOR);
            requireSameSize("the generator's output", g.output().size(), "the data of " + base.name(),
                    b.generator().output().size());
            try {
                return new Gan(new GanExperiment(name, description, b.seed(), b.dataset(), g, d,
                        b.training().withPacking(packing(g, d)), b.iterations(), b.sampleInterval(),
                        b.checkpointInterval()));
            } catch (IllegalArgumentException e) {
                throw new LabException("cannot train the design with " + base.name() + ": " + e.getMessage(), e);
            }
        }
        if (!(base instanceof Model model)) {
            throw new LabException("'" + base.name() + "' is a GAN experiment; a " + design.family().id()
                    + " design trains with an autoencoder, VAE or RBM experiment");
        }
        if (!(model.spec() instanceof ReconstructionExperiment b)) {
            throw new LabException("'" + base.name() + "' trains a " + model.spec().family().id() + "; a "
                    + design.family().id() + " design trains with an autoencoder, VAE or RBM experiment");
        }
        try {
            if (design.family() == ModelFamily.RBM) {
                RbmSettings r = b.rbm();
                if (r == null) {
                    throw new LabException("'" + base.name() + "' is not an RBM experiment");
                }
                RbmSettings rbm = new RbmSettings(design.rbmHidden(), r.k(), r.persistent(), r.learningRate(),
                        r.momentum(), r.weightDecay(), r.batchSize(), r.iterationsPerLayer());
                return new Model(new ReconstructionExperiment(name, description, b.family(), b.seed(), b.dataset(),
                        null, null, null, rbm, b.iterations(), b.sampleInterval(), b.checkpointInterval(),
                        b.heldOut()));
            }
            if (b.encoder() == null) {
                throw new LabException("'" + base.name() + "' is an RBM experiment; an " + design.family().id()
                        + " design trains with an autoencoder or VAE experiment");
            }
            NetworkSpec enc = specs.get(Role.ENCODER);
            NetworkSpec dec = specs.get(Role.DECODER);
            requireSameSize("the encoder's input", enc.input().size(), "the data of " + base.name(),
                    b.encoder().input().size());
            Family family = design.family() == ModelFamily.VAE ? Family.VAE
                    : Family.AUTOENCODER;
            if (family != b.family()) {
                throw new LabException("'" + base.name() + "' trains a " + b.family().id() + ", the design is a "
                        + family.id());
            }
            return new Model(new ReconstructionExperiment(name, description, family, b.seed(), b.dataset(), enc, dec,
                    b.training(), null, b.iterations(), b.sampleInterval(), b.checkpointInterval(), b.heldOut()));
        } catch (IllegalArgumentException e) {
            throw new LabException("cannot train the design with " + base.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * PacGAN's m as the design sets it (Lin et al. 2018): a D whose vector input holds m of G's outputs scores packs
     * of m samples; any other D scores single samples (m = 1, or a size mismatch the experiment then names).
     */
    static int packing(NetworkSpec g, NetworkSpec d) {
        long sample = g.output().size();
        long input = d.input().size();
        boolean packs = !d.input().isImage() && sample > 0 && input > sample && input % sample == 0
                && input / sample <= org.latentlab.train.GanSettings.MAX_PACKING;
        return packs ? (int) (input / sample) : 1;
    }

    /** A design read from a file, with the experiment Train uses (empty: the family's template preset). */
    public record Opened(ModelDesign design, java.util.Optional<Trainable> experiment) {
    }

    /**
     * Opens a design file, a single network file, or an experiment file (GAN, autoencoder, VAE or RBM): an
     * experiment's networks become the design, and Train then uses that experiment's data and settings.
     *
     * @throws LabException naming the file, the JSON path and what is wrong
     */
    public static Opened open(Path file) {
        String text = ExperimentFiles.readText(file);
        String source = file.toString();
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = ExperimentFiles.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LabException(source + ": " + org.latentlab.model.JsonErrors.describe(e), e);
        }
        if (root == null || !root.isObject() || root.has("format")) {
            return new Opened(org.latentlab.model.edit.DesignFiles.parseDesign(text, source),
                    java.util.Optional.empty());
        }
        if (root.has("layers")) {
            return new Opened(ModelDesign.network(org.latentlab.model.edit.DesignFiles.parseNetwork(text, source)),
                    java.util.Optional.empty());
        }
        Experiment<?> read = ExperimentFiles.parse(text, source);
        java.util.Optional<ModelDesign> zoo = ZooDesigns.design(read, file.toAbsolutePath().getParent());
        if (zoo.isPresent()) {
            return new Opened(zoo.get(), java.util.Optional.of(read instanceof GanExperiment g ? new Gan(g)
                    : new Model(asModel(read))));
        }
        if (read instanceof GanExperiment s) {
            boolean wasserstein = s.training().loss() == org.latentlab.train.GanLoss.WGAN
                    || s.training().loss() == org.latentlab.train.GanLoss.WGAN_GP;
            return new Opened(ModelDesign.gan(s.name(), s.description(), s.generator(), s.discriminator(),
                    s.generator().output(), wasserstein), java.util.Optional.of(new Gan(s)));
        }
        if (!(read instanceof ReconstructionExperiment m)) {
            throw new LabException(source + ": a " + read.family().id() + " experiment has no networks the builder"
                    + " draws");
        }
        ModelDesign design;
        if (m.family() == Family.RBM) {
            int visible = visibleUnits(m.dataset(), file.toAbsolutePath().getParent());
            design = ModelDesign.rbm(m.name(), m.description(), visible, m.rbm().hidden());
        } else {
            design = ModelDesign.autoencoder(m.name(), m.description(), m.encoder(), m.decoder(),
                    m.family() == Family.VAE);
        }
        return new Opened(design, java.util.Optional.of(new Model(m)));
    }

    /**
     * Writes each network of the design, compiled for DL4J (float, Adam lr 1e-3 β1 0.9, seed 1), as
     * {@code <design>-<network>.json} (the DL4J configuration) and {@code <design>-<network>.zip} (the model). Returns
     * the files written.
     */
    public static List<Path> exportDl4j(ModelDesign design, Path dir) {
        Map<Role, NetworkSpec> specs = requireValid(design);
        if (design.family() == ModelFamily.RBM) {
            throw new LabException("an RBM is trained by contrastive divergence, not compiled to a DL4J network:"
                    + " save the design as JSON instead");
        }
        Backend.init();
        String stem = design.name().replaceAll("[^A-Za-z0-9._-]+", "-");
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<Role, NetworkSpec> e : specs.entrySet()) {
                MultiLayerNetwork net = NetworkCompiler.compile(e.getValue(), OptimizerSpec.adam(1e-3, 0.9), 1,
                        DataType.FLOAT);
                Path json = dir.resolve(stem + "-" + e.getKey().id() + ".json");
                Path zip = dir.resolve(stem + "-" + e.getKey().id() + ".zip");
                AtomicFiles.writeString(json, net.getLayerWiseConfigurations().toJson());
                AtomicFiles.write(zip, out -> ModelSerializer.writeModel(net, out, true));
                written.add(json);
                written.add(zip);
            }
        } catch (IOException e) {
            throw new LabException("cannot write the DL4J export to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /**
     * Values per example of a data set, read from its spec where it says (toy points, folders resized to a chosen
     * size, the bundled 28x28 sets) so that opening a file does not load the images; other files are opened.
     */
    static int visibleUnits(DatasetSpec d, Path base) {
        return switch (d.kind()) {
            case TOY -> org.latentlab.data.ToyDistribution.named(d.name()).dimension();
            case FOLDER -> d.width() * d.height() * (d.colour() ? 3 : 1);
            case STACKED -> org.latentlab.data.StackedMnist.CHANNELS * 28 * 28;
            case IMAGES, CSV -> d.kind() == DatasetSpec.Kind.IMAGES && d.path() == null ? 28 * 28
                    : ExperimentData.open(d, base, org.latentlab.data.ImageScale.ZERO_TO_ONE).dimension();
        };
    }

    /** The GAN zoo's templates (conditional GAN, InfoGAN, BiGAN, EBGAN, AAE, VAE-GAN, CycleGAN), from presets. */
    public static List<org.latentlab.model.edit.DesignTemplates.Template> zooTemplates() {
        return ZooTemplatesHolder.ALL;
    }

    /** Every template the builder lists: the plain families', then the GAN zoo's. */
    public static List<org.latentlab.model.edit.DesignTemplates.Template> templates() {
        List<org.latentlab.model.edit.DesignTemplates.Template> all = new ArrayList<>(
                org.latentlab.model.edit.DesignTemplates.all());
        all.addAll(zooTemplates());
        return List.copyOf(all);
    }

    /** The template with this id; a {@link LabException} listing the known ids if there is none. */
    public static org.latentlab.model.edit.DesignTemplates.Template template(String id) {
        return templates().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new LabException(
                "no template '" + id + "' (known: " + templates().stream()
                        .map(org.latentlab.model.edit.DesignTemplates.Template::id)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    /** Made once, when first asked for (each reads a preset). */
    private static final class ZooTemplatesHolder {
        static final List<org.latentlab.model.edit.DesignTemplates.Template> ALL = ZooDesigns.templates();
    }

    @SuppressWarnings("unchecked")
    private static Experiment<org.latentlab.train.ReconstructionStatus> asModel(Experiment<?> e) {
        return (Experiment<org.latentlab.train.ReconstructionStatus>) e;
    }

    private static Map<Role, NetworkSpec> requireValid(ModelDesign design) {
        var check = design.check();
        if (!check.isValid()) {
            throw new LabException("the design has " + check.errors().size() + " error(s): " + check.errors().stream()
                    .map(Diagnostic::toString).collect(Collectors.joining("; ")));
        }
        return check.requireValid();
    }

    static void requireSameSize(String what, int size, String other, int otherSize) {
        if (size != otherSize) {
            throw new LabException(what + " has " + size + " values but " + other + " has " + otherSize
                    + ": set the design's data shape to match, or pick another preset");
        }
    }
}
