package org.latentlab.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Historical averaging (Salimans et al. 2016, "Improved techniques for training GANs", section 3.3) for one player:
 * θ̄_t, the mean of the parameters θ_1..θ_t after each of its t updates so far (before the first, θ̄ = θ, so the
 * term starts at zero), and the term λ‖θ − θ̄‖² added to the player's loss, whose gradient 2λ(θ − θ̄) is added to
 * its flat gradient before the optimiser step. θ̄ is kept in the network's data type, updated in place as
 * θ̄ ← θ̄ + (θ − θ̄)/t; a checkpoint stores θ̄ and t so a resumed run continues exactly. Not thread-safe: the
 * trainer's owner thread runs it.
 */
public final class HistoricalAverage {

    private final INDArray mean;
    private long count;

    /** Starts at θ̄ = θ with no update counted. */
    HistoricalAverage(INDArray theta) {
        this.mean = theta.dup();
    }

    /**
     * Adds 2λ(θ − θ̄) into {@code gradient} (the player's flat gradient, DL4J's layout) and returns λ‖θ − θ̄‖².
     */
    double addPenalty(INDArray theta, double lambda, INDArray gradient) {
        INDArray diff = theta.sub(mean);
        double squared = diff.mul(diff).sumNumber().doubleValue();
        gradient.addi(diff.muli(2 * lambda).reshape(gradient.shape()));
        return lambda * squared;
    }

    /** After an update: counts it and takes θ, the parameters it produced, into the mean. */
    void record(INDArray theta) {
        count++;
        mean.addi(theta.sub(mean).divi(count));
    }

    /** θ̄, live (the owner thread's; copy it to keep it). */
    public INDArray mean() {
        return mean;
    }

    /** The updates averaged into {@link #mean()}. */
    public long count() {
        return count;
    }

    /** Restores a saved θ̄ and count (a checkpoint's). */
    public void restore(INDArray savedMean, long savedCount) {
        if (savedMean.length() != mean.length() || savedCount < 0) {
            throw new IllegalArgumentException("a historical average of " + savedMean.length() + " values over "
                    + savedCount + " updates does not fit " + mean.length() + " parameters");
        }
        mean.assign(savedMean.reshape(mean.shape()).castTo(mean.dataType()));
        count = savedCount;
    }

    /** Starts again from θ̄ = θ with no update counted (a checkpoint written before historical averaging). */
    public void restartAt(INDArray theta) {
        restore(theta, 0);
    }
}
