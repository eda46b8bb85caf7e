package org.latentlab.experiment.geometry;

/**
 * The curvature of the loss at one checkpoint: one point of the "training error vs eigenvalues" figure.
 *
 * @param iteration        the checkpoint's iteration
 * @param loss             the loss on the analysis batch at that checkpoint
 * @param topEigenvalue    the largest Hessian eigenvalue (Lanczos)
 * @param negativeFraction the fraction of negative eigenvalues estimated by stochastic Lanczos quadrature
 * @param traceEstimate    the trace as the quadrature sees it
 */
public record CurvatureRow(long iteration, double loss, double topEigenvalue, double negativeFraction,
                           double traceEstimate) {
}
