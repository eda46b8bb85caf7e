package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.model.CostEstimate;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.Evaluation;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.vaegan.VaeGanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The VAE-GAN family for {@link ExperimentRunner}: the images split into a training part and {@code heldOut} images,
 * a metrics row (the three networks' losses and their terms on the last batch, the held-out pixel measures of the
 * encoder and decoder as a VAE's) and a picture every {@code sampleInterval} iterations, the three networks saved
 * every {@code checkpointInterval} ({@link VaeGanCheckpoint}). Its statuses are the autoencoder / VAE / RBM bench's.
 * The encoder and decoder are initialised as the plain VAE of {@link VaeGanExperiment#asVae()} is (seeds s and s+1),
 * the discriminator with s+2.
 */
final class VaeGanRecipe implements FamilyRecipe<VaeGanExperiment, Trainer, ReconstructionStatus> {

    static final VaeGanRecipe INSTANCE = new VaeGanRecipe();

    private VaeGanRecipe() {
    }

    @Override
    public ExperimentData.Split data(VaeGanExperiment spec, Path baseDir) {
        return ExperimentData.split(ExperimentData.open(spec, baseDir), spec.heldOut(), spec.seed());
    }

    @Override
    public void checkFits(VaeGanExperiment spec, DataSource train) {
        if (train.dimension() != spec.encoder().input().size()) {
            throw new LabException("experiment '" + spec.name() + "': the encoder takes " + spec.encoder().input()
                    + " but the images of " + train.name() + " have " + train.dimension() + " values");
        }
    }

    /** Trainable parameters of the three networks. */
    static long parameters(VaeGanExperiment spec) {
        return CostEstimate.of(spec.encoder(), 1).trainable() + CostEstimate.of(spec.decoder(), 1).trainable()
                + CostEstimate.of(spec.discriminator(), 1).trainable();
    }

    @Override
    public long checkpointBytes(VaeGanExperiment spec, int dataDimension) {
        return parameters(spec) * Float.BYTES * 3 + 3 * 4096; // parameters and Adam's two moments
    }

    @Override
    public Trainer buildTrainer(VaeGanExperiment spec, DataSource train, DataType dataType) {
        MultiLayerNetwork enc = NetworkCompiler.compile(spec.encoder(), spec.vaegan().optimizer(), spec.seed(),
                dataType);
        MultiLayerNetwork dec = NetworkCompiler.compile(spec.decoder(), spec.vaegan().optimizer(), spec.seed() + 1,
                dataType);
        MultiLayerNetwork dis = NetworkCompiler.compile(spec.discriminator(), spec.vaegan().discriminatorOptimizer(),
                spec.seed() + 2, dataType);
        return new VaeGanTrainer(enc, dec, dis, train, spec.vaegan(), spec.seed());
    }

    @Override
    public void restore(Path checkpoint, Trainer trainer) {
        VaeGanCheckpoint.restore(checkpoint, (VaeGanTrainer) trainer);
    }

    @Override
    public RecordingHooks<Trainer, ReconstructionStatus, ?> hooks(VaeGanExperiment spec, ExperimentData.Split data,
                                                                 ExperimentRunner.Options options,
                                                                 RunStore existing) {
        return new Hooks(spec, data, existing == null ? options.runsRoot() : null, existing, options.baseDir());
    }

    /** Metrics, pictures and checkpoints as the run goes; the bench's statuses. */
    static final class Hooks extends RecordingHooks<Trainer, ReconstructionStatus, VaeGanViews> {
        private final VaeGanExperiment spec;
        private final ExperimentData.Split split;
        private final Path runsRoot;
        private final Path dataBaseDir;

        Hooks(VaeGanExperiment spec, ExperimentData.Split split, Path runsRoot, RunStore existing, Path baseDir) {
            super(spec.sampleInterval(), spec.checkpointInterval(), runsRoot != null);
            this.spec = spec;
            this.split = split;
            this.runsRoot = runsRoot;
            this.store = existing;
            this.dataBaseDir = baseDir == null ? null : baseDir.toAbsolutePath().normalize();
        }

        @Override
        VaeGanViews newViews(Trainer trainer) {
            return new VaeGanViews(split.train(), split.heldOut(), spec.asVae().training(), spec.seed());
        }

        @Override
        void write(RunStore s, Trainer trainer, Evaluation evaluation, double elapsedSeconds) {
            VaeGanTrainer t = (VaeGanTrainer) trainer;
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("iteration", (double) trainer.iteration());
            row.put("elapsed_s", elapsedSeconds);
            t.lastLossParts().forEach((k, v) -> row.put(column(k), v));
            evaluation.values().forEach((m, v) -> row.put(m.column(), v));
            s.appendRow(row);
            views.write(views.view(trainer), s.samplePath(trainer.iteration()));
        }

        /** "encoder: KL + feature reconstruction" as a CSV column: encoder_KL_feature_reconstruction_batch. */
        static String column(String loss) {
            return loss.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "") + "_batch";
        }

        /** The three networks' losses the bench draws, found by their columns; the terms are not drawn live. */
        @Override
        String lossPart(String column) {
            return partOf(column);
        }

        static String partOf(String column) {
            return named(column, VaeGanTrainer.ENCODER_LOSS, VaeGanTrainer.DECODER_LOSS,
                    VaeGanTrainer.DISCRIMINATOR_LOSS);
        }

        private static String named(String column, String... parts) {
            for (String part : parts) {
                if (column(part).equals(column)) {
                    return part;
                }
            }
            return null;
        }

        @Override
        boolean save(RunStore s, Trainer trainer) {
            VaeGanCheckpoint.save(s.dir(), (VaeGanTrainer) trainer);
            return true;
        }

        @Override
        RunStore createStore() {
            return RunStore.create(runsRoot, spec, split.train().contentHash(), dataBaseDir);
        }

        @Override
        ReconstructionStatus status(TrainingRun.Progress progress, Trainer trainer, Evaluation evaluation,
                                    VaeGanViews views, boolean withView) {
            if (trainer == null) {
                return new ReconstructionStatus(progress, Map.of(), Double.NaN, "", "", evaluation, null);
            }
            VaeGanTrainer t = (VaeGanTrainer) trainer;
            ReconstructionView view = withView ? safely(() -> views.view(trainer)) : null;
            return new ReconstructionStatus(progress, t.lastLosses(), Double.NaN, "VAE-GAN", t.describeSettings(),
                    evaluation, view);
        }
    }
}
