package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.train.Backend;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A BiGAN's held-out reconstructions G(E(x)) against a plain autoencoder with the same networks (Donahue et al.
 * 2017 report that BiGAN reconstructions keep the digit's identity but not its pixels): the autoencoder's encoder is
 * E, its decoder G (less a final reshape), trained on the same training split in the same scale with the mean
 * squared error, the same batch size and as many iterations, with the lab's autoencoder optimiser (Adam, learning
 * rate 1e-3, β₁ 0.9). Both are measured on the same held-out examples, as the mean squared error per value (on
 * [0, 1] pixels for images).
 *
 * @param biganStart the BiGAN's error before training (G and E at their first parameters)
 * @param aeStart    the autoencoder's error before training
 */
public record BiganComparison(String name, long iterations, int heldOut, double biganStart, double biganError,
                              double biganSeconds, double aeStart, double aeError, double aeSeconds) {

    /** The autoencoder's learning rate (Adam, β₁ 0.9), as the lab's autoencoder presets. */
    public static final double AE_LEARNING_RATE = 1e-3;

    /** Trains both for {@code iterations} and measures them on the BiGAN's held-out examples. */
    public static BiganComparison run(GanExperiment spec, long iterations, Monitor monitor) {
        if (!spec.learnsEncoder()) {
            throw new LabException(spec.name() + " has no encoder: choose a BiGAN experiment (ring8-bigan, mnist-bigan)");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("train at least 1 iteration, not " + iterations);
        }
        Backend.init();
        Backend.applyToCurrentThread();
        GanExperiment gan = spec.withIterations(iterations);
        ExperimentData.Split split = GanRecipe.INSTANCE.data(gan, Path.of("."));
        ExperimentRunner.checkFits(gan, split.train());
        BiganViews views = new BiganViews(split.train(), split.heldOut(), gan.seed());

        GanTrainer bigan = ExperimentRunner.buildTrainer(gan, split.train(), DataType.FLOAT);
        double biganStart = views.heldOutMse(bigan);
        long t0 = System.nanoTime();
        train(bigan, iterations, gan.name() + " (BiGAN)", 0, monitor);
        double biganSeconds = (System.nanoTime() - t0) / 1e9;
        double biganError = views.heldOutMse(bigan);

        ReconstructionExperiment ae = autoencoderOf(gan);
        AutoencoderTrainer autoencoder = (AutoencoderTrainer) ExperimentRunner.buildTrainer(ae, split.train(),
                DataType.FLOAT);
        double aeStart = views.heldOutMse(autoencoder::reconstruct, DataType.FLOAT);
        t0 = System.nanoTime();
        train(autoencoder, iterations, ae.name() + " (autoencoder)", 0.5, monitor);
        double aeSeconds = (System.nanoTime() - t0) / 1e9;
        double aeError = views.heldOutMse(autoencoder::reconstruct, DataType.FLOAT);
        int heldOut = split.heldOut() == null ? BiganViews.ENCODED : Math.min(BiganViews.ENCODED,
                split.heldOut().size());
        return new BiganComparison(gan.name(), iterations, heldOut, biganStart, biganError, biganSeconds, aeStart,
                aeError, aeSeconds);
    }

    private static void train(Trainer t, long iterations, String what, double offset, Monitor monitor) {
        for (long i = 0; i < iterations; i++) {
            t.iterate();
            if (i % 50 == 0) {
                monitor.checkCancelled();
                monitor.progress(offset + 0.5 * i / iterations, String.format(Locale.ROOT, "%s: iteration %d of %d",
                        what, i, iterations));
            }
        }
    }

    /** The autoencoder of the same networks: encoder E, decoder G without a final reshape, MSE, G's batch size. */
    static ReconstructionExperiment autoencoderOf(GanExperiment gan) {
        NetworkSpec g = gan.generator();
        List<LayerSpec> layers = new ArrayList<>(g.layers());
        if (layers.get(layers.size() - 1) instanceof LayerSpec.Reshape) {
            layers.remove(layers.size() - 1);
        }
        NetworkSpec decoder = new NetworkSpec("decoder", g.input(), layers);
        NetworkSpec encoder = gan.bigan().encoder();
        AutoencoderSettings settings = AutoencoderSettings.plain(AutoencoderSettings.Reconstruction.MSE,
                AE_LEARNING_RATE, gan.training().batchSize());
        return new ReconstructionExperiment(gan.name() + "-ae", "a plain autoencoder with " + gan.name()
                + "'s encoder and generator", Family.AUTOENCODER, gan.seed(), gan.dataset(), encoder, decoder,
                settings, null, gan.iterations(), gan.sampleInterval(), gan.checkpointInterval(), gan.bigan().heldOut());
    }

    /** The comparison as CSV: one row per model. */
    public String csv() {
        return "model,iterations,held_out,mse_start,mse,train_seconds\n"
                + String.format(Locale.ROOT, "bigan,%d,%d,%.6f,%.6f,%.1f%n", iterations, heldOut, biganStart,
                biganError, biganSeconds)
                + String.format(Locale.ROOT, "autoencoder,%d,%d,%.6f,%.6f,%.1f%n", iterations, heldOut, aeStart,
                aeError, aeSeconds);
    }

    /** The comparison as a Markdown table. */
    public String markdown() {
        return "| " + name + ", " + iterations + " iterations | held-out MSE at start | held-out MSE | training (s) |\n"
                + "|---|---:|---:|---:|\n"
                + String.format(Locale.ROOT, "| BiGAN: G(E(x)) | %.4f | %.4f | %.0f |%n", biganStart, biganError,
                biganSeconds)
                + String.format(Locale.ROOT, "| autoencoder, same E and G, MSE loss | %.4f | %.4f | %.0f |%n", aeStart,
                aeError, aeSeconds);
    }
}
