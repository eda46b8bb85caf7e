package org.latentlab.experiment.relu;

import org.latentlab.analysis.relu.LinearPieces;
import org.latentlab.analysis.relu.LinearRegions;
import org.latentlab.analysis.relu.ReluNet;

/**
 * What a fit publishes while it trains, immutable and copied out of the training thread: the step, the loss on the
 * training points, the net, and its exact pieces (one input) or regions (two inputs; the other is null).
 *
 * @param spec       the fit
 * @param iteration  Adam steps taken
 * @param loss       mean squared error on the training points
 * @param net        the net at this step
 * @param pieces     its exact linear pieces on [lo, hi] (one input), else null
 * @param regions    its exact linear regions on [lo, hi]² (two inputs), else null
 * @param seconds    time since the fit started
 */
public record ReluFitStatus(ReluFitSpec spec, long iteration, double loss, ReluNet net, LinearPieces pieces,
                            LinearRegions regions, double seconds) {

    /** Linear pieces of the curve, or activation regions of the plane. */
    public int count() {
        return pieces != null ? pieces.pieces() : regions.count();
    }

    public boolean finished() {
        return iteration >= spec.iterations();
    }
}
