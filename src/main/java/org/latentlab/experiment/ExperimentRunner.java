package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.train.Backend;
import org.latentlab.train.GanStatus;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.TrainingStatus;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Starts and resumes experiments of every family: the data opened and checked against the networks and the
 * memory, the runs folder checked for room, a {@link TrainingRun} on its own thread whose {@link RecordingHooks}
 * write measurements, pictures and checkpoints into a {@link RunStore} folder, and statuses published to whoever
 * subscribes (the window, the command line). The families differ only in their {@link FamilyRecipe}.
 */
public final class ExperimentRunner {

    /** Where runs go and how often the dashboard hears from them. */
    public record Options(Path runsRoot, Path baseDir, long statusIntervalMillis, long viewIntervalMillis) {
        public static Options defaults() {
            return new Options(Path.of("runs"), Path.of("."), 100, 250);
        }

        /** The same options writing no run folder (a run to look at, not to keep). */
        public Options withoutFolders() {
            return new Options(null, baseDir, statusIntervalMillis, viewIntervalMillis);
        }
    }

    private ExperimentRunner() {
    }

    /**
     * A running experiment of any family: its spec, the training run on its own thread, and the run folder its
     * hooks write (once it exists). Closing it stops the run.
     *
     * @param <T> the trainer
     * @param <S> the status records the run publishes
     */
    public static final class Session<T extends Trainer, S extends TrainingStatus> implements AutoCloseable {
        private final Experiment<S> spec;
        private final TrainingRun<T, S> run;
        private final RecordingHooks<T, S, ?> hooks;

        private Session(Experiment<S> spec, TrainingRun<T, S> run, RecordingHooks<T, S, ?> hooks) {
            this.spec = spec;
            this.run = run;
            this.hooks = hooks;
        }

        public Experiment<S> spec() {
            return spec;
        }

        public TrainingRun<T, S> run() {
            return run;
        }

        /** The run folder, or null until the first write (or when runs are not stored). */
        public Path runDir() {
            RunStore s = hooks.store;
            return s == null ? null : s.dir();
        }

        /**
         * When a resume passed over damaged checkpoints: one line saying which it loaded and why (null otherwise,
         * and until the run's thread has loaded it).
         */
        public String resumeNote() {
            return hooks.resumeNote;
        }

        /**
         * The curves the run folder recorded before this session: for a resumed run, those up to the checkpoint it
         * loaded, complete before its first status; for a new run, nothing, at once. The screens draw them before the
         * statuses, so a reopened run's charts continue where they stopped.
         */
        public java.util.concurrent.CompletableFuture<RecordedCurves> recordedCurves() {
            return hooks.recorded.copy();
        }

        /**
         * Changes a paused run's settings from {@code from} to {@code to} on the run's thread: the changed fields must
         * be ones a paused run may change ({@link LiveSettings}), the trainer takes the new training block, and each
         * field changed is recorded with the iteration in the run folder's {@link SettingsChanges#FILE} (the folder
         * made now if the run had not written one yet). {@code accepted} is told {@code to} on the run's thread once
         * the trainer took it; a refusal becomes the run's message.
         */
        public void changeSettings(Experiment<?> from, Experiment<?> to,
                                   java.util.function.Consumer<Experiment<?>> accepted) {
            run.modify(t -> {
                List<SettingsChanges.Entry> changes = SettingsChanges.diff(from, to, t.iteration());
                if (changes.isEmpty()) {
                    return "settings unchanged";
                }
                SettingsChanges.checkLive(to.family(), changes);
                SettingsChanges.apply(t, to);
                accepted.accept(to);
                RunStore store = hooks.store();
                String fields = changes.stream().map(SettingsChanges.Entry::field)
                        .collect(java.util.stream.Collectors.joining(", "));
                if (store == null) {
                    return "settings changed at iteration " + t.iteration() + " (" + fields + "): "
                            + t.describeSettings();
                }
                try {
                    SettingsChanges.append(store.dir(), changes);
                } catch (LabException e) {
                    return "settings changed but not recorded: " + e.getMessage();
                }
                return "settings changed at iteration " + t.iteration() + " (" + fields + "), recorded in "
                        + SettingsChanges.FILE;
            });
        }

        /**
         * Saves a checkpoint of the run as it is now, on its thread between two iterations, so that it reopens at
         * this iteration (a session being saved). Completes with the run folder, or null when the run has not
         * trained yet (nothing to reopen but its experiment); fails when the checkpoint cannot be written.
         */
        public CompletableFuture<Path> checkpointNow() {
            CompletableFuture<Path> saved = new CompletableFuture<>();
            if (!run.isAlive()) {
                saved.complete(runDir());
                return saved;
            }
            run.query(t -> {
                try {
                    saved.complete(hooks.checkpointNow(t));
                } catch (RuntimeException e) {
                    saved.completeExceptionally(e);
                }
            });
            return saved;
        }

        /** Stops the run; once the caller has let go of this session its native memory goes back to the system. */
        @Override
        public void close() {
            run.close();
            NativeMemory.releaseSoon();
        }
    }

    /** A new GAN run; its folder is created when the first measurement is written ({@code runsRoot} null: none). */
    public static Session<GanTrainer, GanStatus> start(GanExperiment spec, Options options) {
        return start(GanRecipe.INSTANCE, spec, options);
    }

    /** A new autoencoder, VAE or RBM run. */
    public static Session<Trainer, ReconstructionStatus> start(ReconstructionExperiment spec, Options options) {
        return start(ReconstructionRecipe.INSTANCE, spec, options);
    }

    /** A new sigmoid belief net run (wake-sleep); its statuses are the autoencoder / VAE / RBM bench's. */
    public static Session<Trainer, ReconstructionStatus> start(SbnExperiment spec, Options options) {
        return start(SbnRecipe.INSTANCE, spec, options);
    }

    /** A new CycleGAN run; its statuses are the autoencoder / VAE / RBM bench's. */
    public static Session<Trainer, ReconstructionStatus> start(CycleGanExperiment spec, Options options) {
        return start(CycleGanRecipe.INSTANCE, spec, options);
    }

    /** A new VAE-GAN run; its statuses are the autoencoder / VAE / RBM bench's. */
    public static Session<Trainer, ReconstructionStatus> start(VaeGanExperiment spec, Options options) {
        return start(VaeGanRecipe.INSTANCE, spec, options);
    }

    /** A new adversarial autoencoder run; its statuses are the autoencoder / VAE / RBM bench's. */
    public static Session<Trainer, ReconstructionStatus> start(AaeExperiment spec, Options options) {
        return start(AaeRecipe.INSTANCE, spec, options);
    }

    /** A new run of any family the autoencoder / VAE / RBM bench trains ({@link Family#onModelBench()}). */
    public static Session<Trainer, ReconstructionStatus> startModel(Experiment<ReconstructionStatus> spec,
                                                                    Options options) {
        if (spec instanceof SbnExperiment s) {
            return start(s, options);
        }
        if (spec instanceof CycleGanExperiment c) {
            return start(c, options);
        }
        if (spec instanceof VaeGanExperiment v) {
            return start(v, options);
        }
        if (spec instanceof AaeExperiment a) {
            return start(a, options);
        }
        return start((ReconstructionExperiment) spec, options);
    }

    /** A new run of any family. */
    public static Session<? extends Trainer, ? extends TrainingStatus> start(Experiment<?> spec, Options options) {
        if (spec instanceof GanExperiment g) {
            return start(g, options);
        }
        if (spec instanceof SbnExperiment s) {
            return start(s, options);
        }
        if (spec instanceof CycleGanExperiment c) {
            return start(c, options);
        }
        if (spec instanceof VaeGanExperiment v) {
            return start(v, options);
        }
        if (spec instanceof AaeExperiment a) {
            return start(a, options);
        }
        return start((ReconstructionExperiment) spec, options);
    }

    /**
     * Continues the run in {@code runDir}, of whatever family its spec.json names, from its newest intact
     * checkpoint, writing into the same folder; a damaged newer checkpoint is passed over with a note
     * ({@link Session#resumeNote()}), and nothing in the folder changes until the checkpoint has loaded.
     */
    public static Session<? extends Trainer, ? extends TrainingStatus> resume(Path runDir, Options options) {
        Experiment<?> spec = ExperimentFiles.read(runDir.resolve("spec.json"));
        if (spec instanceof GanExperiment g) {
            return resume(GanRecipe.INSTANCE, g, runDir, options);
        }
        if (spec instanceof SbnExperiment s) {
            return resume(SbnRecipe.INSTANCE, s, runDir, options);
        }
        if (spec instanceof CycleGanExperiment c) {
            return resume(CycleGanRecipe.INSTANCE, c, runDir, options);
        }
        if (spec instanceof VaeGanExperiment v) {
            return resume(VaeGanRecipe.INSTANCE, v, runDir, options);
        }
        if (spec instanceof AaeExperiment a) {
            return resume(AaeRecipe.INSTANCE, a, runDir, options);
        }
        return resume(ReconstructionRecipe.INSTANCE, (ReconstructionExperiment) spec, runDir, options);
    }

    /** Continues a GAN run ({@link #resume}); another family's run is refused with a message. */
    public static Session<GanTrainer, GanStatus> resumeGan(Path runDir, Options options) {
        GanExperiment spec = ExperimentFiles.readGan(runDir.resolve("spec.json"));
        return resume(GanRecipe.INSTANCE, spec, runDir, options);
    }

    /**
     * Continues an autoencoder, VAE, RBM or sigmoid belief net run ({@link #resume}); a GAN run is refused with a
     * message.
     */
    public static Session<Trainer, ReconstructionStatus> resumeReconstruction(Path runDir, Options options) {
        Path specFile = runDir.resolve("spec.json");
        String json = ExperimentFiles.readText(specFile);
        if (ExperimentFiles.familyOf(json, specFile.toString()) == Family.SBN) {
            return resume(SbnRecipe.INSTANCE, ExperimentFiles.parseSbn(json, specFile.toString()), runDir, options);
        }
        if (ExperimentFiles.familyOf(json, specFile.toString()) == Family.CYCLEGAN) {
            return resume(CycleGanRecipe.INSTANCE, (CycleGanExperiment) ExperimentFiles.parseModel(json,
                    specFile.toString()), runDir, options);
        }
        if (ExperimentFiles.familyOf(json, specFile.toString()) == Family.VAEGAN) {
            return resume(VaeGanRecipe.INSTANCE, ExperimentFiles.parseVaeGan(json, specFile.toString()), runDir,
                    options);
        }
        if (ExperimentFiles.familyOf(json, specFile.toString()) == Family.AAE) {
            return resume(AaeRecipe.INSTANCE, ExperimentFiles.parseAae(json, specFile.toString()), runDir, options);
        }
        ReconstructionExperiment spec = ExperimentFiles.parseReconstruction(json, specFile.toString());
        return resume(ReconstructionRecipe.INSTANCE, spec, runDir, options);
    }

    private static <E extends Experiment<S>, T extends Trainer, S extends TrainingStatus> Session<T, S> start(
            FamilyRecipe<E, T, S> recipe, E spec, Options options) {
        Backend.init();
        ExperimentData.Split data = recipe.data(spec, options.baseDir());
        recipe.checkFits(spec, data.train());
        if (options.runsRoot() != null) {
            RunStore.checkWritable(options.runsRoot(), recipe.checkpointBytes(spec, data.train().dimension()));
        }
        RecordingHooks<T, S, ?> hooks = recipe.hooks(spec, data, options, null);
        hooks.recorded.complete(RecordedCurves.EMPTY);
        TrainingRun<T, S> run = new TrainingRun<>(() -> recipe.buildTrainer(spec, data.train(), DataType.FLOAT),
                hooks, spec.iterations(), options.statusIntervalMillis(), options.viewIntervalMillis());
        Session<T, S> session = new Session<>(spec, run, hooks);
        run.launch();
        return session;
    }

    private static <E extends Experiment<S>, T extends Trainer, S extends TrainingStatus> Session<T, S> resume(
            FamilyRecipe<E, T, S> recipe, E spec, Path runDir, Options options) {
        Backend.init();
        Checkpoints.choose(runDir); // fails here, before any thread starts, when no checkpoint is intact
        Path base = RunStore.dataBaseDir(runDir);
        ExperimentData.Split data = recipe.data(spec, base == null ? runDir : base);
        RunStore.checkWritable(runDir, recipe.checkpointBytes(spec, data.train().dimension()));
        String recorded = RunStore.dataHash(runDir);
        if (recorded != null && !recorded.equals(data.train().contentHash())) {
            throw new LabException(runDir + ": the data set " + spec.dataset() + " is not the one this run was"
                    + " trained on (its SHA-256 differs from provenance.json); resume needs the same data");
        }
        recipe.checkFits(spec, data.train());
        RecordingHooks<T, S, ?> hooks = recipe.hooks(spec, data, options, RunStore.open(runDir));
        TrainingRun<T, S> run = new TrainingRun<>(() -> {
            try {
                return hooks.resumed(Checkpoints.restoreNewest(runDir,
                        () -> recipe.buildTrainer(spec, data.train(), DataType.FLOAT), recipe::restore));
            } finally {
                hooks.recorded.complete(RecordedCurves.EMPTY); // no checkpoint loaded: nothing to show
            }
        },
                hooks, spec.iterations(), options.statusIntervalMillis(), options.viewIntervalMillis());
        Session<T, S> session = new Session<>(spec, run, hooks);
        run.launch();
        return session;
    }

    /** A fresh GAN trainer for {@code spec} on {@code data} (the geometry bench and tests build one directly). */
    public static GanTrainer buildTrainer(GanExperiment spec, DataSource data, DataType dataType) {
        return GanRecipe.INSTANCE.buildTrainer(spec, data, dataType);
    }

    /** A fresh autoencoder, VAE or RBM trainer for {@code spec} on its training data. */
    public static Trainer buildTrainer(ReconstructionExperiment spec, DataSource train, DataType dataType) {
        return ReconstructionRecipe.INSTANCE.buildTrainer(spec, train, dataType);
    }

    /** A fresh VAE-GAN trainer for {@code spec} on its training images. */
    public static org.latentlab.train.vaegan.VaeGanTrainer buildTrainer(VaeGanExperiment spec, DataSource train,
                                                                       DataType dataType) {
        VaeGanRecipe.INSTANCE.checkFits(spec, train);
        return (org.latentlab.train.vaegan.VaeGanTrainer) VaeGanRecipe.INSTANCE.buildTrainer(spec, train, dataType);
    }

    /** A fresh adversarial autoencoder trainer for {@code spec} on {@code train}, checked as a run would be. */
    public static Trainer buildTrainer(AaeExperiment spec, DataSource train) {
        AaeRecipe.INSTANCE.checkFits(spec, train);
        return AaeRecipe.INSTANCE.buildTrainer(spec, train, DataType.FLOAT);
    }

    /** A fresh sigmoid belief net trainer for {@code spec} on its training images. */
    public static Trainer buildTrainer(SbnExperiment spec, DataSource train) {
        SbnRecipe.INSTANCE.checkFits(spec, train);
        return SbnRecipe.INSTANCE.buildTrainer(spec, train, DataType.DOUBLE);
    }

    /** A fresh CycleGAN trainer for {@code spec} on its two domains ({@link #data}), in {@code dataType}. */
    public static Trainer buildTrainer(CycleGanExperiment spec, DataSource domains, DataType dataType) {
        CycleGanRecipe.INSTANCE.checkFits(spec, domains);
        return CycleGanRecipe.INSTANCE.buildTrainer(spec, domains, dataType);
    }

    /** The two domains of a CycleGAN experiment, unpaired, with their held-out examples. */
    public static DataSource data(CycleGanExperiment spec, Path baseDir) {
        return CycleGanRecipe.INSTANCE.data(spec, baseDir).train();
    }

    /** Checks that a GAN's networks fit the data and the memory. */
    public static void checkFits(GanExperiment spec, DataSource data) {
        GanRecipe.INSTANCE.checkFits(spec, data);
    }

    /** Checks that an autoencoder's networks fit the data and the memory (an RBM's sizes come from the data). */
    public static void checkFits(ReconstructionExperiment spec, DataSource train) {
        ReconstructionRecipe.INSTANCE.checkFits(spec, train);
    }

    /** About how many bytes one checkpoint of a GAN experiment takes: G and D with Adam's two moments, in float. */
    public static long checkpointBytes(GanExperiment spec) {
        return GanRecipe.INSTANCE.checkpointBytes(spec, 0);
    }
}
