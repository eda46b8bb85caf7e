package org.latentlab.experiment;

import org.latentlab.train.Evaluation;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

/**
 * What the families with a trainer and a checkpoint of their own share (the sigmoid belief net, the adversarial
 * autoencoder, the VAE-GAN, the CycleGAN): their statuses are the autoencoder / VAE / RBM bench's, so that bench
 * trains them; the data is split into a training part and {@code heldOut} examples; every {@code sampleInterval}
 * iterations a metrics row (the iteration, the seconds elapsed, the last batch's losses, the held-out measurements)
 * and the family's picture go into the run folder, and every {@code checkpointInterval} the family's own checkpoint.
 * A family supplies its checks, its trainer, its views, its losses, its checkpoint and its status line.
 *
 * @param <E> the family's experiment
 * @param <T> its trainer
 * @param <V> its views
 */
abstract class BenchRecipe<E extends Experiment<ReconstructionStatus>, T extends Trainer,
        V extends FamilyViews<Trainer, ReconstructionView>> implements FamilyRecipe<E, Trainer, ReconstructionStatus> {

    private final Class<T> trainerType;
    private final ToIntFunction<E> heldOut;
    private final BiConsumer<Path, T> save;
    private final BiConsumer<Path, T> load;

    /**
     * @param trainerType the family's trainer, which every trainer handed back to this recipe is
     * @param heldOut     how many examples an experiment keeps out of training
     * @param save        saves the trainer's checkpoint into a run folder
     * @param load        loads a checkpoint folder into a trainer freshly built from the same experiment
     */
    BenchRecipe(Class<T> trainerType, ToIntFunction<E> heldOut, BiConsumer<Path, T> save, BiConsumer<Path, T> load) {
        this.trainerType = trainerType;
        this.heldOut = heldOut;
        this.save = save;
        this.load = load;
    }

    /** The views (measurements and pictures) of a freshly built trainer of {@code spec} on {@code split}. */
    abstract V newViews(E spec, ExperimentData.Split split);

    /** The last batch's losses for the metrics row, each named as {@link #column} makes a CSV column of it. */
    abstract Map<String, Double> batchLosses(T trainer);

    /** The status of a run with a trainer, the measurement not yet published (or null) and the view (or null). */
    abstract ReconstructionStatus status(TrainingRun.Progress progress, T trainer, Evaluation evaluation,
                                         ReconstructionView view);

    /** A loss's CSV column in the metrics row: "negative bound" as {@code negative_bound_batch}. */
    String column(String loss) {
        return loss.replace(' ', '_') + "_batch";
    }

    /**
     * The loss parts a reopened run's charts draw again from its metrics, each found by the column {@link #column}
     * makes of it; empty (the default): every {@code _batch} column, read back as {@link #column} writes it.
     */
    java.util.List<String> drawnLossParts() {
        return java.util.List.of();
    }

    /** The loss part recorded in metrics column {@code column}, or null when the charts do not draw it. */
    String lossPart(String column) {
        java.util.List<String> parts = drawnLossParts();
        if (!parts.isEmpty()) {
            return parts.stream().filter(p -> column(p).equals(column)).findFirst().orElse(null);
        }
        return column.endsWith("_batch") ? column.substring(0, column.length() - "_batch".length()).replace('_', ' ')
                : null;
    }

    /** The examples opened from the experiment's data set, with its last {@code heldOut} (once shuffled) kept out. */
    @Override
    public ExperimentData.Split data(E spec, Path baseDir) {
        return ExperimentData.split(ExperimentData.open(spec, baseDir), heldOut.applyAsInt(spec), spec.seed());
    }

    @Override
    public final void restore(Path checkpoint, Trainer trainer) {
        load.accept(checkpoint, trainerType.cast(trainer));
    }

    @Override
    public final RecordingHooks<Trainer, ReconstructionStatus, ?> hooks(E spec, ExperimentData.Split data,
                                                                       ExperimentRunner.Options options,
                                                                       RunStore existing) {
        return new Hooks(spec, data, existing == null ? options.runsRoot() : null, existing, options.baseDir());
    }

    /** {@code losses} without those not measured yet (a resumed run before its first step has only NaN). */
    static Map<String, Double> measured(Map<String, Double> losses) {
        Map<String, Double> kept = new LinkedHashMap<>(losses);
        kept.values().removeIf(v -> !Double.isFinite(v));
        return kept;
    }

    /** Metrics, pictures and checkpoints as the run goes; the bench's statuses. */
    final class Hooks extends RecordingHooks<Trainer, ReconstructionStatus, V> {
        private final E spec;
        private final ExperimentData.Split split;
        private final Path runsRoot;
        private final Path dataBaseDir;

        Hooks(E spec, ExperimentData.Split split, Path runsRoot, RunStore existing, Path baseDir) {
            super(spec.sampleInterval(), spec.checkpointInterval(), runsRoot != null);
            this.spec = spec;
            this.split = split;
            this.runsRoot = runsRoot;
            this.store = existing;
            this.dataBaseDir = baseDir == null ? null : baseDir.toAbsolutePath().normalize();
        }

        @Override
        V newViews(Trainer trainer) {
            return BenchRecipe.this.newViews(spec, split);
        }

        @Override
        void write(RunStore s, Trainer trainer, Evaluation evaluation, double elapsedSeconds) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("iteration", (double) trainer.iteration());
            row.put("elapsed_s", elapsedSeconds);
            batchLosses(trainerType.cast(trainer)).forEach((k, v) -> row.put(column(k), v));
            evaluation.values().forEach((m, v) -> row.put(m.column(), v));
            s.appendRow(row);
            views.write(views.view(trainer), s.samplePath(trainer.iteration()));
        }

        @Override
        String lossPart(String column) {
            return BenchRecipe.this.lossPart(column);
        }

        @Override
        boolean save(RunStore s, Trainer trainer) {
            save.accept(s.dir(), trainerType.cast(trainer));
            return true;
        }

        @Override
        RunStore createStore() {
            return RunStore.create(runsRoot, spec, split.train().contentHash(), dataBaseDir);
        }

        @Override
        ReconstructionStatus status(TrainingRun.Progress progress, Trainer trainer, Evaluation evaluation,
                                    V views, boolean withView) {
            if (trainer == null) {
                return new ReconstructionStatus(progress, Map.of(), Double.NaN, "", "", evaluation, null);
            }
            ReconstructionView view = withView ? safely(() -> views.view(trainer)) : null;
            return BenchRecipe.this.status(progress, trainerType.cast(trainer), evaluation, view);
        }
    }
}
