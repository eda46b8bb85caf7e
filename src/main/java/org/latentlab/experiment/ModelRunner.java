package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.Backend;
import org.latentlab.train.Evaluation;
import org.latentlab.train.ModelStatus;
import org.latentlab.train.ModelView;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.TrainingStatus.RunState;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.Rbm;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts autoencoder, VAE and RBM experiments: the data split into a training part and a held-out part, the
 * trainer built on the run's thread, held-out measurements and pictures every {@code sampleInterval} iterations
 * into the run folder's metrics.csv and samples/, and the model saved every {@code checkpointInterval} (encoder.zip
 * and decoder.zip that DL4J opens, or the RBMs' parameters).
 */
public final class ModelRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRunner.class);

    private ModelRunner() {
    }

    /** The training data and the held-out examples of an experiment. */
    public record Split(DataSource train, ExampleSet heldOut) {
    }

    /** A running experiment of these families. */
    public static final class Session implements AutoCloseable {
        private final ModelExperiment spec;
        private final TrainingRun<Trainer, ModelStatus> run;
        private final Hooks hooks;

        Session(ModelExperiment spec, TrainingRun<Trainer, ModelStatus> run, Hooks hooks) {
            this.spec = spec;
            this.run = run;
            this.hooks = hooks;
        }

        public ModelExperiment spec() {
            return spec;
        }

        public TrainingRun<Trainer, ModelStatus> run() {
            return run;
        }

        /** The run folder, or null until the first measurement (or when runs are not stored). */
        public Path runDir() {
            RunStore s = hooks.store;
            return s == null ? null : s.dir();
        }

        @Override
        public void close() {
            run.close();
        }
    }

    public static Session start(ModelExperiment spec, ExperimentRunner.Options options) {
        Backend.init();
        DataSource data = ExperimentRunner.openData(spec.dataset(), options.baseDir(), ImageScale.ZERO_TO_ONE);
        Split split = split(data, spec.heldOut(), spec.seed());
        check(spec, split.train());
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

    /** Saves the model: encoder.zip and decoder.zip (with updater state), or rbm-L.bin per layer. */
    public static void save(Trainer trainer, Path dir) {
        try {
            Path tmp = Files.createDirectories(dir.resolve("checkpoints").resolve("tmp-" + trainer.iteration()));
            if (trainer instanceof AutoencoderTrainer t) {
                ModelSerializer.writeModel(t.encoder(), tmp.resolve("encoder.zip").toFile(), true);
                ModelSerializer.writeModel(t.decoder(), tmp.resolve("decoder.zip").toFile(), true);
            } else if (trainer instanceof RbmTrainer r) {
                for (int l = 0; l < r.settings().layers(); l++) {
                    Rbm rbm = r.rbm(l);
                    Nd4j.saveBinary(rbm.weights(), tmp.resolve("rbm-" + l + "-W.bin").toFile());
                    Nd4j.saveBinary(rbm.visibleBias(), tmp.resolve("rbm-" + l + "-b.bin").toFile());
                    Nd4j.saveBinary(rbm.hiddenBias(), tmp.resolve("rbm-" + l + "-c.bin").toFile());
                }
            }
            Files.writeString(tmp.resolve("state.json"), "{\"iteration\": " + trainer.iteration() + "}\n");
            Path target = dir.resolve("checkpoints").resolve("iter-" + trainer.iteration());
            if (Files.exists(target)) {
                return;
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.writeString(dir.resolve("checkpoints").resolve("LATEST"), target.getFileName() + "\n");
        } catch (IOException e) {
            throw new LabException("cannot save the model into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Metrics, pictures and checkpoints as the run goes; the dashboard's statuses. */
    static final class Hooks implements TrainingRun.Hooks<Trainer, ModelStatus> {
        private final ModelExperiment spec;
        private final Split split;
        private final ExperimentRunner.Options options;
        private volatile RunStore store;
        private ModelViews views;
        private Evaluation pending;
        private long startNanos;
        private long lastCheckpoint = -1;

        Hooks(ModelExperiment spec, Split split, ExperimentRunner.Options options) {
            this.spec = spec;
            this.split = split;
            this.options = options;
        }

        @Override
        public void onTrainerCreated(Trainer trainer) {
            views = new ModelViews(split.train(), split.heldOut(), spec.seed());
            pending = null;
            startNanos = System.nanoTime();
            lastCheckpoint = trainer.iteration();
            store = null;
        }

        @Override
        public boolean afterIteration(Trainer trainer) {
            long it = trainer.iteration();
            boolean news = false;
            if (it % spec.sampleInterval() == 0) {
                pending = record(trainer);
                news = true;
            }
            if (it % spec.checkpointInterval() == 0) {
                checkpoint(trainer);
            }
            return news;
        }

        @Override
        public boolean onStop(Trainer trainer, RunState state) {
            if (trainer.isFaulted() || trainer.iteration() == lastCheckpoint
                    || (state != RunState.FINISHED && state != RunState.CLOSED)) {
                return false;
            }
            boolean news = false;
            if (trainer.iteration() % spec.sampleInterval() != 0) {
                pending = record(trainer);
                news = true;
            }
            checkpoint(trainer);
            return news;
        }

        @Override
        public ModelStatus status(TrainingRun.Progress progress, Trainer trainer, boolean withView) {
            ModelView view = null;
            if (withView && trainer != null) {
                try {
                    view = views.view(trainer);
                } catch (RuntimeException e) {
                    LOG.warn("could not draw the view", e);
                }
            }
            Evaluation e = pending;
            pending = null;
            return ModelRunner.status(progress, trainer, e, view);
        }

        private Evaluation record(Trainer trainer) {
            Evaluation evaluation = views.evaluate(trainer);
            RunStore s = store();
            if (s != null) {
                Map<String, Double> row = new LinkedHashMap<>();
                row.put("iteration", (double) trainer.iteration());
                row.put("elapsed_s", (System.nanoTime() - startNanos) / 1e9);
                ModelStatus now = ModelRunner.status(null, trainer, null, null);
                now.losses().forEach((k, v) -> row.put(k.replace(' ', '_'), v));
                evaluation.values().forEach((k, v) -> row.put(k.replace(' ', '_'), v));
                s.appendRow(row);
                ModelSamples.write(views.view(trainer), s.samplePath(trainer.iteration()));
            }
            return evaluation;
        }

        private void checkpoint(Trainer trainer) {
            RunStore s = store();
            if (s == null) {
                return;
            }
            try {
                save(trainer, s.dir());
                lastCheckpoint = trainer.iteration();
            } catch (LabException e) {
                LOG.warn(e.getMessage());
            }
        }

        private RunStore store() {
            if (store == null && options.runsRoot() != null) {
                store = RunStore.create(options.runsRoot(), spec.name(), spec.seed(), spec.dataset(),
                        ExperimentFiles.toJson(spec), split.train().contentHash(), options.baseDir() == null ? null
                                : options.baseDir().toAbsolutePath().normalize());
            }
            return store;
        }
    }
}
