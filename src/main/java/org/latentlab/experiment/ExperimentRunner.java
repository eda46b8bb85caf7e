package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.CsvPoints;
import org.latentlab.data.DataSource;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageFolder;
import org.latentlab.data.ImageScale;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.edit.CostEstimate;
import org.latentlab.train.Backend;
import org.latentlab.train.Evaluation;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.GanView;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.TrainingStatus;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns an {@link ExperimentSpec} into a running {@link TrainingRun} whose measurements, samples and checkpoints go
 * to a {@link RunStore} folder. The CLI and the window both start runs here.
 */
public final class ExperimentRunner {


    /** Where runs go and how often the dashboard hears from them. */
    public record Options(Path runsRoot, Path baseDir, long statusIntervalMillis, long viewIntervalMillis) {
        public static Options defaults() {
            return new Options(Path.of("runs"), Path.of("."), 100, 250);
        }
    }

    private ExperimentRunner() {
    }

    /** A new run; its folder is created when the first iteration is done ({@code runsRoot} null: no folder). */
    public static Session start(ExperimentSpec spec, Options options) {
        Backend.init();
        DataSource data = openData(spec, options.baseDir());
        checkFits(spec, data);
        if (options.runsRoot() != null) {
            RunStore.checkWritable(options.runsRoot(), checkpointBytes(spec));
        }
        StoreHooks hooks = new StoreHooks(spec, data, options.runsRoot(), null);
        hooks.dataBaseDir = options.baseDir() == null ? null : options.baseDir().toAbsolutePath().normalize();
        TrainingRun<GanTrainer, TrainingStatus> run = new TrainingRun<>(() -> buildTrainer(spec, data, DataType.FLOAT), hooks, spec.iterations(),
                options.statusIntervalMillis(), options.viewIntervalMillis());
        return new Session(spec, run, hooks).launch();
    }

    /**
     * Continues the run in {@code runDir} from its newest intact checkpoint, writing into the same folder; a damaged
     * newer checkpoint is passed over with a note ({@link RunSession#resumeNote()}), and nothing in the folder
     * changes until the checkpoint has loaded.
     */
    public static Session resume(Path runDir, Options options) {
        Backend.init();
        ExperimentSpec spec = ExperimentFiles.read(runDir.resolve("spec.json"));
        Checkpoints.choose(runDir); // fails here, before any thread starts, when no checkpoint is intact
        RunStore.checkWritable(runDir, checkpointBytes(spec));
        Path base = RunStore.dataBaseDir(runDir);
        DataSource data = openData(spec, base == null ? runDir : base);
        String recorded = RunStore.dataHash(runDir);
        if (recorded != null && !recorded.equals(data.contentHash())) {
            throw new LabException(runDir + ": the data set " + spec.dataset() + " is not the one this run was"
                    + " trained on (its SHA-256 differs from provenance.json); resume needs the same data");
        }
        checkFits(spec, data);
        RunStore store = RunStore.open(runDir);
        StoreHooks hooks = new StoreHooks(spec, data, null, store);
        TrainingRun<GanTrainer, TrainingStatus> run = new TrainingRun<>(() -> hooks.resumed(
                Checkpoints.restoreNewest(runDir, () -> buildTrainer(spec, data, DataType.FLOAT),
                        Checkpoint::restore)),
                hooks, spec.iterations(), options.statusIntervalMillis(), options.viewIntervalMillis());
        return new Session(spec, run, hooks).launch();
    }

    /** About how many bytes one checkpoint of this experiment takes: G and D with Adam's two moments, in float. */
    public static long checkpointBytes(ExperimentSpec spec) {
        long params = CostEstimate.of(spec.generator(), 1).parameters()
                + CostEstimate.of(spec.discriminator(), 1).parameters();
        return params * Float.BYTES * 3;
    }

    /** A running GAN experiment: its run, and the folder it writes (once it exists). */
    public static final class Session extends RunSession<ExperimentSpec, GanTrainer, TrainingStatus> {
        Session(ExperimentSpec spec, TrainingRun<GanTrainer, TrainingStatus> run, StoreHooks hooks) {
            super(spec, run, hooks);
        }

        Session launch() {
            run().launch();
            return this;
        }
    }

    public static DataSource openData(ExperimentSpec spec, Path baseDir) {
        return openData(spec.dataset(), baseDir, ImageScale.MINUS_ONE_TO_ONE);
    }

    /** Opens a data set; images scaled to {@code scale} (GANs: [-1, 1] for tanh; autoencoders: [0, 1]). */
    public static DataSource openData(DatasetSpec d, Path baseDir, ImageScale scale) {
        return switch (d.kind()) {
            case TOY -> ToyDistribution.named(d.name());
            case CSV -> CsvPoints.read(resolve(d.path(), baseDir));
            case IMAGES -> d.path() != null
                    ? ImageDataset.load(resolve(d.path(), baseDir), null, scale, d.path())
                    : ImageDataset.bundled(d.name(), bundledDir(baseDir), scale);
            case FOLDER -> ImageFolder.load(resolve(d.path(), baseDir), d.width(), d.height(), d.colour(), scale);
        };
    }

    /** The data and the networks must fit before anything is built: a clear message naming the experiment. */
    static void checkFits(ExperimentSpec spec, DataSource data) {
        int g = spec.generator().output().size();
        int d = spec.discriminator().input().size();
        if (g != data.dimension() || d != data.dimension()) {
            throw new LabException("experiment '" + spec.name() + "': the data set " + spec.dataset() + " has "
                    + data.dimension() + " values per example, but G outputs " + g + " and D takes " + d
                    + ": change the networks' output / input");
        }
        NetworkCompiler.requireMemory(spec.name(), DataType.FLOAT,
                new NetworkCompiler.Training(spec.generator(), spec.training().generatorOptimizer()),
                new NetworkCompiler.Training(spec.discriminator(), spec.training().discriminatorOptimizer()));
    }

    public static Path datasetsDir() {
        return Path.of(System.getProperty("latentlab.datasets", "datasets"));
    }

    /**
     * Where the bundled data sets are: {@link #datasetsDir()}, or, when that relative folder is not in the working
     * directory, the same folder under {@code baseDir} (a run's recorded base: the lab's folder when it trained).
     */
    static Path bundledDir(Path baseDir) {
        Path dir = datasetsDir();
        if (!Files.isDirectory(dir) && !dir.isAbsolute() && baseDir != null
                && Files.isDirectory(baseDir.resolve(dir))) {
            return baseDir.resolve(dir);
        }
        return dir;
    }

    static Path resolve(String path, Path baseDir) {
        Path p = Path.of(path);
        if (p.isAbsolute() || baseDir == null) {
            return p;
        }
        Path beside = baseDir.resolve(p);
        return Files.exists(beside) ? beside : p;
    }

    public static GanTrainer buildTrainer(ExperimentSpec spec, DataSource data, DataType dataType) {
        MultiLayerNetwork g = NetworkCompiler.compile(spec.generator(), spec.training().generatorOptimizer(),
                spec.seed(), dataType);
        MultiLayerNetwork d = NetworkCompiler.compile(spec.discriminator(), spec.training().discriminatorOptimizer(),
                spec.seed() + 1, dataType);
        return new GanTrainer(g, d, data, spec.training(), spec.latentDim(), spec.seed());
    }

    /** Writes metrics, samples and checkpoints as the run goes, and makes the dashboard's views. */
    static final class StoreHooks extends RecordingHooks<GanTrainer, TrainingStatus, GanViews> {
        private final ExperimentSpec spec;
        private final DataSource data;
        private final Path runsRoot;
        private Path dataBaseDir;

        StoreHooks(ExperimentSpec spec, DataSource data, Path runsRoot, RunStore existing) {
            super(spec.sampleInterval(), spec.checkpointInterval(), runsRoot != null);
            this.spec = spec;
            this.data = data;
            this.runsRoot = runsRoot;
            this.store = existing;
        }

        @Override
        GanViews newViews(GanTrainer trainer) {
            return new GanViews(trainer, spec.seed());
        }

        @Override
        Evaluation evaluate(GanTrainer trainer) {
            return views.evaluate(trainer);
        }

        @Override
        void write(RunStore s, GanTrainer trainer, Evaluation evaluation, double elapsedSeconds) {
            s.appendMetrics(trainer, Math.round(elapsedSeconds * 1000), evaluation);
            SampleImages.write(views.view(trainer), s.samplePath(trainer.iteration()));
        }

        @Override
        boolean save(RunStore s, GanTrainer trainer) {
            Checkpoint.save(s.dir(), trainer);
            return true;
        }

        @Override
        RunStore createStore() {
            return RunStore.create(runsRoot, spec, data.contentHash(), dataBaseDir);
        }

        @Override
        TrainingStatus status(TrainingRun.Progress progress, GanTrainer trainer, Evaluation evaluation,
                              GanViews views, boolean withView) {
            GanView view = withView ? safely(() -> views.view(trainer)) : null;
            return TrainingStatus.of(progress, trainer, evaluation, view);
        }
    }
}
