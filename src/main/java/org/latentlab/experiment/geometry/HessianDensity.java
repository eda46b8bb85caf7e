package org.latentlab.experiment.geometry;

import org.latentlab.analysis.hessian.SpectralDensity;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hessian's eigenvalue density at a checkpoint by stochastic Lanczos quadrature (Ghorbani et al. 2019,
 * PyHessian): the quadrature of each random start, the smoothed density on a grid, and what follows from it.
 *
 * @param info             what was analysed
 * @param nodes            each run's Ritz values, ascending
 * @param weights          each run's weights (summing to 1)
 * @param grid             where the density is sampled
 * @param density          the density there (integrates to 1)
 * @param sigma            the Gaussian width it is smoothed with
 * @param negativeFraction the estimated fraction of eigenvalues below
 *                         −{@link GeometryJobs#NEGATIVE_TOLERANCE}·max|node|
 * @param traceEstimate    n · mean over runs of Σ wᵢ θᵢ: the trace as the quadrature sees it. Σ wᵢ θᵢ = vᵀHv / n
 *                         for the run's Rademacher start v, so this is Hutchinson's estimate with {@code runs}
 *                         samples (the same vectors as {@code hessianTrace}'s first ones): as noisy as that
 */
public record HessianDensity(AnalysisInfo info, double[][] nodes, double[][] weights, double[] grid, double[] density,
                             double sigma, double negativeFraction, double traceEstimate) {

    public HessianDensity {
        if (info == null || nodes == null || weights == null || grid == null || density == null) {
            throw new IllegalArgumentException("a density result needs info, quadratures and the curve");
        }
        if (nodes.length == 0 || nodes.length != weights.length || grid.length != density.length) {
            throw new IllegalArgumentException("one weight row per node row, one density value per grid point");
        }
        for (int r = 0; r < nodes.length; r++) {
            if (nodes[r].length == 0 || nodes[r].length != weights[r].length) {
                throw new IllegalArgumentException("run " + r + ": one weight per node");
            }
        }
    }

    /** The quadratures as the analysis package's type. */
    public SpectralDensity quadrature() {
        List<SpectralDensity.Quadrature> runs = new ArrayList<>();
        for (int r = 0; r < nodes.length; r++) {
            runs.add(new SpectralDensity.Quadrature(nodes[r].clone(), weights[r].clone()));
        }
        return new SpectralDensity(runs);
    }

    /** The standard error of {@link #traceEstimate()} over the runs (each one probe); NaN for a single run. */
    public double traceStandardError() {
        return quadrature().traceStandardError(info.parameters());
    }

    /** The standard error of {@link #negativeFraction()} over the runs; NaN for a single run. */
    public double negativeStandardError() {
        return quadrature().negativeFractionStandardError(GeometryJobs.NEGATIVE_TOLERANCE);
    }

    /** The number of random starts. */
    public int runs() {
        return nodes.length;
    }
}
