package org.latentlab.train.sbn;

import java.util.List;

/**
 * What a wake-sleep run shows, copied out of the net: the learning curve so far, the first layer's weights as
 * images and samples from the generative model.
 *
 * @param iteration          iterations done
 * @param iterations         iterations in all
 * @param curve              the held-out measurements so far, oldest first
 * @param generativeFilters  for each unit of hidden layer 1, its generative weights to the pixels (a row of G_1)
 * @param recognitionFilters for each unit of hidden layer 1, its recognition weights from the pixels (a column of
 *                           R_1)
 * @param samples            dreams of the generative model, shown as {@code p(x_0 = 1 | x_1)} for the dreamt x_1
 * @param seconds            wall time so far
 */
public record WakeSleepStatus(int iteration, int iterations, List<Point> curve, float[][] generativeFilters,
                              float[][] recognitionFilters, float[][] samples, double seconds) {

    public WakeSleepStatus {
        curve = List.copyOf(curve);
    }

    /**
     * One measurement on the held-out images: the mean over images of a one-sample estimate of the variational
     * lower bound {@code log p(x, h) − log q(h | x)} (h drawn from the recognition net; nats per image, higher is
     * better, at most {@code log p(x)}), and its reconstruction part {@code −log p(x | h_1)} (the pixels'
     * cross-entropy through R then G, nats per image).
     */
    public record Point(int iteration, double bound, double reconstruction) {
    }

    /** The newest measurement, or null before the first. */
    public Point last() {
        return curve.isEmpty() ? null : curve.get(curve.size() - 1);
    }
}
