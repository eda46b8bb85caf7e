package org.latentlab.experiment.geometry;

import org.latentlab.experiment.Family;
import org.latentlab.analysis.hessian.EigenPairs;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.analysis.hessian.HessianVectorProduct;
import org.latentlab.analysis.hessian.Hutchinson;
import org.latentlab.analysis.hessian.Lanczos;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.analysis.hessian.SpectralDensity;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.SavedModel;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@link GeometryJobs}'s Hessian computations at one checkpoint, as PyHessian makes them from Hessian-vector
 * products: the top eigenpairs by Lanczos, every eigenvalue from the exact matrix, the spectral density by
 * stochastic Lanczos quadrature and the trace by Hutchinson's estimator. Each is cached beside the checkpoint.
 */
final class HessianJobs {

    private static final int DENSITY_POINTS = 1000;
    private static final double DENSITY_RELATIVE_SIGMA = 0.01;
    private static final double TRACE_RELATIVE_ERROR = 0.01;

    private final GeometryJobs jobs;
    private final SavedModel model;

    HessianJobs(GeometryJobs jobs) {
        this.jobs = jobs;
        this.model = jobs.model();
    }


    /**
     * The k largest Hessian eigenvalues and their eigenvectors by Lanczos with full reorthogonalisation, at most
     * {@link GeometryJobs#defaultLanczosSteps(int) max(3k,
             40)} products (stopping earlier once every residual is below 1e-6
     * relative). Cached as {@code hessian-top<k>-<loss>.json}, the eigenvectors as 32-bit floats beside it in
     * {@code hessian-top<k>-<loss>.vectors.bin} (they are returned rounded to float, as stored).
     */
    HessianTop hessianTop(LossSpec loss, int k, Monitor monitor) {
        return hessianTop(loss, k, GeometryJobs.defaultLanczosSteps(k), monitor);
    }

    /**
     * As {@link #hessianTop(LossSpec, int, Monitor)} with at most {@code maxSteps} products. Clustered top
     * eigenvalues (common: an MNIST autoencoder's decoder has hundreds near the top) converge slowly; the result's
     * residuals and {@code converged} say how far they got. Cached as {@code hessian-top<k>-m<maxSteps>-<loss>.json}
     * (without {@code -m…} for the default).
     */
    HessianTop hessianTop(LossSpec loss, int k, int maxSteps, Monitor monitor) {
        if (k < 1) {
            throw new IllegalArgumentException("ask for at least one eigenvalue, not " + k);
        }
        if (maxSteps < k) {
            throw new IllegalArgumentException("Lanczos needs at least k = " + k + " steps, not " + maxSteps);
        }
        String name = "hessian-top" + k + (maxSteps == GeometryJobs.defaultLanczosSteps(k) ? "" : "-m" + maxSteps);
        Path file = jobs.cacheFile(name, loss, ".json");
        HessianTop hit = HessianTopFiles.read(file);
        if (hit != null) {
            monitor.progress(1, GeometryJobs.CACHE_HIT + file.getFileName());
            return hit;
        }
        long t0 = System.nanoTime();
        NetworkObjective o = jobs.objective(loss, monitor);
        double[] theta = o.initialPoint();
        HessianVectorProduct hvp = new HessianVectorProduct(o, theta);
        EigenPairs p = new Lanczos(hvp, loss.seed()).topEigenvalues(k, Math.min(o.dimension(), maxSteps),
                GeometryJobs.LANCZOS_TOLERANCE, new ProgressRange(monitor, 0, 1, ""));
        HessianTop fresh = HessianTopFiles.rounded(new HessianTop(jobs.hessianInfo(o, theta, loss, t0), p.eigenvalues(),
                p.eigenvectors(), p.residuals(), p.iterations(), p.converged()));
        HessianTopFiles.write(file, fresh);
        monitor.progress(1, "done; kept in " + file.getFileName());
        return fresh;
    }


    /**
     * Every eigenvalue, from the exact Hessian (2 gradient evaluations per parameter). Refused with a
     * {@link LabException} above {@link ExactHessian#MAX_PARAMETERS} parameters. Cached as
     * {@code hessian-full-<loss>.json}.
     */
    HessianFull hessianFull(LossSpec loss, Monitor monitor) {
        return GeometryJobs.cached(jobs.cacheFile("hessian-full", loss, ".json"), HessianFull.class, monitor, () -> {
            long t0 = System.nanoTime();
            NetworkObjective o = jobs.objective(loss, monitor);
            int n = o.dimension();
            if (n > ExactHessian.MAX_PARAMETERS) {
                throw new LabException(String.format(Locale.ROOT, "the exact Hessian is limited to %d parameters,"
                        + " and %s is a function of %d (its matrix would take %.1f GB and %d gradient evaluations):"
                        + " use the top eigenvalues by Lanczos (--top k) or the spectral density by stochastic"
                        + " Lanczos quadrature (--density) instead", ExactHessian.MAX_PARAMETERS,
                        model.kind() == Family.GAN ? loss.partId() + "'s loss" : "the loss", n,
                        8.0 * n * n / 1e9, 2L * n));
            }
            double[] theta = o.initialPoint();
            ExactHessian h = ExactHessian.compute(new HessianVectorProduct(o, theta),
                    new ProgressRange(monitor, 0, 0.9, "exact Hessian"));
            monitor.progress(0.9, "exact Hessian: computing the spectrum of the " + n + " x " + n
                    + " matrix (cannot be cancelled)");
            HessianSpectrum s = h.spectrum(false);
            return new HessianFull(jobs.hessianInfo(o, theta, loss, t0), s.eigenvalues(), h.asymmetry());
        });
    }

    /**
     * The spectral density by stochastic Lanczos quadrature ({@code runs} random starts of {@code steps} steps),
     * sampled on 1,000 points with Gaussians of width 1 % of the spectrum's span; the negative fraction and the
     * trace it implies. Cached as {@code hessian-density-r<runs>-m<steps>-<loss>.json}.
     */
    HessianDensity hessianDensity(LossSpec loss, int runs, int steps, Monitor monitor) {
        if (runs < 1 || steps < 1) {
            throw new IllegalArgumentException("the density needs at least one run of at least one step");
        }
        return GeometryJobs.cached(jobs.cacheFile("hessian-density-r" + runs + "-m" + steps, loss, ".json"),
                HessianDensity.class,
                monitor, () -> {
                    long t0 = System.nanoTime();
                    NetworkObjective o = jobs.objective(loss, monitor);
                    double[] theta = o.initialPoint();
                    SpectralDensity d = SpectralDensity.estimate(new HessianVectorProduct(o, theta), runs, steps,
                            loss.seed(), new ProgressRange(monitor, 0, 1, ""));
                    SpectralDensity.Curve c = d.curve(DENSITY_POINTS, DENSITY_RELATIVE_SIGMA);
                    double[][] nodes = new double[runs][];
                    double[][] weights = new double[runs][];
                    for (int r = 0; r < runs; r++) {
                        SpectralDensity.Quadrature q = d.runs().get(r);
                        nodes[r] = q.nodes();
                        weights[r] = q.weights();
                    }
                    double trace = d.trace(o.dimension());
                    return new HessianDensity(jobs.hessianInfo(o, theta, loss, t0), nodes, weights, c.x(), c.density(),
                            c.sigma(), d.negativeFraction(GeometryJobs.NEGATIVE_TOLERANCE), trace);
                });
    }

    /**
     * The trace by Hutchinson's estimator: at most {@code samples} Rademacher vectors, stopping after at least 10
     * once the standard error is 1 % of the estimate. Cached as {@code hessian-trace-s<samples>-<loss>.json}.
     */
    HessianTrace hessianTrace(LossSpec loss, int samples, Monitor monitor) {
        if (samples < 2) {
            throw new IllegalArgumentException("the trace estimate needs at least 2 samples, not " + samples);
        }
        return GeometryJobs.cached(jobs.cacheFile("hessian-trace-s" + samples, loss, ".json"), HessianTrace.class,
                monitor, () -> {
            long t0 = System.nanoTime();
            NetworkObjective o = jobs.objective(loss, monitor);
            double[] theta = o.initialPoint();
            Hutchinson.TraceEstimate t = new Hutchinson(new HessianVectorProduct(o, theta), loss.seed())
                    .trace(samples, TRACE_RELATIVE_ERROR, new ProgressRange(monitor, 0, 1, ""));
            return new HessianTrace(jobs.hessianInfo(o, theta, loss, t0), t.trace(), t.standardError(), t.samples());
        });
    }
}
