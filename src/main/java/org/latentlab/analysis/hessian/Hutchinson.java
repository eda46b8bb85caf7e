package org.latentlab.analysis.hessian;

import org.latentlab.analysis.Vectors;
import org.latentlab.core.Monitor;
import org.latentlab.core.Seeds;

import java.util.Random;

/**
 * Hutchinson's stochastic trace estimator (Hutchinson 1990; PyHessian's {@code trace}): for Rademacher vectors v
 * (independent ±1 entries) E[vᵀHv] = tr(H), so the mean of vᵀHv over m draws estimates the trace with standard error
 * s/√m, s the sample standard deviation. One Hessian-vector product per draw; draw i uses the random seed
 * {@code Seeds.seed(seed, i)}, so estimates with more draws extend those with fewer.
 *
 * <p>The products are {@link HessianVectorProduct}'s: exact (the engine's R-operator) for the objectives the
 * engine runs, central differences of the gradient for the others.
 */
public final class Hutchinson {

    /** A trace estimate. */
    public record TraceEstimate(double trace, double standardError, int samples) {
        @Override
        public String toString() {
            return "trace ≈ " + trace + " ± " + standardError + " (" + samples + " Rademacher samples)";
        }
    }

    private final HessianVectorProduct hvp;
    private final long seed;

    public Hutchinson(HessianVectorProduct hvp, long seed) {
        this.hvp = hvp;
        this.seed = seed;
    }

    /** The estimate from {@code samples} draws (at least 2, for the standard error). */
    public TraceEstimate trace(int samples, Monitor monitor) {
        return trace(samples, 0, monitor);
    }

    /**
     * The estimate from at most {@code maxSamples} draws, stopping early (after at least 10) once the standard error
     * is at most {@code relativeError} times |trace|; 0 never stops early.
     */
    public TraceEstimate trace(int maxSamples, double relativeError, Monitor monitor) {
        if (maxSamples < 2) {
            throw new IllegalArgumentException("the trace estimate needs at least 2 samples");
        }
        int n = hvp.dimension();
        double mean = 0;
        double m2 = 0;
        int count = 0;
        for (int i = 0; i < maxSamples; i++) {
            monitor.checkCancelled();
            double[] v = Vectors.rademacher(n, new Random(Seeds.seed(seed, i)));
            double x = hvp.quadraticForm(v);
            count++;
            double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
            monitor.progress((double) count / maxSamples, "trace: sample " + count + " of " + maxSamples);
            if (relativeError > 0 && count >= 10
                    && Math.sqrt(m2 / (count - 1) / count) <= relativeError * Math.abs(mean)) {
                break;
            }
        }
        return new TraceEstimate(mean, Math.sqrt(m2 / (count - 1) / count), count);
    }
}
