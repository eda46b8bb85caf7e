package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.hessian.AutoencoderObjective;
import org.latentlab.analysis.hessian.DoubleNetworks;
import org.latentlab.analysis.hessian.GanObjective;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.ae.AutoencoderSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Random;

/**
 * The loss of a saved model as an objective of its parameters, in double precision on a fixed batch: what the
 * Hessian, the loss-surface scans and the CLI's {@code hessian} / {@code landscape} commands analyse.
 * <ul>
 *   <li>autoencoder: the reconstruction loss on the first n held-out examples (the training data when there are
 *       none), clean inputs;</li>
 *   <li>VAE: the negative ELBO (β as trained) on those examples with the sampling noise drawn once;</li>
 *   <li>GAN: D's loss ({@code Part.DISCRIMINATOR}, G fixed) or G's loss ({@code Part.GENERATOR}, D fixed) on n real
 *       examples and n codes drawn once.</li>
 * </ul>
 */
public final class GeometryModels {

    /** Which network's parameters a GAN's loss is taken over. */
    public enum Part { DISCRIMINATOR, GENERATOR }

    private GeometryModels() {
    }

    /** The objective of the model at {@code model}'s checkpoint on {@code n} examples. */
    public static NetworkObjective objective(SavedModel model, int n, Part part, long seed) {
        if (n < 1) {
            throw new LabException("the analysis needs at least one example, not " + n);
        }
        return switch (model.kind()) {
            case AUTOENCODER, VAE -> autoencoder(model, n, seed);
            case GAN -> gan(model, n, part, seed);
            case RBM -> throw new LabException(model.runDir().getFileName() + " is an RBM run: its energy is not a"
                    + " DL4J network loss; analyse an autoencoder, VAE or GAN run");
            case CYCLEGAN -> throw new LabException(model.runDir().getFileName() + " is a CycleGAN run: open an"
                    + " autoencoder, VAE or GAN run");
            case SBN -> throw new LabException(model.runDir().getFileName() + " is a sigmoid belief net run: its"
                    + " units are binary and stochastic, not a DL4J network loss; analyse an autoencoder, VAE or GAN"
                    + " run");
            case VAEGAN -> throw new LabException(model.runDir().getFileName() + " is a VAE-GAN run: open"
                    + " it as the VAE it holds (SavedModel opens its encoder and decoder)");
            case AAE -> throw new LabException(model.runDir().getFileName() + " is an adversarial autoencoder run: the"
                    + " latent studio opens its decoder; analyse an autoencoder, VAE or GAN run");
        };
    }

    /**
     * A model to analyse without a stored run: the autoencoder preset {@code preset} trained for
     * {@code iterations} (float, as the lab trains), its reconstruction loss on n examples in double.
     */
    public static NetworkObjective trainedPreset(String preset, int iterations, int n, long seed,
                                                 org.latentlab.core.Monitor monitor) {
        ReconstructionExperiment spec = Presets.loadReconstruction(preset);
        if (spec.family() == Family.RBM) {
            throw new LabException(preset + " is an RBM preset; pick an autoencoder or VAE preset");
        }
        DataSource data = ExperimentData.open(spec.dataset(), Path.of("."),
                org.latentlab.data.ImageScale.ZERO_TO_ONE);
        ExperimentData.Split split = ExperimentData.split(data, spec.heldOut(), spec.seed());
        org.latentlab.train.ae.AutoencoderTrainer t = (org.latentlab.train.ae.AutoencoderTrainer)
                ExperimentRunner.buildTrainer(spec, split.train(), DataType.FLOAT);
        for (int i = 0; i < iterations; i++) {
            monitor.checkCancelled();
            t.iterate();
            if (i % 50 == 0) {
                monitor.progress((double) i / iterations, "training " + preset + ": iteration " + i);
            }
        }
        INDArray x = batch(split.heldOut() != null ? split.heldOut() : split.train(), n, seed);
        MultiLayerNetwork enc = DoubleNetworks.copy(t.encoder());
        MultiLayerNetwork dec = DoubleNetworks.copy(t.decoder());
        AutoencoderSettings s = spec.training();
        return spec.family() == Family.VAE
                ? AutoencoderObjective.vae(enc, dec, x, s.reconstruction(), s.beta(), seed)
                : AutoencoderObjective.plain(enc, dec, x, x, s.reconstruction());
    }

    private static NetworkObjective autoencoder(SavedModel model, int n, long seed) {
        ExampleSet examples = model.heldOut();
        DataSource source = examples != null ? examples : model.trainingData();
        INDArray x = batch(source, n, seed);
        MultiLayerNetwork enc = DoubleNetworks.copy(model.encoder());
        MultiLayerNetwork dec = DoubleNetworks.copy(model.decoder());
        AutoencoderSettings s = model.modelSpec().training();
        if (model.kind() == Family.VAE) {
            return AutoencoderObjective.vae(enc, dec, x, s.reconstruction(), s.beta(), seed);
        }
        return AutoencoderObjective.plain(enc, dec, x, x, s.reconstruction());
    }

    private static NetworkObjective gan(SavedModel model, int n, Part part, long seed) {
        GanExperiment spec = model.ganSpec();
        DataSource data = model.data();
        GanTrainer trainer = ExperimentRunner.buildTrainer(spec, data, DataType.DOUBLE);
        Checkpoint.restore(model.checkpoint(), trainer);
        INDArray z = Nd4j.randn(new Random(seed).nextLong(), new long[] {n, spec.latentDim()})
                .castTo(DataType.DOUBLE);
        if (part == Part.GENERATOR) {
            return GanObjective.generator(trainer, z);
        }
        return GanObjective.discriminator(trainer, batch(data, n, seed), z);
    }

    /**
     * n examples as a DOUBLE matrix: the first n of a finite set (its order is already a fixed shuffle for held-out
     * parts), or n drawn from a distribution with the random generator seeded by {@code seed}.
     */
    public static INDArray batch(DataSource source, int n, long seed) {
        int d = source.dimension();
        if (source instanceof ExampleSet set) {
            int m = Math.min(n, set.size());
            double[] b = new double[m * d];
            for (int i = 0; i < m; i++) {
                float[] e = set.example(i);
                for (int j = 0; j < d; j++) {
                    b[i * d + j] = e[j];
                }
            }
            return Nd4j.create(b, new long[] {m, d}, DataType.DOUBLE);
        }
        float[] buf = new float[n * d];
        source.sample(n, new Random(seed), buf);
        double[] b = new double[buf.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = buf[i];
        }
        return Nd4j.create(b, new long[] {n, d}, DataType.DOUBLE);
    }
}
