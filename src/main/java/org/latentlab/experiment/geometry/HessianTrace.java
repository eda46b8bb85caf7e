package org.latentlab.experiment.geometry;

/**
 * The trace of the Hessian at a checkpoint by Hutchinson's estimator (mean of vᵀHv over Rademacher vectors v).
 *
 * @param info          what was analysed
 * @param trace         the estimate
 * @param standardError its standard error: the sample standard deviation of vᵀHv over the probes / √samples
 * @param samples       the vectors drawn
 */
public record HessianTrace(AnalysisInfo info, double trace, double standardError, int samples) {

    public HessianTrace {
        if (info == null || samples < 2) {
            throw new IllegalArgumentException("a trace estimate needs info and at least 2 samples");
        }
    }

    /** "trace ≈ t ± se (Hutchinson, n Rademacher probes; ± = standard error …)", for the screen and the CLI. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "trace ≈ %.4g ± %.2g (Hutchinson, %d Rademacher probes; ± ="
                + " standard error, the probes' s.d. / √%d)", trace, standardError, samples, samples);
    }
}
