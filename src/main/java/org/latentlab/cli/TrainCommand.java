package org.latentlab.cli;

import org.latentlab.train.GanTrainer;
import org.latentlab.train.Trainer;
import org.latentlab.core.LabException;
import org.latentlab.experiment.Checkpoints;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.Experiment;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.train.Evaluation;
import org.latentlab.train.Metric;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.Backend;
import org.latentlab.train.GanStatus;
import org.latentlab.train.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Trains an experiment headless, printing a progress line, and writes the run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an experiment (a JSON file or a preset name) headless; writes runs/<time>-<name>/."
                + " A classifier experiment goes into the models folder instead (models/<name>/), where evaluations"
                + " of its data set find it.")
final class TrainCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "EXPERIMENT", description = "experiment JSON file or preset name")
    String experiment;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue a run from its latest checkpoint")
    Path resume;

    @Option(names = "--iterations", paramLabel = "N", description = "override the experiment's iteration count")
    Long iterations;

    @Option(names = "--seed", paramLabel = "S", description = "override the experiment's seed")
    Long seed;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "where run folders go")
    Path runs;

    @Option(names = "--force", description = "a classifier: retrain it even when the models folder holds one made by"
            + " the same experiment on the same images")
    boolean force;

    @Option(names = "--models", paramLabel = "DIR", description = "a classifier: the models folder it goes into"
            + " (default: models, where evaluations look)")
    Path models;

    /** The most iterations --iterations may ask for: a billion, months of training for the bundled nets. */
    static final long MAX_ITERATIONS = 1_000_000_000L;

    @Override
    public Integer call() throws Exception {
        if ((experiment == null) == (resume == null)) {
            throw new LabException("give an experiment (file or preset name) or --resume RUN_DIR, not both");
        }
        if (resume != null && (iterations != null || seed != null)) {
            throw new LabException("--resume continues " + resume + " as its spec.json asks (its iterations and"
                    + " seed); " + (iterations != null ? "--iterations" : "--seed") + " belongs to a new run: to train"
                    + " longer, raise \"iterations\" in a copy of spec.json and train that file");
        }
        if (iterations != null) {
            OptionChecks.within("--iterations", iterations, 1, MAX_ITERATIONS, "iterations to train (the presets"
                    + " take 5,000 to 100,000)");
        }
        Backend.init();
        if (resume == null && isClassifier(Path.of(experiment))) {
            return trainClassifier(Path.of(experiment));
        }
        if (force || models != null) {
            throw new LabException((force ? "--force" : "--models") + " belongs to a classifier experiment; "
                    + (resume != null ? "--resume continues a run" : experiment + " is not one"));
        }
        ExperimentRunner.Options options;
        ExperimentRunner.Session<GanTrainer, GanStatus> session;
        if (resume != null) {
            options = new ExperimentRunner.Options(null, resume, 1000, 60_000);
            Path specFile = resume.resolve("spec.json");
            if (!Files.isRegularFile(specFile)) {
                throw new LabException(resume + " is not a run folder (no spec.json)");
            }
            if (!ExperimentFiles.isGan(ExperimentFiles.readText(specFile), specFile.toString())) {
                try (ExperimentRunner.Session<Trainer, ReconstructionStatus> models = ExperimentRunner.resumeReconstruction(resume, options)) {
                    return followModel(models);
                }
            }
            session = ExperimentRunner.resumeGan(resume, options);
        } else {
            Path file = Path.of(experiment);
            if (Files.exists(file) ? !ExperimentFiles.isGan(ExperimentFiles.readText(file), file.toString())
                    : Presets.onModelBench(experiment)) {
                return trainModel(file);
            }
            GanExperiment spec = Files.exists(file) ? ExperimentFiles.readGan(file) : loadPreset(experiment);
            if (iterations != null) {
                spec = spec.withIterations(iterations);
            }
            if (seed != null) {
                spec = spec.withSeed(seed);
            }
            Path base = Files.exists(file) ? file.toAbsolutePath().getParent() : Path.of(".");
            options = new ExperimentRunner.Options(runs, base, 1000, 60_000);
            session = ExperimentRunner.start(spec, options);
        }
        try (session) {
            return follow(session);
        }
    }

    private boolean isClassifier(Path file) {
        return Files.exists(file) ? ExperimentFiles.isClassifier(ExperimentFiles.readText(file), file.toString())
                : Presets.classifiers().contains(experiment);
    }

    /**
     * A classifier experiment, into the models folder. A bundled one is trained as bundled: evaluations look for
     * exactly that experiment, and would retrain one changed by --iterations or --seed.
     */
    private int trainClassifier(Path file) {
        boolean isFile = Files.exists(file);
        ClassifierSpec spec = isFile ? ExperimentFiles.readClassifier(file) : Presets.loadClassifier(experiment);
        if (!isFile && (iterations != null || seed != null)) {
            throw new LabException("--iterations and --seed would make another " + experiment + " than the one"
                    + " evaluations look for: write it to a file (presets " + experiment + " --write FILE), give it"
                    + " a new name and change it there");
        }
        if (iterations != null || seed != null) {
            spec = new ClassifierSpec(spec.family(), spec.name(), spec.description(),
                    seed != null ? seed : spec.seed(), spec.dataset(), spec.network(), spec.training(),
                    iterations != null ? iterations : spec.iterations(), spec.heldOut());
        }
        Path base = isFile ? file.toAbsolutePath().getParent() : Path.of(".");
        return ClassifierTraining.run(spec, base, models != null ? models : ClassifierModels.modelsDir(), force,
                new ConsoleProgress(), System.out, System.err);
    }

    /** An autoencoder, VAE, RBM or sigmoid belief net experiment. */
    private int trainModel(Path file) throws InterruptedException {
        boolean isFile = Files.exists(file);
        Experiment<ReconstructionStatus> spec = isFile ? ExperimentFiles.readModel(file) : Presets.loadModel(experiment);
        if (iterations != null) {
            spec = spec.withIterations(iterations);
        }
        if (seed != null) {
            spec = spec.withSeed(seed);
        }
        Path base = isFile ? file.toAbsolutePath().getParent() : Path.of(".");
        ExperimentRunner.Options options = new ExperimentRunner.Options(runs, base, 1000, 60_000);
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> session = ExperimentRunner.startModel(spec,
                options)) {
            return followModel(session);
        }
    }

    private int followModel(ExperimentRunner.Session<Trainer, ReconstructionStatus> session) throws InterruptedException {
        return follow(session.run(), session::runDir, session::resumeNote, s -> s.progress().state(),
                s -> s.progress().iteration(),
                s -> s.progress().message(), ReconstructionStatus::evaluation, TrainCommand::progress);
    }

    private int follow(ExperimentRunner.Session<GanTrainer, GanStatus> session) throws InterruptedException {
        return follow(session.run(), session::runDir, session::resumeNote, GanStatus::state,
                GanStatus::iteration,
                GanStatus::message, GanStatus::evaluation, TrainCommand::progress);
    }

    /**
     * Starts the run, prints a line per status until it finishes, fails or pauses itself (a NaN loss), and says
     * where the run folder is. Exit codes: 0 finished, 1 failed, 3 paused on a fault.
     */
    private static <S> int follow(TrainingRun<?, S> run, Supplier<Path> runDir, Supplier<String> resumeNote,
                                  Function<S, RunState> state, java.util.function.ToLongFunction<S> iteration,
                                  Function<S, String> message, Function<S, Evaluation> evaluation,
                                  BiFunction<S, String, String> line) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<S> last = new AtomicReference<>();
        String[] metrics = {""};
        boolean[] warned = {false};
        run.subscribe(status -> {
            last.set(status);
            if (evaluation.apply(status) != null) {
                metrics[0] = describe(evaluation.apply(status).values());
            }
            switch (state.apply(status)) {
                case READY -> {
                    if (resumeNote.get() != null && !warned[0]) {
                        warned[0] = true;
                        System.err.println("warning: " + resumeNote.get());
                    }
                    run.start();
                }
                case RUNNING -> {
                    if (iteration.applyAsLong(status) > 0) { // before the first step there are no losses to show
                        System.out.println(line.apply(status, metrics[0]));
                    }
                }
                case FINISHED, FAILED, PAUSED -> done.countDown();
                default -> {
                }
            }
        });
        // SIGTERM or Ctrl-C: the run saves a checkpoint as it closes (its own exit hook); this one says so
        Thread onExit = new Thread(() -> {
            long until = System.nanoTime() + 15_000_000_000L;
            while (run.isAlive() && System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Path dir = runDir.get();
            long saved = dir == null ? -1 : savedIteration(dir);
            System.err.println("stopped: the process was asked to exit" + (dir == null ? ""
                    : saved < 0 ? "; no checkpoint was saved (run folder " + dir + ")"
                    : "; the run folder " + dir + " keeps its checkpoint at iteration " + saved
                    + ": continue with train --resume " + dir));
        }, "latentlab-train-exit-note");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            while (!done.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                if (!run.isAlive()) {
                    break;
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the note above is printed
            }
        }
        S s = last.get();
        if (s == null) {
            throw new LabException("the training thread stopped before it reported anything");
        }
        System.out.println(line.apply(s, metrics[0]));
        Path dir = runDir.get();
        if (state.apply(s) == RunState.FINISHED) {
            System.out.println("done: " + message.apply(s) + (dir == null ? "" : "; run folder " + dir));
            return 0;
        }
        System.err.println("error: " + message.apply(s) + (dir == null ? "" : " (run folder " + dir + ")"));
        return state.apply(s) == RunState.PAUSED ? 3 : 1;
    }

    /** The iteration of the run's newest intact checkpoint, or -1. */
    private static long savedIteration(Path runDir) {
        Path newest = Checkpoints.newestIntact(runDir);
        return newest == null ? -1 : Checkpoints.iterationOf(newest);
    }

    private static String progress(ReconstructionStatus s, String metrics) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "it %d/%d  %s ", s.progress().iteration(),
                s.progress().maxIterations(), s.phase()));
        s.losses().forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
        if (!metrics.isEmpty()) {
            b.append("  |  ").append(metrics);
        }
        return b.append(rate(s.progress().itersPerSecond())).toString();
    }

    private static GanExperiment loadPreset(String name) {
        if (name.endsWith(".json")) {
            throw new LabException(name + ": no such experiment file");
        }
        return Presets.loadGan(name);
    }

    private static String progress(GanStatus s, String metrics) {
        return String.format(Locale.ROOT, "it %d/%d  D %.4f  G %.4f  D(x) %.3f  D(G(z)) %.3f%s%s",
                s.iteration(), s.maxIterations(), s.discriminatorLoss(), s.generatorLoss(), s.realScore(),
                s.fakeScore(), metrics.isEmpty() ? "" : "  " + metrics, rate(s.itersPerSecond()));
    }

    /** "  123 it/s", or nothing before the rate has been measured (a run shorter than its first rate window). */
    static String rate(double itersPerSecond) {
        return Double.isFinite(itersPerSecond) ? String.format(Locale.ROOT, "  %.0f it/s", itersPerSecond) : "";
    }

    private static String describe(java.util.Map<Metric, Double> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((m, v) -> {
            if (m != Metric.DIVERSITY_REAL) {
                sb.append(sb.length() == 0 ? "" : "  ").append(m.column()).append(' ').append(m.format(v));
            }
        });
        return sb.toString();
    }
}
