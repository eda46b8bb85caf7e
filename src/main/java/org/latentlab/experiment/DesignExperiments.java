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
 * training settings with the design's networks in place of the preset's, and the compiled DL4J networks written as
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
    public record Gan(ExperimentSpec spec) implements Trainable {
        @Override
        public String name() {
            return spec.name();
        }
    }

    /** For the autoencoder / VAE / RBM bench. */
    public record Model(ModelExperiment spec) implements Trainable {
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
        Map<Role, NetworkSpec> specs = requireValid(design);
        String name = design.name().replaceAll("[^A-Za-z0-9._-]+", "-");
        String description = "built in the network builder from " + preset + ": " + design.description();
        if (design.family() == ModelFamily.GAN || design.family() == ModelFamily.WGAN) {
            if (Presets.isModel(preset)) {
                throw new LabException("'" + preset + "' is an autoencoder / VAE / RBM preset; a "
                        + design.family().id() + " design trains with a GAN preset");
            }
            ExperimentSpec base = Presets.load(preset);
            NetworkSpec g = specs.get(Role.GENERATOR);
            NetworkSpec d = specs.get(design.family() == ModelFamily.WGAN ? Role.CRITIC : Role.DISCRIMINATOR);
            requireSameSize("the generator's output", g.output().size(), "the data of " + preset,
                    base.generator().output().size());
            try {
                return new Gan(new ExperimentSpec(name, description, base.seed(), base.dataset(), g, d,
                        base.training(), base.iterations(), base.sampleInterval(), base.checkpointInterval()));
            } catch (IllegalArgumentException e) {
                throw new LabException("cannot train the design with " + preset + ": " + e.getMessage(), e);
            }
        }
        if (!Presets.isModel(preset)) {
            throw new LabException("'" + preset + "' is a GAN preset; a " + design.family().id()
                    + " design trains with an autoencoder, VAE or RBM preset");
        }
        ModelExperiment base = Presets.loadModel(preset);
        try {
            if (design.family() == ModelFamily.RBM) {
                RbmSettings r = base.rbm();
                if (r == null) {
                    throw new LabException("'" + preset + "' is not an RBM preset");
                }
                RbmSettings rbm = new RbmSettings(design.rbmHidden(), r.k(), r.persistent(), r.learningRate(),
                        r.momentum(), r.weightDecay(), r.batchSize(), r.iterationsPerLayer());
                return new Model(new ModelExperiment(name, description, base.family(), base.seed(), base.dataset(),
                        null, null, null, rbm, base.iterations(), base.sampleInterval(), base.checkpointInterval(),
                        base.heldOut()));
            }
            if (base.encoder() == null) {
                throw new LabException("'" + preset + "' is an RBM preset; an " + design.family().id()
                        + " design trains with an autoencoder or VAE preset");
            }
            NetworkSpec enc = specs.get(Role.ENCODER);
            NetworkSpec dec = specs.get(Role.DECODER);
            requireSameSize("the encoder's input", enc.input().size(), "the data of " + preset,
                    base.encoder().input().size());
            ModelExperiment.Family family = design.family() == ModelFamily.VAE ? ModelExperiment.Family.VAE
                    : ModelExperiment.Family.AUTOENCODER;
            if (family != base.family()) {
                throw new LabException("'" + preset + "' trains a " + base.family().id() + ", the design is a "
                        + family.id());
            }
            return new Model(new ModelExperiment(name, description, family, base.seed(), base.dataset(), enc, dec,
                    base.training(), null, base.iterations(), base.sampleInterval(), base.checkpointInterval(),
                    base.heldOut()));
        } catch (IllegalArgumentException e) {
            throw new LabException("cannot train the design with " + preset + ": " + e.getMessage(), e);
        }
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

    private static Map<Role, NetworkSpec> requireValid(ModelDesign design) {
        var check = design.check();
        if (!check.isValid()) {
            throw new LabException("the design has " + check.errors().size() + " error(s): " + check.errors().stream()
                    .map(Diagnostic::toString).collect(Collectors.joining("; ")));
        }
        return check.requireValid();
    }

    private static void requireSameSize(String what, int size, String other, int otherSize) {
        if (size != otherSize) {
            throw new LabException(what + " has " + size + " values but " + other + " has " + otherSize
                    + ": set the design's data shape to match, or pick another preset");
        }
    }
}
