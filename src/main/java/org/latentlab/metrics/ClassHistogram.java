package org.latentlab.metrics;

/**
 * The histogram of the classes a classifier assigns to generated samples (argmax of its probabilities; ties to
 * the lower class), with
 * <ul>
 *   <li>the reverse KL divergence KL(q || uniform) = &Sigma;<sub>c</sub> q<sub>c</sub> log(K q<sub>c</sub>) of the
 *       normalised histogram q to the uniform distribution over the K classes (0 log 0 = 0): 0 when balanced,
 *       log K when every sample falls in one class, as PacGAN (Lin et al. 2018) reports it;</li>
 *   <li>the modes covered: classes with at least {@code minCount} samples. The default threshold
 *       {@value #DEFAULT_MIN_COUNT} is how the Stacked-MNIST experiments of unrolled GANs (Metz et al. 2017),
 *       VEEGAN (Srivastava et al. 2017) and PacGAN count a mode: captured by at least one sample. A higher
 *       threshold discounts modes that a few stray samples touch.</li>
 * </ul>
 * For Stacked MNIST the class of a sample is 100 d&#8320; + 10 d&#8321; + d&#8322; over K = 1000, from the digits
 * classified in its three channels.
 */
public final class ClassHistogram {

    public static final int DEFAULT_MIN_COUNT = 1;

    private ClassHistogram() {
    }

    public static ClassHistogramResult ofLabels(int[] labels, int classCount) {
        return ofLabels(labels, classCount, DEFAULT_MIN_COUNT);
    }

    /**
     * @param labels     the predicted class of each sample, in [0, classCount)
     * @param classCount K
     * @param minCount   samples a class needs to count as covered (at least 1)
     */
    public static ClassHistogramResult ofLabels(int[] labels, int classCount, int minCount) {
        if (labels.length == 0 || classCount < 2) {
            throw new IllegalArgumentException("a class histogram needs at least one label and 2 classes, got "
                    + labels.length + " labels and " + classCount + " classes");
        }
        int[] counts = new int[classCount];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", outside the classes 0 to "
                        + (classCount - 1));
            }
            counts[labels[i]]++;
        }
        return ClassHistogramResult.of(counts, minCount);
    }

    public static ClassHistogramResult ofProbabilities(double[][] probabilities) {
        return ofProbabilities(probabilities, DEFAULT_MIN_COUNT);
    }

    /** The histogram of the argmax of each row (class scores, probabilities or logits alike). */
    public static ClassHistogramResult ofProbabilities(double[][] probabilities, int minCount) {
        int classCount = FeatureRows.check("class probabilities", probabilities, 1);
        int[] labels = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int c = 1; c < classCount; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            labels[i] = best;
        }
        return ofLabels(labels, classCount, minCount);
    }
}
