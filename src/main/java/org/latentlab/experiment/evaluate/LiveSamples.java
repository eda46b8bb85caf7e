package org.latentlab.experiment.evaluate;

import org.latentlab.core.LabException;
import org.latentlab.data.ImageScale;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Host;
import org.latentlab.train.Latent;
import org.latentlab.train.TrainingRun;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A batch of G's samples copied out of a running GAN, and the iteration they were copied at: the live counterpart of
 * {@link GeneratedSamples#draw} (which reads a checkpoint). The codes come from a fixed seed, so the batches of
 * successive iterations show the same codes.
 */
public record LiveSamples(long iteration, GeneratedSamples samples) {

    /**
     * Asks the run's thread for G's samples of {@code count} codes drawn from {@code seed}; the networks are read only
     * there, between two iterations. Fails when the run has ended or no trainer is built.
     */
    public static CompletableFuture<LiveSamples> capture(TrainingRun<GanTrainer, ?> run, int count, long seed) {
        CompletableFuture<LiveSamples> out = new CompletableFuture<>();
        if (!run.isAlive()) {
            out.completeExceptionally(new LabException("the run has ended: load the experiment again"));
            return out;
        }
        run.query(trainer -> {
            try {
                if (trainer == null) {
                    throw new LabException("the networks could not be built, so G has no samples to score");
                }
                out.complete(of(trainer, count, seed));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /** G's samples for {@code count} codes drawn from {@code seed}, pixels in [0, 1]; on the trainer's thread. */
    static LiveSamples of(GanTrainer trainer, int count, long seed) {
        DataType dt = trainer.generator().params().dataType();
        INDArray z = Latent.gaussian(count, trainer.latentDim(), new Random(seed), dt);
        float[] pixels = ClassifierImageJudge.convert(Host.floats(trainer.generate(z)), ImageScale.MINUS_ONE_TO_ONE,
                ImageScale.ZERO_TO_ONE);
        return new LiveSamples(trainer.iteration(), new GeneratedSamples(new ScoreCard.Images(pixels, count),
                trainer.data().shape(), String.format(Locale.ROOT, "G(z) at iteration %,d, z ~ N(0, I) in %d"
                        + " dimensions, the same codes at every iteration", trainer.iteration(),
                trainer.latentDim())));
    }
}
