package org.latentlab.experiment.geometry;

import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.GanStatus;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Trainer;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.DatasetSpec;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.RunState;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Tiny real run folders, trained in a few seconds by the same runners the CLI and the window use: autoencoders and
 * VAEs with tanh layers on the 8-Gaussian ring (51 and 52 parameters, small enough for the exact Hessian), an MNIST
 * autoencoder 784-4-784 for tangents, and a small GAN.
 */
public final class TinyRuns {

    private TinyRuns() {
    }

    /** A ring8 autoencoder 2-6-1 / 1-6-2 (tanh), or the VAE 2-6-2 / 1-6-2, trained and checkpointed. */
    public static ReconstructionExperiment ringModel(Family family, long iterations, int checkpointInterval) {
        ReconstructionExperiment base = Presets.loadReconstruction("ring8-ae-2d");
        boolean vae = family == Family.VAE;
        NetworkSpec enc = new NetworkSpec("encoder", Shape.vector(2), List.of(
                new LayerSpec.Dense("enc1", 6, Activation.TANH, 0.2),
                new LayerSpec.Dense("code", vae ? 2 : 1, Activation.IDENTITY, 0.2)));
        NetworkSpec dec = new NetworkSpec("decoder", Shape.vector(1), List.of(
                new LayerSpec.Dense("dec1", 6, Activation.TANH, 0.2),
                new LayerSpec.Dense("out", 2, Activation.IDENTITY, 0.2)));
        return new ReconstructionExperiment(vae ? "tiny-vae" : "tiny-ae", "geometry test", family, 3, base.dataset(), enc, dec,
                base.training().withLearningRate(0.01), null, iterations, (int) iterations, checkpointInterval,
                1000);
    }

    /** An MNIST autoencoder 784-4-784 (sigmoid code, Bernoulli cross-entropy). */
    public static ReconstructionExperiment mnistModel(long iterations) {
        ReconstructionExperiment base = Presets.loadReconstruction("mnist-ae");
        NetworkSpec enc = new NetworkSpec("encoder", Shape.vector(784), List.of(
                new LayerSpec.Dense("code", 4, Activation.SIGMOID, 0.2)));
        NetworkSpec dec = new NetworkSpec("decoder", Shape.vector(4), List.of(
                new LayerSpec.Dense("out", 784, Activation.IDENTITY, 0.2)));
        return new ReconstructionExperiment("tiny-mnist-ae", "geometry test", Family.AUTOENCODER, 5,
                DatasetSpec.images("mnist"), enc, dec, base.training(), null, iterations, (int) iterations,
                (int) iterations, 1000);
    }

    /** A ring8 GAN, G 2-8-2 and D 2-8-1 (tanh), non-saturating loss. */
    public static GanExperiment ringGan(long iterations) {
        GanExperiment base = Presets.loadGan("ring8-nsgan");
        NetworkSpec g = new NetworkSpec("G", Shape.vector(2), List.of(
                new LayerSpec.Dense("g1", 8, Activation.TANH, 0.2),
                new LayerSpec.Dense("g_out", 2, Activation.IDENTITY, 0.2)));
        NetworkSpec d = new NetworkSpec("D", Shape.vector(2), List.of(
                new LayerSpec.Dense("d1", 8, Activation.TANH, 0.2),
                new LayerSpec.Dense("d_out", 1, Activation.IDENTITY, 0.2)));
        return new GanExperiment("tiny-gan", "geometry test", 4, base.dataset(), g, d, base.training(), iterations,
                (int) iterations, 10);
    }

    /** Trains a model experiment to the end in a new run folder under {@code runs}. */
    public static Path train(ReconstructionExperiment spec, Path runs) {
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> s = ExperimentRunner.start(spec, new ExperimentRunner.Options(runs, Path.of("."), 50,
                60_000))) {
            s.run().start();
            s.run().awaitIdle(120_000);
            assertEquals(RunState.FINISHED, s.run().state());
            assertNotNull(s.runDir());
            return s.runDir();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Trains a GAN experiment to the end in a new run folder under {@code runs}. */
    public static Path train(GanExperiment spec, Path runs) {
        try (ExperimentRunner.Session<GanTrainer, GanStatus> s = ExperimentRunner.start(spec, new ExperimentRunner.Options(runs, Path.of("."),
                50, 60_000))) {
            s.run().start();
            s.run().awaitIdle(120_000);
            assertEquals(RunState.FINISHED, s.run().state());
            assertNotNull(s.runDir());
            return s.runDir();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
