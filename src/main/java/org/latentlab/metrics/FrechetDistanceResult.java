package org.latentlab.metrics;

import java.util.Locale;

/**
 * The outcome of {@link FrechetDistance#between}: the distance, its two parts (the squared distance between the
 * means and the covariance term), and the number of vectors in each set.
 */
public record FrechetDistanceResult(double value, double meanTerm, double covarianceTerm, int sizeA, int sizeB) {

    public FrechetDistanceResult {
        if (!Double.isFinite(value) || sizeA < 2 || sizeB < 2) {
            throw new IllegalArgumentException("a Fréchet distance needs a finite value and at least 2 vectors a "
                    + "set; got " + value + " from " + sizeA + " and " + sizeB);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FD %.4f (means %.4f + covariances %.4f; n = %d vs %d)", value, meanTerm,
                covarianceTerm, sizeA, sizeB);
    }
}
