package org.latentlab.experiment.sharpflat;

import java.util.Locale;

/**
 * The size of a sharp/flat comparison.
 *
 * @param trainingSize labelled training images (each seed draws its own, shared by both batch sizes)
 * @param testSize     held-out images measured
 * @param smallBatch   the small batch
 * @param largeBatch   the large batch (at most the training size)
 * @param epochs       passes over the training images, the same for both batches
 * @param seeds        repetitions (initialisation and training subset)
 * @param lanczosSteps Hessian-vector products for λ₁ (Lanczos, the training loss on every training image)
 * @param directions   random filter-normalised directions through each minimum
 * @param radius       the line through a minimum spans θ + α·d, α ∈ [−radius, radius]
 * @param points       points on each line and on the interpolation; 4k + 1, so that α = 0 and α = 1 of the
 *                     interpolation over [−0.5, 1.5] fall on the grid
 */
public record SharpFlatOptions(int trainingSize, int testSize, int smallBatch, int largeBatch, int epochs, int seeds,
                               int lanczosSteps, int directions, double radius, int points) {

    public SharpFlatOptions {
        if (trainingSize < 2 || testSize < 1 || seeds < 1 || epochs < 1) {
            throw new IllegalArgumentException("the comparison needs at least 2 training images, 1 held-out image,"
                    + " 1 epoch and 1 seed");
        }
        if (smallBatch < 1 || largeBatch <= smallBatch || largeBatch > trainingSize) {
            throw new IllegalArgumentException("the batches must satisfy 1 ≤ small < large ≤ training images, not "
                    + smallBatch + " and " + largeBatch + " of " + trainingSize);
        }
        if (lanczosSteps < 2 || directions < 1 || !(radius > 0) || points < 5 || (points - 1) % 4 != 0) {
            throw new IllegalArgumentException("λ₁ needs at least 2 Lanczos steps, a line at least one direction, a"
                    + " positive radius and 4k + 1 ≥ 5 points");
        }
    }

    /** The lecture's default: 2,000 images, batches 32 and 1,000, 40 epochs, 3 seeds. */
    public static SharpFlatOptions lecture() {
        return new SharpFlatOptions(2000, 2000, 32, 1000, 40, 3, 30, 2, 1.0, 41);
    }

    /** A quick look: one seed, 1,000 images, 20 epochs. */
    public static SharpFlatOptions quick() {
        return new SharpFlatOptions(1000, 1000, 32, 500, 20, 1, 20, 1, 1.0, 21);
    }

    /** Iterations for a batch: epochs × whole batches per epoch. */
    public long iterations(int batch) {
        return (long) epochs * (trainingSize / batch);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d training images, batches %d and %d, %d epochs, %d seed%s",
                trainingSize, smallBatch, largeBatch, epochs, seeds, seeds == 1 ? "" : "s");
    }
}
