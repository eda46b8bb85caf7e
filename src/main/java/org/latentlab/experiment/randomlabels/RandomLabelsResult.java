package org.latentlab.experiment.randomlabels;

import java.util.List;

/**
 * What a random-labels experiment measured so far (published after every point while it runs, then once at the end):
 * per run its accuracy curves on its own training labels and on the held-out images' true labels.
 *
 * @param finished whether every run is complete
 */
public record RandomLabelsResult(RandomLabelsOptions options, String network, List<Run> runs, double seconds,
                                 boolean finished) {

    /**
     * One classifier's training.
     *
     * @param name        short ("true labels", "50 % shuffled", ...)
     * @param about       what its training set is
     * @param changed     training labels that differ from the true ones
     * @param iterations  the curves' iterations
     * @param train       accuracy on the training set with the labels it trains on
     * @param heldOut     accuracy on the held-out images, true labels
     * @param fittedAt    the first curve iteration with training accuracy 1.0, or −1
     * @param fittedAfter seconds of training (this run alone) until then, or NaN
     */
    public record Run(String name, String about, int changed, long[] iterations, double[] train, double[] heldOut,
                      long fittedAt, double fittedAfter) {

        /** The last training accuracy, NaN before the first point. */
        public double lastTrain() {
            return train.length == 0 ? Double.NaN : train[train.length - 1];
        }

        /** The last held-out accuracy, NaN before the first point. */
        public double lastHeldOut() {
            return heldOut.length == 0 ? Double.NaN : heldOut[heldOut.length - 1];
        }
    }
}
