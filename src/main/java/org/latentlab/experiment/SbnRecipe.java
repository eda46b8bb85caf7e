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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sigmoid belief net family for {@link ExperimentRunner}: the images split into a training part and
 * {@code heldOut} images, a metrics row (the batch's and the held-out bound, the reconstruction part) and a picture
 * every {@code sampleInterval} iterations, and the net saved every {@code checkpointInterval} ({@link
 * SbnCheckpoint}). Its statuses are the autoencoder / VAE / RBM bench's, so that bench trains it.
 */
final class SbnRecipe implements FamilyRecipe<SbnExperiment, Trainer, ReconstructionStatus> {

    static final SbnRecipe INSTANCE = new SbnRecipe();
    /** The most parameters a net may have (about 200 MB of doubles with its copies). */
    static final long MAX_PARAMETERS = 20_000_000L;

    private SbnRecipe() {
    }

    @Override
    public ExperimentData.Split data(SbnExperiment spec, Path baseDir) {
        return ExperimentData.split(ExperimentData.open(spec, baseDir), spec.heldOut(), spec.seed());
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
    public void restore(Path checkpoint, Trainer trainer) {
        SbnCheckpoint.restore(checkpoint, (SbnTrainer) trainer);
    }

    @Override
    public RecordingHooks<Trainer, ReconstructionStatus, ?> hooks(SbnExperiment spec, ExperimentData.Split data,
                                                                 ExperimentRunner.Options options,
                                                                 RunStore existing) {
        return new Hooks(spec, data, existing == null ? options.runsRoot() : null, existing, options.baseDir());
    }

    /** The status of a wake-sleep run: the last measured batch's bound and reconstruction, the net's sizes. */
    static ReconstructionStatus status(TrainingRun.Progress p, Trainer trainer, Evaluation evaluation,
                                       ReconstructionView view) {
        SbnTrainer t = (SbnTrainer) trainer;
        Map<String, Double> losses = new LinkedHashMap<>(t.lastLosses());
        losses.values().removeIf(v -> !Double.isFinite(v)); // none measured yet (a resumed run before its first step)
        return new ReconstructionStatus(p, losses, Double.NaN, "wake-sleep " + t.net().toString()
                .replace("sigmoid belief net ", ""), t.describeSettings(), evaluation, view);
    }

    /** Metrics, pictures and checkpoints as the run goes; the bench's statuses. */
    static final class Hooks extends RecordingHooks<Trainer, ReconstructionStatus, SbnViews> {
        private final SbnExperiment spec;
        private final ExperimentData.Split split;
        private final Path runsRoot;
        private final Path dataBaseDir;

        Hooks(SbnExperiment spec, ExperimentData.Split split, Path runsRoot, RunStore existing, Path baseDir) {
            super(spec.sampleInterval(), spec.checkpointInterval(), runsRoot != null);
            this.spec = spec;
            this.split = split;
            this.runsRoot = runsRoot;
            this.store = existing;
            this.dataBaseDir = baseDir == null ? null : baseDir.toAbsolutePath().normalize();
        }

        @Override
        SbnViews newViews(Trainer trainer) {
            return new SbnViews(split.heldOut(), split.train().shape(), spec.seed());
        }

        @Override
        void write(RunStore s, Trainer trainer, Evaluation evaluation, double elapsedSeconds) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("iteration", (double) trainer.iteration());
            row.put("elapsed_s", elapsedSeconds);
            ((SbnTrainer) trainer).lastLosses().forEach((k, v) -> row.put(k.replace(' ', '_') + "_batch", v));
            evaluation.values().forEach((m, v) -> row.put(m.column(), v));
            s.appendRow(row);
            views.write(views.view(trainer), s.samplePath(trainer.iteration()));
        }

        /** "negative_bound_batch" is the loss part "negative bound" (the column {@link #write} makes). */
        @Override
        String lossPart(String column) {
            return column.endsWith("_batch") ? column.substring(0, column.length() - "_batch".length())
                    .replace('_', ' ') : null;
        }

        @Override
        boolean save(RunStore s, Trainer trainer) {
            SbnCheckpoint.save(s.dir(), (SbnTrainer) trainer);
            return true;
        }

        @Override
        RunStore createStore() {
            return RunStore.create(runsRoot, spec, split.train().contentHash(), dataBaseDir);
        }

        @Override
        ReconstructionStatus status(TrainingRun.Progress progress, Trainer trainer, Evaluation evaluation,
                                    SbnViews views, boolean withView) {
            if (trainer == null) {
                return new ReconstructionStatus(progress, Map.of(), Double.NaN, "", "", evaluation, null);
            }
            ReconstructionView view = withView ? safely(() -> views.view(trainer)) : null;
            return SbnRecipe.status(progress, trainer, evaluation, view);
        }
    }
}
