package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * D's parameters, optimiser state, spectral normalisation's state and step statistics before the unrolled GAN's
 * look-ahead (Metz et al. 2017), put back after G's step: the k look-ahead updates of D serve G's gradient alone.
 * The copies live in the trainer's step arrays (overwritten by the next look-ahead).
 */
final class LookAheadSnapshot {

    private final MultiLayerNetwork discriminator;
    private final SpectralNormalisation spectralNorm;
    private final GanTrainer.StepStats last;
    private final INDArray params;
    private final INDArray state;
    private final INDArray normalisation;
    private final double[] stats;

    /** Takes the snapshot now; {@code spectralNorm} is null when it is off. */
    LookAheadSnapshot(MultiLayerNetwork discriminator, SpectralNormalisation spectralNorm, StepArrays step,
                      GanTrainer.StepStats last) {
        this.discriminator = discriminator;
        this.spectralNorm = spectralNorm;
        this.last = last;
        INDArray p = discriminator.params();
        params = step.get("unrollParams", 1, p.length()).assign(p.reshape(1, p.length()));
        INDArray s = discriminator.getUpdater().getStateViewArray();
        state = s == null ? null : step.get("unrollState", 1, s.length()).assign(s.reshape(1, s.length()));
        normalisation = spectralNorm == null ? null : spectralNorm.state();
        stats = new double[] {last.discriminatorLoss, last.realScore, last.fakeScore, last.penalty,
                last.criticGradientNorm};
    }

    /** Puts D, its optimiser state, its normalisation and the step statistics back as they were. */
    void restore() {
        INDArray p = discriminator.params();
        p.assign(params.reshape(p.shape()));
        INDArray s = discriminator.getUpdater().getStateViewArray();
        if (state != null) {
            s.assign(state.reshape(s.shape()));
        }
        if (normalisation != null) {
            spectralNorm.restore(normalisation);
        }
        last.discriminatorLoss = stats[0];
        last.realScore = stats[1];
        last.fakeScore = stats[2];
        last.penalty = stats[3];
        last.criticGradientNorm = stats[4];
    }
}
