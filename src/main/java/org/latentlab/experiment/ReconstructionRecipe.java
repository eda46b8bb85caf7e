package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.CostEstimate;
import org.latentlab.train.Evaluation;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.DbnSampler;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The autoencoder, VAE and RBM / DBN families for {@link ExperimentRunner}: the data split into a training part
 * and a held-out part, held-out measurements and reconstructions every {@code sampleInterval} iterations, and the
 * model saved every {@code checkpointInterval} (encoder.zip and decoder.zip that DL4J opens, or the RBMs'
 * parameters).
 */
final class ReconstructionRecipe implements FamilyRecipe<ReconstructionExperiment, Trainer, ReconstructionStatus> {

    static final ReconstructionRecipe INSTANCE = new ReconstructionRecipe();

    private ReconstructionRecipe() {
    }

    @Override
    public ExperimentData.Split data(ReconstructionExperiment spec, Path baseDir) {
        return ExperimentData.split(ExperimentData.open(spec, baseDir), spec.heldOut(), spec.seed());
    }

    @Override
    public void checkFits(ReconstructionExperiment spec, DataSource data) {
        if (spec.family() == Family.RBM) {
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

    /** Encoder and decoder with Adam's two moments, or each RBM's weights and biases with their velocities. */
    @Override
    public long checkpointBytes(ReconstructionExperiment spec, int visible) {
        if (spec.family() == Family.RBM) {
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

    @Override
    public Trainer buildTrainer(ReconstructionExperiment spec, DataSource train, DataType dataType) {
        if (spec.family() == Family.RBM) {
            return new RbmTrainer(train, spec.rbm(), spec.seed(), dataType);
        }
        MultiLayerNetwork enc = NetworkCompiler.compile(spec.encoder(), spec.training().optimizer(), spec.seed(),
                dataType);
        MultiLayerNetwork dec = NetworkCompiler.compile(spec.decoder(), spec.training().optimizer(),
                spec.seed() + 1, dataType);
        return new AutoencoderTrainer(enc, dec, train, spec.training(),
                spec.family() == Family.VAE ? AutoencoderTrainer.Kind.VAE : AutoencoderTrainer.Kind.AUTOENCODER,
                spec.seed());
    }

    @Override
    public RecordingHooks<Trainer, ReconstructionStatus, ?> hooks(ReconstructionExperiment spec,
                                                                 ExperimentData.Split data,
                                                                 ExperimentRunner.Options options,
                                                                 RunStore existing) {
        return new Hooks(spec, data, existing == null ? options.runsRoot() : null, existing, options.baseDir());
    }

    /** The status of any of these trainers. */
    static ReconstructionStatus status(TrainingRun.Progress p, Trainer trainer, Evaluation evaluation,
                                       ReconstructionView view) {
        if (trainer instanceof AutoencoderTrainer t) {
            return new ReconstructionStatus(p, t.lastLosses(), t.lastGradNorm(), t.phase(), t.describeSettings(),
                    evaluation, view);
        }
        if (trainer instanceof RbmTrainer r) {
            RbmTrainer.Stats s = r.lastStats();
            Map<String, Double> losses = new LinkedHashMap<>();
            if (s != null) {
                losses.put("reconstruction", s.reconstructionError());
                losses.put("free energy (data)", s.dataFreeEnergy());
                losses.put("free energy (noise)", s.noiseFreeEnergy());
            }
            ReconstructionView.StackLayer layer = ReconstructionViews.stackLayer(r, r.currentLayer(), 0);
            String phase = layer != null ? layer.caption() : "training";
            return new ReconstructionStatus(p, losses, s == null ? Double.NaN : s.gradientNorm(), phase,
                    r.describeSettings(), evaluation, view);
        }
        return new ReconstructionStatus(p, Map.of(), Double.NaN, "", "", evaluation, view);
    }

    /** Samples per depth in a DBN run's pictures by depth. */
    static final int DEPTH_SAMPLES = 36;
    /** Gibbs steps in the top RBM for a DBN run's pictures by depth. */
    static final int DEPTH_STEPS = 200;

    /**
     * A DBN run's samples by depth at {@code iteration}: {@code samples/by-depth-iter-NNNNNNNN.png}, beside the
     * bench's picture of that iteration.
     */
    static Path byDepthPath(RunStore store, long iteration) {
        Path picture = store.samplePath(iteration);
        return picture.resolveSibling("by-depth-" + picture.getFileName());
    }

    /** Metrics, pictures and checkpoints as the run goes; the dashboard's statuses. */
    static final class Hooks extends RecordingHooks<Trainer, ReconstructionStatus, ReconstructionViews> {
        private final ReconstructionExperiment spec;
        private final ExperimentData.Split split;
        private final Path runsRoot;
        private final Path dataBaseDir;

        Hooks(ReconstructionExperiment spec, ExperimentData.Split split, Path runsRoot, RunStore existing,
              Path baseDir) {
            super(spec.sampleInterval(), spec.checkpointInterval(), runsRoot != null);
            this.spec = spec;
            this.split = split;
            this.runsRoot = runsRoot;
            this.store = existing;
            this.dataBaseDir = baseDir == null ? null : baseDir.toAbsolutePath().normalize();
        }

        @Override
        ReconstructionViews newViews(Trainer trainer) {
            return new ReconstructionViews(split.train(), split.heldOut(), spec.seed());
        }

        @Override
        void write(RunStore s, Trainer trainer, Evaluation evaluation, double elapsedSeconds) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("iteration", (double) trainer.iteration());
            row.put("elapsed_s", elapsedSeconds);
            ReconstructionStatus now = ReconstructionRecipe.status(null, trainer, null, null);
            now.losses().forEach((k, v) -> row.put(k.replace(' ', '_'), v));
            evaluation.values().forEach((m, v) -> row.put(m.column(), v));
            s.appendRow(row);
            views.write(views.view(trainer), s.samplePath(trainer.iteration()));
            if (trainer instanceof RbmTrainer r && r.settings().layers() > 1 && r.data().shape().length == 3) {
                DbnDepthSamples byDepth = DbnDepthSamples.draw(r, r.shownLayer() + 1, DEPTH_SAMPLES, DEPTH_STEPS,
                        DbnSampler.DownPass.STOCHASTIC, false);
                DbnDepthPicture.write(byDepth, byDepthPath(s, trainer.iteration()));
            }
        }

        @Override
        boolean save(RunStore s, Trainer trainer) {
            if (trainer instanceof AutoencoderTrainer t && t.isPretraining()) {
                // the greedy stage's shallow models are not in a checkpoint: the first one comes after it
                return false;
            }
            Checkpoint.save(s.dir(), trainer);
            return true;
        }

        @Override
        RunStore createStore() {
            return RunStore.create(runsRoot, spec, split.train().contentHash(), dataBaseDir);
        }

        @Override
        ReconstructionStatus status(TrainingRun.Progress progress, Trainer trainer, Evaluation evaluation,
                                    ReconstructionViews views, boolean withView) {
            ReconstructionView view = withView ? safely(() -> views.view(trainer)) : null;
            return ReconstructionRecipe.status(progress, trainer, evaluation, view);
        }
    }
}
