package org.latentlab.metrics;

/**
 * The Parzen-window log-likelihood of held-out data under a generator's samples, as Breuleux et al. 2011 ("Quickly
 * Generating Representative Samples from an RBM-Derived Process") proposed and Goodfellow et al. 2014 ("Generative
 * Adversarial Nets") reported: place an isotropic Gaussian of width &sigma; on each of the n generated samples
 * &mu;<sub>i</sub> and average, over the test points x, the log of that mixture's density,
 * <pre>  log p(x) = log &Sigma;<sub>i</sub> exp(-||x - &mu;<sub>i</sub>||&sup2; / (2&sigma;&sup2;)) - log n - (d/2) log(2&pi;&sigma;&sup2;),</pre>
 * the sum taken as a log-sum-exp (shifted by its largest term) so that far points give finite values. &sigma; is the
 * value of a grid with the best mean log-likelihood on a validation set (the adversarial-nets evaluation searches
 * {@link #defaultSigmaGrid() 10 values log-spaced from 0.1 to 1} for pixels in [0, 1]); the spread is the
 * standard error of the mean over the test points (standard deviation with divisor n over &radic;n), as reported
 * there.
 * <p>
 * <b>Why it misleads</b> (Theis et al. 2016, "A note on the evaluation of generative models"): in the dimension of
 * images a kernel density of even millions of samples stays far from the model's true log-likelihood, and the
 * number ranks models wrongly: k-means centroids of the training set score higher than samples drawn from the data
 * distribution itself, and a model can have good samples with a poor score or the reverse. Read it as a distance of
 * the test set to the samples at one smoothing width, not as a likelihood.
 */
public final class ParzenWindow {

    private ParzenWindow() {
    }

    /** 10 values log-spaced from 0.1 to 1, the adversarial-nets evaluation's grid for pixels in [0, 1]. */
    public static double[] defaultSigmaGrid() {
        double[] grid = new double[10];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.pow(10, -1 + i / 9.0);
        }
        return grid;
    }

    /** With {@link #defaultSigmaGrid()}. */
    public static ParzenWindowResult evaluate(double[][] generated, double[][] validation, double[][] test) {
        return evaluate(generated, validation, test, defaultSigmaGrid());
    }

    /**
     * @param generated  the kernel centres
     * @param validation the points that choose &sigma;
     * @param test       the points scored with the chosen &sigma;
     * @param sigmaGrid  the candidate widths, each positive and finite
     */
    public static ParzenWindowResult evaluate(double[][] generated, double[][] validation, double[][] test,
                                              double[] sigmaGrid) {
        FeatureRows.checkPair("generated", generated, "validation", validation, 1);
        FeatureRows.checkPair("generated", generated, "test", test, 1);
        checkSigmas(sigmaGrid);
        double[] validationMeans = new double[sigmaGrid.length];
        double[] squared = new double[generated.length];
        for (double[] x : validation) {
            squaredDistances(x, generated, squared);
            for (int s = 0; s < sigmaGrid.length; s++) {
                validationMeans[s] += logDensity(squared, sigmaGrid[s], x.length) / validation.length;
            }
        }
        int best = 0;
        for (int s = 1; s < sigmaGrid.length; s++) {
            if (validationMeans[s] > validationMeans[best]) {
                best = s;
            }
        }
        double sigma = sigmaGrid[best];
        double[] testValues = logLikelihoods(generated, test, sigma);
        double mean = 0;
        for (double v : testValues) {
            mean += v;
        }
        mean /= testValues.length;
        double squares = 0;
        for (double v : testValues) {
            squares += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(squares / testValues.length) / Math.sqrt(testValues.length);
        return new ParzenWindowResult(mean, standardError, sigma, generated.length, validation.length, test.length,
                sigmaGrid, validationMeans);
    }

    /** The log-density of each point under the Gaussian kernel density of {@code generated} with width sigma. */
    public static double[] logLikelihoods(double[][] generated, double[][] points, double sigma) {
        FeatureRows.checkPair("generated", generated, "points", points, 1);
        checkSigmas(new double[] {sigma});
        double[] out = new double[points.length];
        double[] squared = new double[generated.length];
        for (int p = 0; p < points.length; p++) {
            squaredDistances(points[p], generated, squared);
            out[p] = logDensity(squared, sigma, points[p].length);
        }
        return out;
    }

    private static void squaredDistances(double[] x, double[][] centres, double[] out) {
        for (int i = 0; i < centres.length; i++) {
            out[i] = FeatureRows.squaredDistance(x, centres[i]);
        }
    }

    /** log-mean-exp of -d&sup2;/(2&sigma;&sup2;) minus the Gaussian normaliser, shifted by the nearest centre. */
    private static double logDensity(double[] squared, double sigma, int dim) {
        double scale = -0.5 / (sigma * sigma);
        double nearest = Double.POSITIVE_INFINITY;
        for (double d2 : squared) {
            nearest = Math.min(nearest, d2);
        }
        double shift = scale * nearest;
        double sum = 0;
        for (double d2 : squared) {
            sum += Math.exp(scale * d2 - shift);
        }
        return shift + Math.log(sum / squared.length) - 0.5 * dim * Math.log(2 * Math.PI * sigma * sigma);
    }

    private static void checkSigmas(double[] sigmas) {
        if (sigmas.length == 0) {
            throw new IllegalArgumentException("the sigma grid needs at least one value");
        }
        for (double s : sigmas) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("every sigma must be positive and finite, got " + s);
            }
        }
    }
}
