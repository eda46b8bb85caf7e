package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.train.Evaluation;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.aae.AaeNetworks;
import org.latentlab.train.aae.AaeTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.Map;

/**
 * The adversarial autoencoder family for {@link ExperimentRunner}: the images split into a training part and
 * {@code heldOut} images, a metrics row (the last batch's three losses, the held-out reconstruction cost and
 * code-versus-prior MMD²) and a picture every {@code sampleInterval} iterations, and the four networks saved every
 * {@code checkpointInterval} ({@link AaeCheckpoint}). Its statuses are the autoencoder / VAE / RBM bench's.
 */
final class AaeRecipe extends BenchRecipe<AaeExperiment, AaeTrainer, AaeViews> {

    static final AaeRecipe INSTANCE = new AaeRecipe();
    /** The most parameters the three networks may have together (with the encoder's copy and Adam's moments). */
    static final long MAX_PARAMETERS = 20_000_000L;

    private AaeRecipe() {
        super(AaeTrainer.class, AaeExperiment::heldOut, AaeCheckpoint::save, AaeCheckpoint::restore);
    }

    @Override
    public void checkFits(AaeExperiment spec, DataSource train) {
        if (!(train instanceof ExampleSet set)) {
            throw new LabException("experiment '" + spec.name() + "': an adversarial autoencoder trains on a finite"
                    + " set of images with some held out, not on " + train.name());
        }
        if (spec.aae().supervised() && !set.hasLabels()) {
            throw new LabException("experiment '" + spec.name() + "': the label-conditioned adversarial autoencoder"
                    + " needs labelled images; " + train.name() + " has no labels (set aae.supervised to false)");
        }
        long params = parameters(spec, train.dimension());
        if (params > MAX_PARAMETERS) {
            throw new LabException(String.format(java.util.Locale.ROOT, "experiment '%s': %,d weights and biases"
                    + " is more than an adversarial autoencoder of this lab holds (%,d): use fewer or smaller hidden"
                    + " layers", spec.name(), params, MAX_PARAMETERS));
        }
    }

    /** Weights and biases of the encoder, the decoder and the discriminator on {@code visible} pixels. */
    static long parameters(AaeExperiment spec, int visible) {
        return AaeNetworks.parameters(spec.aae(), visible);
    }

    @Override
    public long checkpointBytes(AaeExperiment spec, int dataDimension) {
        // four model zips (the encoder twice), each with Adam's two moments: 3 numbers per parameter
        long encoder = AaeNetworks.parameters(spec.aae(), dataDimension);
        return (encoder + AaeNetworks.parameters(spec.aae(), dataDimension)) * 3 * Float.BYTES + 16384;
    }

    @Override
    public Trainer buildTrainer(AaeExperiment spec, DataSource train, DataType dataType) {
        return new AaeTrainer(spec.aae(), (ExampleSet) train, spec.seed(), dataType);
    }

    @Override
    AaeViews newViews(AaeExperiment spec, ExperimentData.Split split) {
        return new AaeViews(split.heldOut(), split.train().shape(), spec.aae(), spec.seed());
    }

    @Override
    Map<String, Double> batchLosses(AaeTrainer trainer) {
        return trainer.lastLosses();
    }

    /** The status of a run: the last batch's three losses, the networks' sizes. */
    @Override
    ReconstructionStatus status(TrainingRun.Progress p, AaeTrainer trainer, Evaluation evaluation,
                                ReconstructionView view) {
        return new ReconstructionStatus(p, measured(trainer.lastLosses()), Double.NaN,
                "reconstruction, then regularisation", trainer.describeSettings(), evaluation, view);
    }
}
