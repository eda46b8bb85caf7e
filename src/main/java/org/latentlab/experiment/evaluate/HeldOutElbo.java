package org.latentlab.experiment.evaluate;

import org.latentlab.core.LabException;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.Checkpoint;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * A VAE's negative ELBO on its held-out split, −E_q[log p(x|z)] + KL(q(z|x) ‖ N(0, I)) (β = 1, whatever β the
 * model trained with) in nats per example, with
 * one draw of z per example (the sampling noise seeded), as the bench measures it while training (Kingma and Welling
 * 2014, "Auto-encoding variational Bayes"). An upper bound on −log p(x) of images the model never trained on.
 *
 * @param negativeElbo   nats per example
 * @param reconstruction its reconstruction part
 * @param kl             its KL part
 * @param examples       held-out examples measured
 * @param seconds        time taken
 */
public record HeldOutElbo(double negativeElbo, double reconstruction, double kl, int examples, double seconds) {

    private static final int BATCH = 500;

    public HeldOutElbo {
        if (examples < 1) {
            throw new IllegalArgumentException("the ELBO needs at least one held-out example");
        }
    }

    /** Measures a saved VAE on its held-out split; the checkpoint is restored into a freshly built trainer. */
    public static HeldOutElbo of(SavedModel saved, long seed) {
        if (saved.kind() != Family.VAE) {
            throw new LabException(saved.name() + " is not a VAE: only a VAE has an ELBO");
        }
        long start = System.nanoTime();
        ExperimentData.Split split = ExperimentData.split(saved.data(), saved.modelSpec().heldOut(),
                saved.modelSpec().seed());
        AutoencoderTrainer trainer = (AutoencoderTrainer) ExperimentRunner.buildTrainer(saved.modelSpec(),
                split.train(), DataType.FLOAT);
        Checkpoint.restore(saved.checkpoint(), trainer);
        ExampleSet heldOut = split.heldOut();
        int n = heldOut.size();
        int d = heldOut.dimension();
        double recon = 0;
        double kl = 0;
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            float[] x = new float[m * d];
            for (int i = 0; i < m; i++) {
                System.arraycopy(heldOut.example(from + i), 0, x, i * d, d);
            }
            Map<String, Double> losses = trainer.evaluate(Nd4j.create(x, new long[] {m, d}, 'c')
                    .castTo(trainer.dataType()), false, seed + from);
            recon += losses.get("reconstruction") * m;
            kl += losses.get("KL") * m;
        }
        return new HeldOutElbo((recon + kl) / n, recon / n, kl / n, n, (System.nanoTime() - start) / 1e9);
    }
}
