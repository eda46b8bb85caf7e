package org.latentlab.experiment;

import org.latentlab.core.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.edit.CostEstimate;
import org.latentlab.train.Backend;
import org.latentlab.train.Evaluation;
import org.latentlab.train.ModelStatus;
import org.latentlab.train.ModelView;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.Rbm;
import org.latentlab.train.rbm.RbmSettings;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts autoencoder, VAE and RBM experiments: the data split into a training part and a held-out part, the
 * trainer built on the run's thread, held-out measurements and pictures every {@code sampleInterval} iterations
 * into the run folder's metrics.csv and samples/, and the model saved every {@code checkpointInterval} (encoder.zip
 * and decoder.zip that DL4J opens, or the RBMs' parameters).
 */
public final class ModelRunner {


    private ModelRunner() {
    }

    /** The training data and the held-out examples of an experiment. */
    public record Split(DataSource train, ExampleSet heldOut) {
    }

    /** A running experiment of these families. */
    public static final class Session extends RunSession<ModelExperiment, Trainer, ModelStatus> {
        Session(ModelExperiment spec, TrainingRun<Trainer, ModelStatus> run, Hooks hooks) {
            super(spec, run, hooks);
        }
    }

    public static Session start(ModelExperiment spec, ExperimentRunner.Options options) {
        Backend.init();
        DataSource data = ExperimentRunner.openData(spec.dataset(), options.baseDir(), ImageScale.ZERO_TO_ONE);
        Split split = split(data, spec.heldOut(), spec.seed());
        check(spec, split.train());
        if (options.runsRoot() != null) {
            RunStore.checkWritable(options.runsRoot(), checkpointBytes(spec, data.dimension()));
        }
        Hooks hooks = new Hooks(spec, split, options);
        TrainingRun<Trainer, ModelStatus> run = new TrainingRun<>(() -> buildTrainer(spec, split.train(),
                DataType.FLOAT), hooks, spec.iterations(), options.statusIntervalMillis(),
                options.viewIntervalMillis());
        Session s = new Session(spec, run, hooks);
        run.launch();
        return s;
    }

    /**
     * A finite data set keeps its last {@code heldOut} examples (in a fixed shuffled order, so a folder sorted by
     * class gives a held-out part of every class) apart; a distribution is sampled fresh, its held-out examples
     * drawn once with a fixed seed.
     */
    public static Split split(DataSource data, int heldOut, long seed) {
        if (data instanceof ExampleSet set) {
            if (set.size() < heldOut + 10) {
                throw new LabException(set.name() + " has " + set.size() + " examples: too few to keep " + heldOut
                        + " held out; lower heldOut or add examples");
            }
            ExampleSet shuffled = set.permuted(seed);
            return new Split(shuffled.range(0, set.size() - heldOut), shuffled.range(set.size() - heldOut,
                    set.size()));
        }
        return new Split(data, null);
    }

    static void check(ModelExperiment spec, DataSource data) {
        if (spec.family() == ModelExperiment.Family.RBM) {
            return;
        }
        int in = spec.encoder().input().size();
        if (in != data.dimension()) {
            throw new LabException("experiment '" + spec.name() + "': the data set " + spec.dataset() + " has "
                    + data.dimension() + " values per example, but the encoder takes " + in
                    + ": change the encoder's input and the decoder's output");
        }
        NetworkCompiler.requireMemory(spec.name(), DataType.FLOAT,
                new NetworkCompiler.Training(spec.encoder(), spec.training().optimizer()),
                new NetworkCompiler.Training(spec.decoder(), spec.training().optimizer()));
    }

    public static Trainer buildTrainer(ModelExperiment spec, DataSource train, DataType dataType) {
        if (spec.family() == ModelExperiment.Family.RBM) {
            return new RbmTrainer(train, spec.rbm(), spec.seed(), dataType);
        }
        MultiLayerNetwork enc = NetworkCompiler.compile(spec.encoder(), spec.training().optimizer(), spec.seed(),
                dataType);
        MultiLayerNetwork dec = NetworkCompiler.compile(spec.decoder(), spec.training().optimizer(),
                spec.seed() + 1, dataType);
        return new AutoencoderTrainer(enc, dec, train, spec.training(),
                spec.family() == ModelExperiment.Family.VAE ? AutoencoderTrainer.Kind.VAE
                        : AutoencoderTrainer.Kind.AUTOENCODER, spec.seed());
    }

    /** The status of any of these trainers. */
    static ModelStatus status(TrainingRun.Progress p, Trainer trainer, Evaluation evaluation, ModelView view) {
        if (trainer instanceof AutoencoderTrainer t) {
            return new ModelStatus(p, t.lastLosses(), t.lastGradNorm(), t.phase(), t.describeSettings(), evaluation,
                    view);
        }
        if (trainer instanceof RbmTrainer r) {
            RbmTrainer.Stats s = r.lastStats();
            Map<String, Double> losses = new LinkedHashMap<>();
            if (s != null) {
                losses.put("reconstruction", s.reconstructionError());
                losses.put("free energy (data)", s.dataFreeEnergy());
                losses.put("free energy (noise)", s.noiseFreeEnergy());
            }
            String phase = r.settings().layers() > 1 ? "RBM " + (r.currentLayer() + 1) + "/" + r.settings().layers()
                    : "training";
            return new ModelStatus(p, losses, s == null ? Double.NaN : s.gradientNorm(), phase,
                    r.describeSettings(), evaluation, view);
        }
        return new ModelStatus(p, Map.of(), Double.NaN, "", "", evaluation, view);
    }

    /**
     * Saves the model into {@code checkpoints/iter-N/}: encoder.zip and decoder.zip (DL4J models with their Adam
     * state), or per RBM layer its parameters, momentum velocities and persistent chains; and state.json with the
     * counters and the settings in force. The folder appears complete or not at all, sealed with a manifest of
     * sizes and SHA-256s ({@link Checkpoints}). Everything a resume needs to continue exactly as if never stopped.
     */
    public static void save(Trainer trainer, Path dir) {
        Path target = dir.resolve("checkpoints").resolve("iter-" + trainer.iteration());
        if (Files.exists(target) && Checkpoints.damage(target) == null) {
            return;
        }
        Checkpoints.write(target, tmp -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("iteration", trainer.iteration());
            if (trainer instanceof AutoencoderTrainer t) {
                ModelSerializer.writeModel(t.encoder(), tmp.resolve("encoder.zip").toFile(), true);
                ModelSerializer.writeModel(t.decoder(), tmp.resolve("decoder.zip").toFile(), true);
                state.put("encoderUpdates", t.updateCounts()[0]);
                state.put("decoderUpdates", t.updateCounts()[1]);
                state.put("settings", t.settings());
            } else if (trainer instanceof RbmTrainer r) {
                List<Long> updates = new ArrayList<>();
                for (int l = 0; l < r.settings().layers(); l++) {
                    Rbm rbm = r.rbm(l);
                    Rbm.TrainingState ts = rbm.trainingState();
                    saveArray(rbm.weights(), tmp, "rbm-" + l + "-W.bin");
                    saveArray(rbm.visibleBias(), tmp, "rbm-" + l + "-b.bin");
                    saveArray(rbm.hiddenBias(), tmp, "rbm-" + l + "-c.bin");
                    saveArray(ts.weightVelocity(), tmp, "rbm-" + l + "-W-velocity.bin");
                    saveArray(ts.visibleVelocity(), tmp, "rbm-" + l + "-b-velocity.bin");
                    saveArray(ts.hiddenVelocity(), tmp, "rbm-" + l + "-c-velocity.bin");
                    if (ts.fantasy() != null) {
                        saveArray(ts.fantasy(), tmp, "rbm-" + l + "-chains.bin");
                    }
                    updates.add(ts.updates());
                }
                state.put("rbmUpdates", updates);
                state.put("settings", r.settings());
            }
            Files.writeString(tmp.resolve("state.json"), ExperimentFiles.mapper().writeValueAsString(state));
        });
    }

    private static void saveArray(INDArray a, Path dir, String name) throws IOException {
        Nd4j.saveBinary(a, dir.resolve(name).toFile());
    }

    private static INDArray readArray(Path dir, String name) {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new LabException(dir + ": checkpoint incomplete, " + name + " is missing");
        }
        try {
            return Nd4j.readBinary(f.toFile());
        } catch (IOException | RuntimeException e) {
            throw new LabException(f + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The newest intact checkpoint folder of a run (its manifest checks out), or null if it has none. */
    public static Path latestCheckpoint(Path runDir) {
        return Checkpoints.newestIntact(runDir);
    }

    /** The iteration a checkpoint folder was saved at. */
    public static long checkpointIteration(Path checkpoint) {
        JsonNode state = readState(checkpoint);
        return state.get("iteration").asLong();
    }

    private static JsonNode readState(Path checkpoint) {
        Path f = checkpoint.resolve("state.json");
        try {
            JsonNode node = ExperimentFiles.mapper().readTree(f.toFile());
            if (node == null || !node.hasNonNull("iteration") || !node.get("iteration").canConvertToLong()) {
                throw new LabException(f + ": 'iteration' is missing or not a whole number");
            }
            return node;
        } catch (IOException e) {
            throw new LabException(f + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a checkpoint into a trainer freshly built from the same experiment: parameters, optimiser state,
     * counters and the settings in force when it was saved.
     */
    public static void restore(Path checkpoint, Trainer trainer) {
        JsonNode state = readState(checkpoint);
        long iteration = state.get("iteration").asLong();
        try {
            if (trainer instanceof AutoencoderTrainer t) {
                MultiLayerNetwork enc = ModelSerializer.restoreMultiLayerNetwork(
                        checkpoint.resolve("encoder.zip").toFile(), true);
                MultiLayerNetwork dec = ModelSerializer.restoreMultiLayerNetwork(
                        checkpoint.resolve("decoder.zip").toFile(), true);
                copyInto(enc, t.encoder(), "encoder");
                copyInto(dec, t.decoder(), "decoder");
                if (state.hasNonNull("settings")) {
                    t.updateSettings(ExperimentFiles.mapper().treeToValue(state.get("settings"),
                            AutoencoderSettings.class));
                }
                t.restoreCounters(iteration, state.path("encoderUpdates").asLong(iteration),
                        state.path("decoderUpdates").asLong(iteration));
            } else if (trainer instanceof RbmTrainer r) {
                if (state.hasNonNull("settings")) {
                    r.updateSettings(ExperimentFiles.mapper().treeToValue(state.get("settings"), RbmSettings.class));
                }
                JsonNode updates = state.path("rbmUpdates");
                for (int l = 0; l < r.settings().layers(); l++) {
                    Rbm rbm = r.rbm(l);
                    DataType dt = rbm.dataType();
                    rbm.setParameters(readArray(checkpoint, "rbm-" + l + "-W.bin").castTo(dt),
                            readArray(checkpoint, "rbm-" + l + "-b.bin").castTo(dt),
                            readArray(checkpoint, "rbm-" + l + "-c.bin").castTo(dt));
                    if (Files.exists(checkpoint.resolve("rbm-" + l + "-W-velocity.bin"))) {
                        Path chains = checkpoint.resolve("rbm-" + l + "-chains.bin");
                        rbm.restoreTrainingState(new Rbm.TrainingState(
                                readArray(checkpoint, "rbm-" + l + "-W-velocity.bin").castTo(dt),
                                readArray(checkpoint, "rbm-" + l + "-b-velocity.bin").castTo(dt),
                                readArray(checkpoint, "rbm-" + l + "-c-velocity.bin").castTo(dt),
                                updates.path(l).asLong(0),
                                Files.exists(chains) ? readArray(checkpoint, chains.getFileName().toString()) : null));
                    }
                }
                r.restoreIteration(iteration);
            } else {
                throw new LabException("no checkpoint format for " + trainer.getClass().getSimpleName());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new LabException(checkpoint + ": cannot restore the checkpoint: " + e.getMessage(), e);
        }
    }

    private static void copyInto(MultiLayerNetwork from, MultiLayerNetwork to, String which) {
        if (from.numParams() != to.numParams()) {
            throw new LabException("the checkpoint's " + which + " has " + from.numParams() + " parameters but the"
                    + " experiment's " + which + " has " + to.numParams());
        }
        to.setParams(from.params().castTo(to.params().dataType()));
        INDArray state = from.getUpdater().getStateViewArray();
        if (state != null && to.getUpdater().getStateViewArray() != null) {
            to.getUpdater().getStateViewArray().assign(state.castTo(to.params().dataType()));
        }
    }

    /**
     * Continues the run in {@code runDir} from its newest intact checkpoint, in the same folder: a damaged newer
     * checkpoint is passed over with a note ({@link RunSession#resumeNote()}); metrics rows after the checkpoint are
     * dropped once it has loaded, not before; the data must be the same (SHA-256 from provenance.json).
     */
    public static Session resume(Path runDir, ExperimentRunner.Options options) {
        Backend.init();
        ModelExperiment spec = ExperimentFiles.readModel(runDir.resolve("spec.json"));
        Checkpoints.choose(runDir); // fails here, before any thread starts, when no checkpoint is intact
        Path base = RunStore.dataBaseDir(runDir);
        DataSource data = ExperimentRunner.openData(spec.dataset(), base == null ? runDir : base,
                ImageScale.ZERO_TO_ONE);
        RunStore.checkWritable(runDir, checkpointBytes(spec, data.dimension()));
        Split split = split(data, spec.heldOut(), spec.seed());
        String recorded = RunStore.dataHash(runDir);
        if (recorded != null && !recorded.equals(split.train().contentHash())) {
            throw new LabException(runDir + ": the data set " + spec.dataset() + " is not the one this run was"
                    + " trained on (its SHA-256 differs from provenance.json); resume needs the same data");
        }
        check(spec, split.train());
        RunStore store = RunStore.open(runDir);
        Hooks hooks = new Hooks(spec, split, new ExperimentRunner.Options(null, options.baseDir(),
                options.statusIntervalMillis(), options.viewIntervalMillis()));
        hooks.store = store;
        TrainingRun<Trainer, ModelStatus> run = new TrainingRun<>(() -> hooks.resumed(
                Checkpoints.restoreNewest(runDir, () -> buildTrainer(spec, split.train(), DataType.FLOAT),
                        ModelRunner::restore)),
                hooks, spec.iterations(), options.statusIntervalMillis(), options.viewIntervalMillis());
        Session s = new Session(spec, run, hooks);
        run.launch();
        return s;
    }

    /**
     * About how many bytes one checkpoint of this experiment takes, in float: encoder and decoder with Adam's two
     * moments, or each RBM's weights and biases with their velocities.
     */
    static long checkpointBytes(ModelExperiment spec, int visible) {
        if (spec.family() == ModelExperiment.Family.RBM) {
            long values = 0;
            long v = visible;
            for (int h : spec.rbm().hidden()) {
                values += 2 * (v * h + v + h);
                v = h;
            }
            return values * Float.BYTES;
        }
        long params = CostEstimate.of(spec.encoder(), 1).parameters() + CostEstimate.of(spec.decoder(), 1).parameters();
        return params * Float.BYTES * 3;
    }

    /** Metrics, pictures and checkpoints as the run goes; the dashboard's statuses. */
    static final class Hooks extends RecordingHooks<Trainer, ModelStatus, ModelViews> {
        private final ModelExperiment spec;
        private final Split split;
        private final ExperimentRunner.Options options;

        Hooks(ModelExperiment spec, Split split, ExperimentRunner.Options options) {
            super(spec.sampleInterval(), spec.checkpointInterval(), options.runsRoot() != null);
            this.spec = spec;
            this.split = split;
            this.options = options;
        }

        @Override
        ModelViews newViews(Trainer trainer) {
            return new ModelViews(split.train(), split.heldOut(), spec.seed());
        }

        @Override
        Evaluation evaluate(Trainer trainer) {
            return views.evaluate(trainer);
        }

        @Override
        void write(RunStore s, Trainer trainer, Evaluation evaluation, double elapsedSeconds) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("iteration", (double) trainer.iteration());
            row.put("elapsed_s", elapsedSeconds);
            ModelStatus now = ModelRunner.status(null, trainer, null, null);
            now.losses().forEach((k, v) -> row.put(k.replace(' ', '_'), v));
            evaluation.values().forEach((k, v) -> row.put(k.replace(' ', '_'), v));
            s.appendRow(row);
            ModelSamples.write(views.view(trainer), s.samplePath(trainer.iteration()));
        }

        @Override
        boolean save(RunStore s, Trainer trainer) {
            if (trainer instanceof AutoencoderTrainer t && t.isPretraining()) {
                // the greedy stage's shallow models are not in a checkpoint: the first one comes after it
                return false;
            }
            ModelRunner.save(trainer, s.dir());
            return true;
        }

        @Override
        RunStore createStore() {
            return RunStore.create(options.runsRoot(), spec.name(), spec.seed(), spec.dataset(),
                    ExperimentFiles.toJson(spec), split.train().contentHash(), options.baseDir() == null ? null
                            : options.baseDir().toAbsolutePath().normalize());
        }

        @Override
        ModelStatus status(TrainingRun.Progress progress, Trainer trainer, Evaluation evaluation, ModelViews views,
                           boolean withView) {
            ModelView view = withView ? safely(() -> views.view(trainer)) : null;
            return ModelRunner.status(progress, trainer, evaluation, view);
        }
    }
}
