package org.latentlab.experiment.geometry;

/**
 * The trace of the Hessian at a checkpoint by Hutchinson's estimator (mean of vᵀHv over Rademacher vectors v).
 *
 * @param info          what was analysed
 * @param trace         the estimate
 * @param standardError its standard error
 * @param samples       the vectors drawn
 */
public record HessianTrace(AnalysisInfo info, double trace, double standardError, int samples) {

    public HessianTrace {
        if (info == null || samples < 2) {
            throw new IllegalArgumentException("a trace estimate needs info and at least 2 samples");
        }
    }
}
