package org.latentlab.metrics;

/**
 * The Inception score of Salimans et al. 2016 ("Improved Techniques for Training GANs") with any classifier:
 * exp(E<sub>x</sub> KL(p(y|x) || p(y))), where p(y|x) is the classifier's class distribution for a sample and p(y)
 * their mean over the samples. It is 1 when every sample gets the same prediction and at most K (K classes),
 * reached by confident predictions spread evenly over the classes. As in the reference code the rows are cut into
 * {@value #DEFAULT_SPLITS} consecutive splits, each split gets its own p(y) and score, and the result is their mean
 * and standard deviation (divisor: the number of splits). It sees only the classifier's outputs: a generator that
 * copies one training image per class scores perfectly.
 */
public final class ClassifierScore {

    public static final int DEFAULT_SPLITS = 10;

    /** How far a row's sum may stray from 1 (classifier outputs are single precision). */
    static final double SUM_TOLERANCE = 1e-4;

    private ClassifierScore() {
    }

    public static ClassifierScoreResult of(double[][] probabilities) {
        return of(probabilities, DEFAULT_SPLITS);
    }

    /**
     * @param probabilities one row of class probabilities per sample (non-negative, summing to 1)
     * @param splits        how many consecutive parts to score separately (at most the number of rows)
     */
    public static ClassifierScoreResult of(double[][] probabilities, int splits) {
        int classCount = checkProbabilities(probabilities);
        int n = probabilities.length;
        if (splits < 1 || splits > n) {
            throw new IllegalArgumentException("splits must be between 1 and the " + n + " samples, got " + splits);
        }
        double[] scores = new double[splits];
        for (int s = 0; s < splits; s++) {
            int from = (int) ((long) s * n / splits);
            int to = (int) ((long) (s + 1) * n / splits);
            scores[s] = Math.exp(meanKl(probabilities, from, to, classCount));
        }
        double mean = 0;
        for (double v : scores) {
            mean += v;
        }
        mean /= splits;
        double squares = 0;
        for (double v : scores) {
            squares += (v - mean) * (v - mean);
        }
        return new ClassifierScoreResult(mean, Math.sqrt(squares / splits), splits, n, classCount);
    }

    /** The mean over rows [from, to) of KL(p(y|x) || p(y)), with p(y) the mean of those rows and 0 log 0 = 0. */
    private static double meanKl(double[][] p, int from, int to, int classCount) {
        double[] marginal = new double[classCount];
        for (int i = from; i < to; i++) {
            for (int c = 0; c < classCount; c++) {
                marginal[c] += p[i][c];
            }
        }
        for (int c = 0; c < classCount; c++) {
            marginal[c] /= to - from;
        }
        double kl = 0;
        for (int i = from; i < to; i++) {
            for (int c = 0; c < classCount; c++) {
                if (p[i][c] > 0) {
                    kl += p[i][c] * Math.log(p[i][c] / marginal[c]);
                }
            }
        }
        return kl / (to - from);
    }

    /** @return the number of classes */
    static int checkProbabilities(double[][] rows) {
        int classCount = FeatureRows.check("class probabilities", rows, 1);
        if (classCount < 2) {
            throw new IllegalArgumentException("class probabilities need at least 2 classes, got " + classCount);
        }
        for (int i = 0; i < rows.length; i++) {
            double sum = 0;
            for (double v : rows[i]) {
                if (v < 0) {
                    throw new IllegalArgumentException("class probabilities of sample " + i + " hold " + v
                            + ": pass the classifier's softmax outputs, not its logits");
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new IllegalArgumentException("class probabilities of sample " + i + " sum to " + sum
                        + ", not 1: pass the classifier's softmax outputs");
            }
        }
        return classCount;
    }
}
