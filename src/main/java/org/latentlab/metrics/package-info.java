/**
 * Measures of generated samples, whatever trained them: mode coverage of 2-D mixtures (VEEGAN's definition),
 * batch diversity, and the standard scores of generated images computed on feature vectors or class
 * probabilities that a classifier supplies: {@link org.latentlab.metrics.FrechetDistance},
 * {@link org.latentlab.metrics.KernelInceptionDistance}, {@link org.latentlab.metrics.PrecisionRecall},
 * {@link org.latentlab.metrics.ClassifierScore}, {@link org.latentlab.metrics.ClassHistogram},
 * {@link org.latentlab.metrics.ParzenWindow} and {@link org.latentlab.metrics.NearestNeighbours}. Arrays in,
 * numbers out ({@link org.latentlab.metrics.FeatureRows} turns the lab's flat float batches into rows); imports no
 * other lab package.
 */
package org.latentlab.metrics;
