package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.train.Evaluation;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.sbn.SbnTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.Map;

/**
 * The sigmoid belief net family for {@link ExperimentRunner}: the images split into a training part and
 * {@code heldOut} images, a metrics row (the batch's and the held-out bound, the reconstruction part) and a picture
 * every {@code sampleInterval} iterations, and the net saved every {@code checkpointInterval} ({@link
 * SbnCheckpoint}). Its statuses are the autoencoder / VAE / RBM bench's, so that bench trains it.
 */
final class SbnRecipe extends BenchRecipe<SbnExperiment, SbnTrainer, SbnViews> {

    static final SbnRecipe INSTANCE = new SbnRecipe();
    /** The most parameters a net may have (about 200 MB of doubles with its copies). */
    static final long MAX_PARAMETERS = 20_000_000L;

    private SbnRecipe() {
        super(SbnTrainer.class, SbnExperiment::heldOut, SbnCheckpoint::save, SbnCheckpoint::restore);
    }

    @Override
    public void checkFits(SbnExperiment spec, DataSource train) {
        if (!(train instanceof ExampleSet)) {
            throw new LabException("experiment '" + spec.name() + "': a sigmoid belief net trains on a finite set"
                    + " of images with some held out, not on " + train.name());
        }
        long params = parameters(spec, train.dimension());
        if (params > MAX_PARAMETERS) {
            throw new LabException(String.format(java.util.Locale.ROOT, "experiment '%s': %,d weights and biases"
                    + " is more than a sigmoid belief net of this lab holds (%,d): use fewer or smaller hidden"
                    + " layers", spec.name(), params, MAX_PARAMETERS));
        }
    }

    /** Generative and recognition weights and biases of the net on {@code visible} pixels. */
    static long parameters(SbnExperiment spec, int visible) {
        long n = visible;
        long below = visible;
        for (int h : spec.sbn().hidden()) {
            n += 2 * below * h + 2L * h;
            below = h;
        }
        return n;
    }

    @Override
    public long checkpointBytes(SbnExperiment spec, int dataDimension) {
        return parameters(spec, dataDimension) * Double.BYTES + 4096;
    }

    @Override
    public Trainer buildTrainer(SbnExperiment spec, DataSource train, DataType dataType) {
        return new SbnTrainer(spec.sbn(), (ExampleSet) train, spec.seed());
    }

    @Override
    SbnViews newViews(SbnExperiment spec, ExperimentData.Split split) {
        return new SbnViews(split.heldOut(), split.train().shape(), spec.seed());
    }

    @Override
    Map<String, Double> batchLosses(SbnTrainer trainer) {
        return trainer.lastLosses();
    }

    /** The status of a wake-sleep run: the last measured batch's bound and reconstruction, the net's sizes. */
    @Override
    ReconstructionStatus status(TrainingRun.Progress p, SbnTrainer trainer, Evaluation evaluation,
                                ReconstructionView view) {
        return new ReconstructionStatus(p, measured(trainer.lastLosses()), Double.NaN, "wake-sleep "
                + trainer.net().toString().replace("sigmoid belief net ", ""), trainer.describeSettings(), evaluation,
                view);
    }
}
