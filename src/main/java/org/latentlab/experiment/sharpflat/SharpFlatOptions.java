package org.latentlab.experiment.sharpflat;

import java.util.Locale;

/**
 * The size of a sharp/flat comparison.
 *
 * @param trainingSize labelled training images (each seed draws its own, shared by both batch sizes)
 * @param testSize     held-out images measured
 * @param smallBatch   the small batch
 * @param largeBatch   the large batch (at most the training size)
 * @param epochs       the most passes over the training images, the same for both batches
 * @param targetLoss   training stops after the first epoch whose mean training loss (every training image) is at
 *                     most this, so that both minima are compared at the same training loss; 0: always all epochs
 * @param seeds        repetitions (initialisation and training subset)
 * @param lanczosSteps Hessian-vector products for λ₁ (Lanczos, the training loss on every training image)
 * @param directions   random filter-normalised directions through each minimum
 * @param radius       the line through a minimum spans θ + α·d, α ∈ [−radius, radius]
 * @param points       points on each line and on the interpolation; 4k + 1, so that α = 0 and α = 1 of the
 *                     interpolation over [−0.5, 1.5] fall on the grid
 */
public record SharpFlatOptions(int trainingSize, int testSize, int smallBatch, int largeBatch, int epochs,
                               double targetLoss, int seeds, int lanczosSteps, int directions, double radius, int points) {

    public SharpFlatOptions {
        if (trainingSize < 2 || testSize < 1 || seeds < 1 || epochs < 1) {
            throw new IllegalArgumentException("the comparison needs at least 2 training images, 1 held-out image,"
                    + " 1 epoch and 1 seed");
        }
        if (smallBatch < 1 || largeBatch <= smallBatch || largeBatch > trainingSize) {
            throw new IllegalArgumentException("the batches must satisfy 1 ≤ small < large ≤ training images, not "
                    + smallBatch + " and " + largeBatch + " of " + trainingSize);
        }
        if (!(targetLoss >= 0)) {
            throw new IllegalArgumentException("the target training loss is ≥ 0 (0: train every epoch), not "
                    + targetLoss);
        }
        if (lanczosSteps < 2 || directions < 1 || !(radius > 0) || points < 5 || (points - 1) % 4 != 0) {
            throw new IllegalArgumentException("λ₁ needs at least 2 Lanczos steps, a line at least one direction, a"
                    + " positive radius and 4k + 1 ≥ 5 points");
        }
    }

    /** The lecture's default: 2,000 images, batches 32 and 1,000, training loss 0.01 (at most 300 epochs), 3 seeds. */
    public static SharpFlatOptions lecture() {
        return new SharpFlatOptions(2000, 2000, 32, 1000, 300, 0.01, 3, 30, 2, 1.0, 41);
    }

    /** A quick look: one seed, 1,000 images, batches 32 and 500, training loss 0.02. */
    public static SharpFlatOptions quick() {
        return new SharpFlatOptions(1000, 1000, 32, 500, 200, 0.02, 1, 20, 1, 1.0, 21);
    }

    /** Whole batches per epoch. */
    public int iterationsPerEpoch(int batch) {
        return trainingSize / batch;
    }

    @Override
    public String toString() {
        String until = targetLoss > 0 ? String.format(Locale.ROOT, "trained to training loss %s (at most %d epochs)",
                targetLoss, epochs) : epochs + " epochs";
        return String.format(Locale.ROOT, "%d training images, batches %d and %d, %s, %d seed%s",
                trainingSize, smallBatch, largeBatch, until, seeds, seeds == 1 ? "" : "s");
    }
}
