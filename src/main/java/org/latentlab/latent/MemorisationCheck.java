package org.latentlab.latent;

import java.util.Locale;

/**
 * Does G only reproduce its training images? After inverting G on a target x (best a held-out image), compare the
 * reconstruction's distance to x with the distance from x to its nearest training image: a generator that
 * generalises reconstructs x more closely than any training image matches it, while one that memorised can do no
 * better than the nearest training image (Webster et al. 2019, "Detecting overfitting of deep generative networks
 * via latent recovery"; the nearest-neighbour check of Theis et al. 2016 §3.2). The training image nearest to the
 * reconstruction is reported too: when it is much closer to G(z*) than x is, G(z*) is a copy of it.
 *
 * @param targetNearest         the training image nearest to the target x, and its distance to x
 * @param reconstructionNearest the training image nearest to the reconstruction G(z*), and its distance to G(z*)
 * @param reconstructionDistance ‖G(z*) − x‖
 */
public record MemorisationCheck(NearestNeighbours.Neighbour targetNearest,
                                NearestNeighbours.Neighbour reconstructionNearest, double reconstructionDistance) {

    /** True when G reconstructs the target more closely than any training image matches it. */
    public boolean reconstructsBetterThanTrainingSet() {
        return reconstructionDistance < targetNearest.distance();
    }

    /** A sentence for a person. */
    public String verdict() {
        if (targetNearest.distance() == 0) {
            return "the target is itself a training image: check memorisation on a held-out image";
        }
        if (reconstructsBetterThanTrainingSet()) {
            return String.format(Locale.ROOT, "G reconstructs the target more closely (%.4g) than its nearest"
                    + " training image matches it (%.4g): no sign of copying", reconstructionDistance,
                    targetNearest.distance());
        }
        return String.format(Locale.ROOT, "the nearest training image matches the target (%.4g) at least as well"
                + " as G's reconstruction (%.4g): G may only reproduce training images", targetNearest.distance(),
                reconstructionDistance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "reconstruction %.4g from target; nearest training image to target %s,"
                + " to reconstruction %s", reconstructionDistance, targetNearest, reconstructionNearest);
    }
}
