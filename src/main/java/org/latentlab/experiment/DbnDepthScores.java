package org.latentlab.experiment;

import org.latentlab.metrics.ClassHistogram;
import org.latentlab.metrics.ClassHistogramResult;
import org.latentlab.metrics.ClassifierScore;
import org.latentlab.metrics.ClassifierScoreResult;
import org.latentlab.metrics.ImageJudge;

/**
 * How a classifier of the data set reads one set of images (a depth's DBN samples, or held-out data for
 * reference): its mean confidence (the mean over images of the largest class probability), the histogram of the
 * classes it assigns (classes seen at least {@link #MIN_SHARE} of the time, reverse KL to uniform) and the
 * classifier score (Salimans et al. 2016).
 *
 * @param label          what was judged ("3 layers: 784-500-250-100", "held-out data")
 * @param meanConfidence mean of max_c p(c | x)
 * @param classes        the class histogram, a class counted when it holds at least {@link #MIN_SHARE} of the images
 * @param score          the classifier score
 */
public record DbnDepthScores(String label, double meanConfidence, ClassHistogramResult classes,
                             ClassifierScoreResult score) {

    /** The share of the images a class needs to count as produced (1 %: a stray image does not count). */
    public static final double MIN_SHARE = 0.01;

    /** Judges {@code n} images ([n, pixels], values in the judge's expected range). */
    public static DbnDepthScores of(String label, float[] images, int n, ImageJudge judge) {
        double[][] p = judge.probabilities(images, n);
        double confidence = 0;
        for (double[] row : p) {
            double best = 0;
            for (double v : row) {
                best = Math.max(best, v);
            }
            confidence += best / n;
        }
        int minCount = Math.max(1, (int) Math.ceil(MIN_SHARE * n));
        return new DbnDepthScores(label, confidence, ClassHistogram.ofProbabilities(p, minCount),
                ClassifierScore.of(p));
    }
}
