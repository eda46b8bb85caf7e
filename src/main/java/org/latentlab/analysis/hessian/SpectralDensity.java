package org.latentlab.analysis.hessian;

import org.latentlab.analysis.Vectors;
import org.latentlab.core.Monitor;
import org.latentlab.core.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The eigenvalue density of a Hessian by stochastic Lanczos quadrature (Golub &amp; Meurant; Ubaru, Chen &amp; Saad
 * 2017; Ghorbani, Krishnan &amp; Xiao 2019; PyHessian's {@code density}). Each run starts Lanczos from a normalised
 * Rademacher vector v and takes m steps; the eigenvalues θᵢ of the tridiagonal T are quadrature nodes and the squared
 * first components τᵢ of its eigenvectors their weights, so that Σ τᵢ f(θᵢ) ≈ vᵀ f(H) v and, averaged over runs,
 * ≈ tr f(H) / n. The density is that quadrature applied to a Gaussian of width σ:
 * φ(t) = (1/runs) Σ_runs Σᵢ τᵢ N(t; θᵢ, σ²), which integrates to 1.
 *
 * <p>What follows from it, with how sure it is (each run is one random probe, so the spread over runs is the
 * uncertainty; checked in {@code StochasticEstimatorsTest} against matrices whose spectrum is known):
 * <ul>
 *   <li>the trace: Σᵢ τᵢ θᵢ = e₁ᵀTe₁ = α₁ = qᵀHq for the run's unit start q = v/√n, so n·Σᵢ τᵢ θᵢ = vᵀHv is exactly
 *       Hutchinson's sample for the Rademacher v; {@link #trace(int)} is Hutchinson's estimate with {@code runs}
 *       probes and {@link #traceStandardError(int)} its standard error (few runs: a rough number);</li>
 *   <li>the negative mass: the weight of the nodes below the cut, from the quadrature itself and not from the
 *       smoothed curve (whose Gaussians of width σ spill over zero from a positive spectrum);
 *       {@link #negativeFractionStandardError} is the spread over runs (the probes' sampling error) and
 *       {@link #negativeFractionBounds} how far the m nodes can place it (the quadrature's resolution).</li>
 *   <li>The trace does not depend on the number of Lanczos steps (it is α₁, fixed after the first product), only
 *       on the number of runs: 3 runs give Hutchinson's estimate from 3 probes, whose standard error is
 *       √(100/3) ≈ 6 times that of 100 probes.</li>
 * </ul>
 *
 * @param runs one quadrature (nodes ascending, weights summing to 1) per random start
 *
 * <p>The products are {@link HessianVectorProduct}'s: exact (the engine's R-operator) for the objectives the
 * engine runs, central differences of the gradient for the others.
 */
public record SpectralDensity(List<Quadrature> runs) {

    /** One run's quadrature rule. */
    public record Quadrature(double[] nodes, double[] weights) {
        @Override
        public String toString() {
            return "Quadrature nodes " + Arrays.toString(nodes) + " weights " + Arrays.toString(weights);
        }
    }

    /** A density sampled on a grid. */
    public record Curve(double[] x, double[] density, double sigma) {
        @Override
        public String toString() {
            return "density on " + x.length + " points over [" + x[0] + ", " + x[x.length - 1] + "], σ = " + sigma;
        }
    }

    public SpectralDensity {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a spectral density needs at least one run");
        }
        runs = List.copyOf(runs);
    }

    /**
     * Estimates the density from {@code runs} random starts of {@code steps} Lanczos steps each (PyHessian: 1 run,
     * 100 steps); run r starts from the Rademacher vector of seed {@code Seeds.seed(seed, r)}.
     */
    public static SpectralDensity estimate(HessianVectorProduct hvp, int runs, int steps, long seed,
                                           Monitor monitor) {
        if (runs < 1 || steps < 1) {
            throw new IllegalArgumentException("runs and steps must be positive");
        }
        int n = hvp.dimension();
        int m = Math.min(steps, n);
        List<Quadrature> out = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Random rng = new Random(Seeds.seed(seed, r));
            Lanczos.Process p = new Lanczos.Process(hvp, Vectors.rademacher(n, rng), rng);
            while (p.steps() < m) {
                monitor.checkCancelled();
                p.step();
                monitor.progress((r * (double) m + p.steps()) / ((double) runs * m),
                        "spectral density: run " + (r + 1) + " of " + runs + ", step " + p.steps() + " of " + m);
            }
            double[] nodes = new double[p.steps()];
            double[][] s = p.eigen(nodes);
            double[] weights = new double[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                weights[i] = s[i][0] * s[i][0];
            }
            out.add(new Quadrature(nodes, weights));
        }
        return new SpectralDensity(out);
    }

    /** The smallest node of any run. */
    public double minNode() {
        double m = Double.POSITIVE_INFINITY;
        for (Quadrature q : runs) {
            m = Math.min(m, q.nodes()[0]);
        }
        return m;
    }

    /** The largest node of any run. */
    public double maxNode() {
        double m = Double.NEGATIVE_INFINITY;
        for (Quadrature q : runs) {
            m = Math.max(m, q.nodes()[q.nodes().length - 1]);
        }
        return m;
    }

    /** φ(t) at each t, with Gaussians of width σ. */
    public double[] density(double[] t, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("the Gaussian width must be positive");
        }
        double[] out = new double[t.length];
        double norm = 1 / (runs.size() * sigma * Math.sqrt(2 * Math.PI));
        for (Quadrature q : runs) {
            for (int i = 0; i < q.nodes().length; i++) {
                double node = q.nodes()[i];
                double w = q.weights()[i] * norm;
                for (int j = 0; j < t.length; j++) {
                    double z = (t[j] - node) / sigma;
                    out[j] += w * Math.exp(-0.5 * z * z);
                }
            }
        }
        return out;
    }

    /**
     * φ on {@code points} equally spaced values over [min node, max node] widened by 3σ each side, with
     * σ = {@code relativeSigma} · (max node − min node) (PyHessian uses a very small σ and a fine grid: 1e-5 and
     * 10,000 points; 0.01 and 1,000 points make a smooth curve).
     */
    public Curve curve(int points, double relativeSigma) {
        if (points < 2) {
            throw new IllegalArgumentException("at least 2 grid points");
        }
        double lo = minNode();
        double hi = maxNode();
        double sigma = relativeSigma * Math.max(hi - lo, 1e-12 * Math.max(1, Math.abs(hi)));
        double a = lo - 3 * sigma;
        double b = hi + 3 * sigma;
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = a + (b - a) * i / (points - 1);
        }
        return new Curve(x, density(x, sigma), sigma);
    }

    /** The estimated fraction of eigenvalues below −tolerance·max|node|: the mean weight of those nodes. */
    public double negativeFraction(double relativeTolerance) {
        return mean(runNegativeFractions(relativeTolerance));
    }

    /** Each run's trace estimate n·Σᵢ τᵢ θᵢ (= vᵀHv for its Rademacher start v), n the number of parameters. */
    public double[] runTraces(int n) {
        double[] out = new double[runs.size()];
        for (int r = 0; r < out.length; r++) {
            Quadrature q = runs.get(r);
            double t = 0;
            for (int i = 0; i < q.nodes().length; i++) {
                t += q.weights()[i] * q.nodes()[i];
            }
            out[r] = n * t;
        }
        return out;
    }

    /** The trace as the quadrature sees it: the mean of {@link #runTraces}, Hutchinson's estimate with runs probes. */
    public double trace(int n) {
        return mean(runTraces(n));
    }

    /** The standard error of {@link #trace(int)}: the sample standard deviation over runs / √runs; NaN for 1 run. */
    public double traceStandardError(int n) {
        return standardError(runTraces(n));
    }

    /** The cut below which an eigenvalue counts as negative: −tolerance·max|node|. */
    public double negativeCut(double relativeTolerance) {
        return -relativeTolerance * Math.max(Math.abs(minNode()), Math.abs(maxNode()));
    }

    /** Each run's weight below the cut. */
    public double[] runNegativeFractions(double relativeTolerance) {
        double cut = negativeCut(relativeTolerance);
        double[] out = new double[runs.size()];
        for (int r = 0; r < out.length; r++) {
            Quadrature q = runs.get(r);
            for (int i = 0; i < q.nodes().length; i++) {
                if (q.nodes()[i] < cut) {
                    out[r] += q.weights()[i];
                }
            }
        }
        return out;
    }

    /**
     * How far the quadrature alone can place the negative fraction, {lower, upper} averaged over runs. By the
     * Chebyshev–Markov–Stieltjes inequalities (Szegő; Golub &amp; Meurant 2010, ch. 6) the spectral measure μ of a run's
     * start satisfies Σ_{i&lt;k} τᵢ ≤ μ(−∞, θₖ) ≤ μ(−∞, θₖ] ≤ Σ_{i≤k} τᵢ at every node θₖ, so with W the weight below the
     * cut, θₖ the last node below it and θₖ₊₁ the first above: W − τₖ ≤ μ(−∞, cut) ≤ W + τₖ₊₁. A bulk of eigenvalues
     * near zero that a few nodes represent makes the bracket wide: more Lanczos steps narrow it, more runs do not.
     */
    public double[] negativeFractionBounds(double relativeTolerance) {
        double cut = negativeCut(relativeTolerance);
        double lower = 0;
        double upper = 0;
        for (Quadrature q : runs) {
            double[] th = q.nodes();
            double[] w = q.weights();
            int above = 0;
            double below = 0;
            while (above < th.length && th[above] < cut) {
                below += w[above];
                above++;
            }
            lower += above > 0 ? below - w[above - 1] : 0;
            upper += above < th.length ? below + w[above] : below;
        }
        return new double[] {Math.max(0, lower / runs.size()), Math.min(1, upper / runs.size())};
    }

    /** The standard error of {@link #negativeFraction} over runs; NaN for 1 run. */
    public double negativeFractionStandardError(double relativeTolerance) {
        return standardError(runNegativeFractions(relativeTolerance));
    }

    private static double mean(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        return m / x.length;
    }

    private static double standardError(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1) / x.length);
    }

    @Override
    public String toString() {
        return "SpectralDensity " + runs.size() + " run(s) of " + runs.get(0).nodes().length + " nodes over ["
                + minNode() + ", " + maxNode() + "]";
    }
}
