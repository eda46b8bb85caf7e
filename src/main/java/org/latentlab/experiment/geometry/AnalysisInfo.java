package org.latentlab.experiment.geometry;

import org.latentlab.experiment.GeometryModels;

/**
 * What a geometry result was computed on, stored with it in its cache file.
 *
 * @param run        the run folder's name
 * @param iteration  the checkpoint's iteration
 * @param kind       gan, autoencoder or vae
 * @param objective  the loss, as {@code Objective.describe()} puts it
 * @param parameters the number of parameters the loss is a function of (D's or G's alone for a GAN)
 * @param examples   the examples the loss is taken over
 * @param part       D's or G's loss for a GAN; null otherwise
 * @param seed       the random seed of the analysis
 * @param loss       the loss at the checkpoint's parameters
 * @param seconds    how long the computation took when it was made (not when read from the cache)
 */
public record AnalysisInfo(String run, long iteration, String kind, String objective, int parameters, int examples,
                           GeometryModels.Part part, long seed, double loss, double seconds) {

    public AnalysisInfo {
        if (run == null || kind == null || objective == null) {
            throw new IllegalArgumentException("run, kind and objective are required");
        }
        if (parameters < 1 || examples < 1) {
            throw new IllegalArgumentException("an analysis has at least one parameter and one example");
        }
    }
}
