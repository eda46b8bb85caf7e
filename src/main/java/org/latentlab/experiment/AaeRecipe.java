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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The adversarial autoencoder family for {@link ExperimentRunner}: the images split into a training part and
 * {@code heldOut} images, a metrics row (the last batch's three losses, the held-out reconstruction cost and
 * code-versus-prior MMD²) and a picture every {@code sampleInterval} iterations, and the four networks saved every
 * {@code checkpointInterval} ({@link AaeCheckpoint}). Its statuses are the autoencoder / VAE / RBM bench's.
 */
final class AaeRecipe implements FamilyRecipe<AaeExperiment, Trainer, ReconstructionStatus> {

    static final AaeRecipe INSTANCE = new AaeRecipe();
    /** The most parameters the three networks may have together (with the encoder's copy and Adam's moments). */
    static final long MAX_PARAMETERS = 20_000_000L;

    private AaeRecipe() {
    }

    @Override
    public ExperimentData.Split data(AaeExperiment spec, Path baseDir) {
        return ExperimentData.split(ExperimentData.open(spec, baseDir), spec.heldOut(), spec.seed());
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
    public void restore(Path checkpoint, Trainer trainer) {
        AaeCheckpoint.restore(checkpoint, (AaeTrainer) trainer);
    }

    @Override
    public RecordingHooks<Trainer, ReconstructionStatus, ?> hooks(AaeExperiment spec, ExperimentData.Split data,
                                                                 ExperimentRunner.Options options,
                                                                 RunStore existing) {
        return new Hooks(spec, data, existing == null ? options.runsRoot() : null, existing, options.baseDir());
    }

    /** The status of a run: the last batch's three losses, the networks' sizes. */
    static ReconstructionStatus status(TrainingRun.Progress p, Trainer trainer, Evaluation evaluation,
                                       ReconstructionView view) {
        AaeTrainer t = (AaeTrainer) trainer;
        Map<String, Double> losses = new LinkedHashMap<>(t.lastLosses());
        losses.values().removeIf(v -> !Double.isFinite(v)); // none measured yet (a resumed run before its first step)
        return new ReconstructionStatus(p, losses, Double.NaN, "reconstruction, then regularisation",
                t.describeSettings(), evaluation, view);
    }

    /** Metrics, pictures and checkpoints as the run goes; the bench's statuses. */
    static final class Hooks extends RecordingHooks<Trainer, ReconstructionStatus, AaeViews> {
        private final AaeExperiment spec;
        private final ExperimentData.Split split;
        private final Path runsRoot;
        private final Path dataBaseDir;

        Hooks(AaeExperiment spec, ExperimentData.Split split, Path runsRoot, RunStore existing, Path baseDir) {
            super(spec.sampleInterval(), spec.checkpointInterval(), runsRoot != null);
            this.spec = spec;
            this.split = split;
            this.runsRoot = runsRoot;
            this.store = existing;
            this.dataBaseDir = baseDir == null ? null : baseDir.toAbsolutePath().normalize();
        }

        @Override
        AaeViews newViews(Trainer trainer) {
            return new AaeViews(split.heldOut(), split.train().shape(), spec.aae(), spec.seed());
        }

        @Override
        void write(RunStore s, Trainer trainer, Evaluation evaluation, double elapsedSeconds) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("iteration", (double) trainer.iteration());
            row.put("elapsed_s", elapsedSeconds);
            ((AaeTrainer) trainer).lastLosses().forEach((k, v) -> row.put(k.replace(' ', '_') + "_batch", v));
            evaluation.values().forEach((m, v) -> row.put(m.column(), v));
            s.appendRow(row);
            views.write(views.view(trainer), s.samplePath(trainer.iteration()));
        }

        /** "encoder_adversarial_batch" is the loss part "encoder adversarial" (the column {@link #write} makes). */
        @Override
        String lossPart(String column) {
            return column.endsWith("_batch") ? column.substring(0, column.length() - "_batch".length())
                    .replace('_', ' ') : null;
        }

        @Override
        boolean save(RunStore s, Trainer trainer) {
            AaeCheckpoint.save(s.dir(), (AaeTrainer) trainer);
            return true;
        }

        @Override
        RunStore createStore() {
            return RunStore.create(runsRoot, spec, split.train().contentHash(), dataBaseDir);
        }

        @Override
        ReconstructionStatus status(TrainingRun.Progress progress, Trainer trainer, Evaluation evaluation,
                                    AaeViews views, boolean withView) {
            if (trainer == null) {
                return new ReconstructionStatus(progress, Map.of(), Double.NaN, "", "", evaluation, null);
            }
            ReconstructionView view = withView ? safely(() -> views.view(trainer)) : null;
            return AaeRecipe.status(progress, trainer, evaluation, view);
        }
    }
}
