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
import java.util.Map;

/**
 * The VAE-GAN family for {@link ExperimentRunner}: the images split into a training part and {@code heldOut} images,
 * a metrics row (the three networks' losses and their terms on the last batch, the held-out pixel measures of the
 * encoder and decoder as a VAE's) and a picture every {@code sampleInterval} iterations, the three networks saved
 * every {@code checkpointInterval} ({@link VaeGanCheckpoint}). Its statuses are the autoencoder / VAE / RBM bench's.
 * The encoder and decoder are initialised as the plain VAE of {@link VaeGanExperiment#asVae()} is (seeds s and s+1),
 * the discriminator with s+2.
 */
final class VaeGanRecipe extends BenchRecipe<VaeGanExperiment, VaeGanTrainer, VaeGanViews> {

    static final VaeGanRecipe INSTANCE = new VaeGanRecipe();

    private VaeGanRecipe() {
        super(VaeGanTrainer.class, VaeGanExperiment::heldOut, VaeGanCheckpoint::save, VaeGanCheckpoint::restore);
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
    VaeGanViews newViews(VaeGanExperiment spec, ExperimentData.Split split) {
        return new VaeGanViews(split.train(), split.heldOut(), spec.asVae().training(), spec.seed());
    }

    /** The three networks' losses and their terms. */
    @Override
    Map<String, Double> batchLosses(VaeGanTrainer trainer) {
        return trainer.lastLossParts();
    }

    /** "encoder: KL + feature reconstruction" as a CSV column: encoder_KL_feature_reconstruction_batch. */
    @Override
    String column(String loss) {
        return loss.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "") + "_batch";
    }

    /** The three networks' losses the bench draws; the terms are not drawn live. */
    @Override
    java.util.List<String> drawnLossParts() {
        return java.util.List.of(VaeGanTrainer.ENCODER_LOSS, VaeGanTrainer.DECODER_LOSS,
                VaeGanTrainer.DISCRIMINATOR_LOSS);
    }

    @Override
    ReconstructionStatus status(TrainingRun.Progress p, VaeGanTrainer trainer, Evaluation evaluation,
                                ReconstructionView view) {
        return new ReconstructionStatus(p, trainer.lastLosses(), Double.NaN, "VAE-GAN", trainer.describeSettings(),
                evaluation, view);
    }
}
