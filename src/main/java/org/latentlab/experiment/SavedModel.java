package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model read back from a run folder: the experiment it came from, one checkpoint's networks (G and D, or
 * encoder and decoder) and the data it was trained on, with the held-out part for autoencoders. What the geometry
 * and latent screens and the CLI's analysis commands work on. The networks are fresh copies owned by the caller.
 *
 * <p>Accepts a run folder (its latest checkpoint) or one checkpoint folder inside it
 * ({@code runs/…/checkpoints/iter-N}).
 */
public final class SavedModel {


    private final Path runDir;
    private final Path checkpoint;
    private final long iteration;
    private final Family kind;
    private final GanExperiment ganSpec;
    private final ReconstructionExperiment modelSpec;
    private final AaeExperiment aaeSpec;

    private SavedModel(Path runDir, Path checkpoint, long iteration, Family kind, GanExperiment ganSpec,
                       ReconstructionExperiment modelSpec) {
        this(runDir, checkpoint, iteration, kind, ganSpec, modelSpec, null);
    }

    private SavedModel(Path runDir, Path checkpoint, long iteration, Family kind, GanExperiment ganSpec,
                       ReconstructionExperiment modelSpec, AaeExperiment aaeSpec) {
        this.aaeSpec = aaeSpec;
        this.runDir = runDir;
        this.checkpoint = checkpoint;
        this.iteration = iteration;
        this.kind = kind;
        this.ganSpec = ganSpec;
        this.modelSpec = modelSpec;
    }

    /** Opens a run folder (latest checkpoint) or a checkpoint folder. */
    public static SavedModel open(Path path) {
        if (!Files.isDirectory(path)) {
            throw new LabException(path + ": no such run or checkpoint folder");
        }
        Path runDir;
        Path checkpoint;
        if (Files.isRegularFile(path.resolve("spec.json"))) {
            runDir = path;
            checkpoint = latest(path);
            if (checkpoint == null) {
                throw new LabException(path + " has no complete checkpoint yet: train it further, or give a"
                        + " checkpoint folder");
            }
        } else if (path.getParent() != null && path.getParent().getParent() != null
                && Files.isRegularFile(path.getParent().getParent().resolve("spec.json"))) {
            runDir = path.getParent().getParent();
            checkpoint = path;
        } else {
            throw new LabException(path + " is neither a run folder (with spec.json) nor a checkpoint folder"
                    + " inside one (runs/<run>/checkpoints/iter-N)");
        }
        Path specFile = runDir.resolve("spec.json");
        String json = ExperimentFiles.readText(specFile);
        long iteration = iterationOf(checkpoint);
        Experiment<?> spec = ExperimentFiles.parse(json, specFile.toString());
        if (spec instanceof GanExperiment gan) {
            requireFile(checkpoint, "G.zip");
            requireFile(checkpoint, "D.zip");
            if (gan.learnsEncoder()) {
                requireFile(checkpoint, "E.zip");
            }
            return new SavedModel(runDir, checkpoint, iteration, Family.GAN, gan, null);
        }
        if (spec instanceof SbnExperiment) {
            throw new LabException(runDir.getFileName() + " is a sigmoid belief net run: the latent studio, the"
                    + " geometry bench and evaluations open GAN, autoencoder, VAE and RBM runs; its metrics.csv and"
                    + " samples/ hold its bound and pictures, and train --resume continues it");
        }
        if (spec instanceof CycleGanExperiment) {
            throw new LabException(runDir.getFileName() + " is a CycleGAN run: the latent studio, the geometry bench"
                    + " and evaluations open GAN, autoencoder, VAE and RBM runs; its metrics.csv and samples/ hold its"
                    + " measurements and pictures, and train --resume continues it");
        }
        if (spec instanceof VaeGanExperiment vaegan) {
            // its encoder and decoder, saved as a VAE's, open as the VAE they are (the discriminator stays behind)
            requireFile(checkpoint, "encoder.zip");
            requireFile(checkpoint, "decoder.zip");
            return new SavedModel(runDir, checkpoint, iteration, Family.VAE, null, vaegan.asVae());
        }
        if (spec instanceof AaeExperiment aae) {
            requireFile(checkpoint, "encoder.zip");
            requireFile(checkpoint, "decoder.zip");
            return new SavedModel(runDir, checkpoint, iteration, Family.AAE, null, null, aae);
        }
        ReconstructionExperiment model = (ReconstructionExperiment) spec;
        if (model.family() != Family.RBM) {
            requireFile(checkpoint, "encoder.zip");
            requireFile(checkpoint, "decoder.zip");
        }
        return new SavedModel(runDir, checkpoint, iteration, model.family(), null, model);
    }

    /**
     * Every intact checkpoint of a run (its manifest's sizes and hashes match), oldest first. Autoencoder, VAE and
     * RBM runs keep every checkpoint; GAN runs keep their two newest.
     */
    public static List<Path> checkpoints(Path runDir) {
        List<Path> found = new ArrayList<>(Checkpoints.newestFirst(runDir));
        found.removeIf(p -> Checkpoints.damage(p) != null);
        java.util.Collections.reverse(found);
        return found;
    }

    private static Path latest(Path runDir) {
        List<Path> all = checkpoints(runDir);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The iteration a checkpoint folder was saved at, from its name ({@code iter-N}). */
    public static long iterationOf(Path checkpoint) {
        return Checkpoints.iterationOf(checkpoint);
    }

    private static void requireFile(Path dir, String name) {
        if (!Files.isRegularFile(dir.resolve(name))) {
            throw new LabException(dir + ": " + name + " is missing; the checkpoint is incomplete");
        }
    }

    private MultiLayerNetwork network(String file) {
        if (kind == Family.RBM) {
            throw new LabException(runDir.getFileName() + " is an RBM run: its machines are not DL4J networks;"
                    + " open an autoencoder, VAE or GAN run");
        }
        Path f = checkpoint.resolve(file);
        try {
            return ModelSerializer.restoreMultiLayerNetwork(f.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new LabException(f + ": cannot read the model: " + e.getMessage(), e);
        }
    }

    public MultiLayerNetwork generator() {
        requireKind(Family.GAN, "a generator");
        return network("G.zip");
    }

    public MultiLayerNetwork discriminator() {
        requireKind(Family.GAN, "a discriminator");
        return network("D.zip");
    }

    /** A BiGAN run's encoder E (Donahue et al. 2017). */
    public MultiLayerNetwork biganEncoder() {
        requireKind(Family.GAN, "a BiGAN encoder");
        if (!ganSpec().learnsEncoder()) {
            throw new LabException(runDir.getFileName() + " is a GAN without an encoder (no \"bigan\" in its"
                    + " experiment)");
        }
        return network("E.zip");
    }

    public MultiLayerNetwork encoder() {
        requireAutoencoder("an encoder");
        return network("encoder.zip");
    }

    public MultiLayerNetwork decoder() {
        requireAutoencoder("a decoder");
        return network("decoder.zip");
    }

    private void requireKind(Family wanted, String what) {
        if (kind != wanted) {
            throw new LabException(runDir.getFileName() + " is a " + kind.name().toLowerCase() + " run: it has no "
                    + what);
        }
    }

    private void requireAutoencoder(String what) {
        if (kind != Family.AUTOENCODER && kind != Family.VAE && kind != Family.AAE) {
            throw new LabException(runDir.getFileName() + " is a " + kind.name().toLowerCase() + " run: it has no "
                    + what);
        }
    }

    /** The training data, opened as the run opened it (images in [-1, 1] for GANs, [0, 1] otherwise). */
    public DataSource data() {
        Path base = RunStore.dataBaseDir(runDir);
        if (kind == Family.GAN) {
            return ExperimentData.open(ganSpec, base == null ? runDir : base);
        }
        return ExperimentData.open(kind == Family.AAE ? aaeSpec : modelSpec, base == null ? runDir : base);
    }

    /**
     * The examples the model was not trained on (an autoencoder's held-out split), or null when there are none
     * (GANs, and sampled toy distributions).
     */
    public ExampleSet heldOut() {
        if (kind == Family.GAN) {
            return null;
        }
        return ExperimentData.split(data(), heldOutCount(), spec().seed()).heldOut();
    }

    /** The training part of the data (the whole data set for a GAN). */
    public DataSource trainingData() {
        DataSource d = data();
        return kind == Family.GAN ? d : ExperimentData.split(d, heldOutCount(), spec().seed()).train();
    }

    private int heldOutCount() {
        return kind == Family.AAE ? aaeSpec.heldOut() : modelSpec.heldOut();
    }

    /** The adversarial autoencoder experiment, or null. */
    public AaeExperiment aaeSpec() {
        return aaeSpec;
    }

    public Path runDir() {
        return runDir;
    }

    public Path checkpoint() {
        return checkpoint;
    }

    public long iteration() {
        return iteration;
    }

    public Family kind() {
        return kind;
    }

    /** The GAN experiment, or null. */
    public GanExperiment ganSpec() {
        return ganSpec;
    }

    /** The autoencoder / VAE / RBM experiment, or null. */
    public ReconstructionExperiment modelSpec() {
        return modelSpec;
    }

    public String name() {
        return spec().name();
    }

    /** The experiment the run trained, of whatever family. */
    public Experiment<?> spec() {
        return kind == Family.GAN ? ganSpec : kind == Family.AAE ? aaeSpec : modelSpec;
    }

    @Override
    public String toString() {
        return name() + " (" + kind.name().toLowerCase() + ") at iteration " + iteration + " from " + runDir;
    }
}
