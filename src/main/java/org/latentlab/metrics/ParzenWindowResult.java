package org.latentlab.metrics;

import java.util.Locale;

/**
 * The outcome of {@link ParzenWindow#evaluate}: the mean log-likelihood of the test points (nats) and its standard
 * error, the chosen &sigma;, the numbers of kernels (generated samples), validation and test points, and the grid
 * searched with the mean validation log-likelihood at each of its values.
 */
public record ParzenWindowResult(double meanLogLikelihood, double standardError, double sigma, int kernelCount,
                                 int validationCount, int testCount, double[] sigmaGrid,
                                 double[] validationLogLikelihoods) {

    public ParzenWindowResult {
        sigmaGrid = sigmaGrid.clone();
        validationLogLikelihoods = validationLogLikelihoods.clone();
        if (Double.isNaN(meanLogLikelihood) || !(standardError >= 0) || !(sigma > 0) || kernelCount < 1
                || validationCount < 1 || testCount < 1 || sigmaGrid.length != validationLogLikelihoods.length) {
            throw new IllegalArgumentException("a Parzen-window result needs a mean, a standard error >= 0, sigma > 0, "
                    + "at least one kernel, validation and test point, and one validation value per sigma; got "
                    + meanLogLikelihood + " +- " + standardError + ", sigma " + sigma + ", n = " + kernelCount + "/"
                    + validationCount + "/" + testCount);
        }
    }

    @Override
    public double[] sigmaGrid() {
        return sigmaGrid.clone();
    }

    @Override
    public double[] validationLogLikelihoods() {
        return validationLogLikelihoods.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Parzen log-likelihood %.2f +- %.2f nats (sigma %.4g; %d kernels, %d "
                + "validation, %d test)", meanLogLikelihood, standardError, sigma, kernelCount, validationCount,
                testCount);
    }
}
