package org.latentlab.experiment.geometry;

import org.latentlab.analysis.hessian.SpectralDensity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** Below this many probes the density's trace is marked rough. */
    public static final int FEW_PROBES = 10;

    /** {lower, upper}: where the quadrature's nodes can place the negative fraction (see SpectralDensity). */
    public double[] negativeBounds() {
        return quadrature().negativeFractionBounds(GeometryJobs.NEGATIVE_TOLERANCE);
    }

    /** The eigenvalue below which one counts as negative: −{@link GeometryJobs#NEGATIVE_TOLERANCE}·max|node|. */
    public double negativeCut() {
        return quadrature().negativeCut(GeometryJobs.NEGATIVE_TOLERANCE);
    }

    /** Lanczos steps per run (the nodes of the longest run: fewer when the Krylov space ran out). */
    public int steps() {
        int m = 0;
        for (double[] n : nodes) {
            m = Math.max(m, n.length);
        }
        return m;
    }

    /**
     * What the numbers are and how sure they are, in a few lines for the screen and the command line: the negative
     * mass with its standard error over probes and the quadrature's bracket, and the trace with its standard error
     * and what estimator it is.
     */
    public String summary() {
        SpectralDensity q = quadrature();
        int runs = runs();
        double[] b = negativeBounds();
        String probes = runs + (runs == 1 ? " probe" : " probes");
        String head = String.format(Locale.ROOT, "Spectral density by stochastic Lanczos quadrature: %s × %d Lanczos"
                        + " steps, %d parameters%n"
                        + "  support about [%.4g, %.4g] (the extreme nodes)%n"
                        + "  negative mass: %.2f %%%s of the eigenvalues lie below −%s·max|λ| = %.3g%n"
                        + "    (the %d nodes of a run place it between %.2f %% and %.2f %%; more steps narrow that,"
                        + " more probes lower the standard error)%n",
                probes, steps(), info.parameters(), q.minNode(), q.maxNode(), 100 * negativeFraction,
                plusMinus(100 * negativeStandardError(), " %", runs), GeometryJobs.NEGATIVE_TOLERANCE,
                negativeCut(), steps(), 100 * b[0], 100 * b[1]);
        String trace = String.format(Locale.ROOT, "  trace ≈ %.4g%s: n·α₁ of the same %s, i.e. Hutchinson's estimator"
                + " with %d %s, whatever the number of steps%n", traceEstimate, plusMinus(traceStandardError(), "",
                runs), probes, runs, runs == 1 ? "probe" : "probes");
        if (runs < FEW_PROBES) {
            trace += "    (rough: vᵀHv is skewed, so a few probes tend to fall low and to understate their own spread;"
                    + " quote Hutchinson's trace, which draws up to " + GeometryJobs.DEFAULT_TRACE_SAMPLES
                    + " probes at one product each)" + System.lineSeparator();
        }
        return head + unresolved(b) + trace;
    }

    /** A line when the nodes next to the cut carry much weight: the sign of those eigenvalues is not resolved. */
    private String unresolved(double[] bounds) {
        if (bounds[1] - bounds[0] < 0.1) {
            return "";
        }
        double cut = negativeCut();
        double[] th = nodes[0];
        double[] w = weights[0];
        int above = 0;
        while (above < th.length && th[above] < cut) {
            above++;
        }
        int heavy = above == th.length || (above > 0 && w[above - 1] > w[above]) ? above - 1 : above;
        double node = th[heavy];
        double weight = w[heavy];
        return String.format(Locale.ROOT, "    not resolved: a node next to the cut carries much of the weight (%.1f %%"
                + " at %.3g in the first probe), standing for many eigenvalues near zero whose sign the quadrature"
                + " cannot tell (the exact spectrum of a small model can; more steps help slowly)%n", 100 * weight, node);
    }

    private static String plusMinus(double se, String unit, int runs) {
        if (!Double.isFinite(se)) {
            return " (one probe: no standard error)";
        }
        return String.format(Locale.ROOT, " ± %.2g%s (standard error over %d probes)", se, unit, runs);
    }

    /** The number of random starts. */
    public int runs() {
        return nodes.length;
    }
}
