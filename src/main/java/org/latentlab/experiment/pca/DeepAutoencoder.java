package org.latentlab.experiment.pca;

import org.latentlab.core.LabException;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SavedModel;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

/**
 * An autoencoder to compare with PCA: its trainer (networks, data and settings), its name, and its codes and
 * reconstructions of plain arrays in inference mode (σ applied to a Bernoulli decoder's logits). Owned by one
 * thread, like the trainer.
 */
public final class DeepAutoencoder {

    private final String name;
    private final AutoencoderTrainer trainer;
    private final ExperimentData.Split split;

    DeepAutoencoder(String name, AutoencoderTrainer trainer, ExperimentData.Split split) {
        this.name = name;
        this.trainer = trainer;
        this.split = split;
    }

    /** A new, untrained autoencoder of {@code spec} (its pretraining replaced by {@code pretraining}). */
    static DeepAutoencoder build(ReconstructionExperiment spec, ExperimentData.Split split,
                                 AutoencoderSettings.Pretraining pretraining, long seed) {
        requireAutoencoder(spec);
        AutoencoderSettings t = spec.training();
        int perLayer = pretraining == AutoencoderSettings.Pretraining.NONE ? 0
                : Math.max(1, t.pretrainIterations());
        AutoencoderSettings settings = t.withPretraining(pretraining, perLayer);
        var enc = NetworkCompiler.compile(spec.encoder(), t.optimizer(), seed, DataType.FLOAT);
        var dec = NetworkCompiler.compile(spec.decoder(), t.optimizer(), seed + 1, DataType.FLOAT);
        AutoencoderTrainer trainer = new AutoencoderTrainer(enc, dec, split.train(), settings,
                AutoencoderTrainer.Kind.AUTOENCODER, seed);
        return new DeepAutoencoder(spec.name(), trainer, split);
    }

    /** The autoencoder saved in a run folder (its latest checkpoint) or a checkpoint folder. */
    public static DeepAutoencoder open(Path run) {
        SavedModel saved = SavedModel.open(run);
        if (saved.kind() != Family.AUTOENCODER) {
            throw new LabException(saved.name() + " is a " + saved.kind().name().toLowerCase()
                    + " run: compare an autoencoder run with PCA");
        }
        ReconstructionExperiment spec = saved.modelSpec();
        ExperimentData.Split split = ExperimentData.split(saved.data(), spec.heldOut(), spec.seed());
        AutoencoderSettings settings = spec.training().withPretraining(AutoencoderSettings.Pretraining.NONE, 0);
        AutoencoderTrainer trainer = new AutoencoderTrainer(saved.encoder(), saved.decoder(), split.train(), settings,
                AutoencoderTrainer.Kind.AUTOENCODER, spec.seed());
        return new DeepAutoencoder(spec.name() + " at iteration " + saved.iteration(), trainer, split);
    }

    static void requireAutoencoder(ReconstructionExperiment spec) {
        if (spec.family() != Family.AUTOENCODER) {
            throw new LabException(spec.name() + " is not an autoencoder (its family is "
                    + spec.family().name().toLowerCase() + "): choose an autoencoder preset");
        }
    }

    public String name() {
        return name;
    }

    AutoencoderTrainer trainer() {
        return trainer;
    }

    /** The training and held-out data it was made with. */
    public ExperimentData.Split split() {
        return split;
    }

    public int codeDim() {
        return trainer.codeDim();
    }

    /** The code of each image. */
    public double[][] codes(double[][] images) {
        return rows(trainer.encode(matrix(images)), images.length);
    }

    /** The reconstruction of each image, as pixel values. */
    public double[][] reconstruct(double[][] images) {
        return rows(trainer.reconstruct(matrix(images)), images.length);
    }

    private INDArray matrix(double[][] images) {
        return Nd4j.create(images).castTo(trainer.dataType());
    }

    private static double[][] rows(INDArray a, int n) {
        double[][] out = a.castTo(DataType.DOUBLE).reshape(n, a.length() / n).toDoubleMatrix();
        return out;
    }

    @Override
    public String toString() {
        return name + " (" + codeDim() + "-D code)";
    }
}
