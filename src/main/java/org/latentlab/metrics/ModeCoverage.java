package org.latentlab.metrics;

import java.util.List;

/**
 * Mode coverage of a 2-D Gaussian mixture, as defined by VEEGAN (Srivastava et al., "VEEGAN: Reducing Mode
 * Collapse in GANs using Implicit Variational Learning", NIPS 2017, Sec. 5.1) and PacGAN (Lin et al., "PacGAN:
 * The power of two samples in generative adversarial networks", NeurIPS 2018, Sec. 4):
 * <ul>
 *   <li>a sample is <em>high quality</em> if its Euclidean distance to its nearest mode is at most 3&sigma;;</li>
 *   <li>a mode is <em>covered</em> if it is the nearest mode of at least one high-quality sample;</li>
 *   <li>the <em>reverse KL</em> (PacGAN) is KL(q || p) = &Sigma;<sub>m</sub> q<sub>m</sub>
 *       log(q<sub>m</sub> / (1/M)), where q is the normalised histogram of the high-quality samples over their
 *       nearest modes and p the uniform distribution over the M modes (0 log 0 = 0); it is +infinity when no
 *       sample is high quality.</li>
 * </ul>
 * Both papers evaluate {@value #STANDARD_SAMPLE_COUNT} generated samples. Ties in the nearest mode go to the
 * mode listed first.
 */
public final class ModeCoverage {

    /** The number of generator samples VEEGAN and PacGAN evaluate. */
    public static final int STANDARD_SAMPLE_COUNT = 2500;

    private ModeCoverage() {
    }

    /**
     * @param samples n points, row-major {x0, y0, x1, y1, ...}
     * @param modes   the mixture means {x, y}
     * @param sigma   the standard deviation of every mixture component
     */
    public static ModeCoverageResult evaluate(float[] samples, List<double[]> modes, double sigma) {
        if (samples.length == 0 || samples.length % 2 != 0) {
            throw new IllegalArgumentException("samples must hold n >= 1 points (x,y), got " + samples.length
                    + " values");
        }
        if (modes.isEmpty() || modes.stream().anyMatch(m -> m.length != 2)) {
            throw new IllegalArgumentException("modes must be a non-empty list of 2-D points");
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
        }
        int n = samples.length / 2;
        int modeCount = modes.size();
        double threshold = 3 * sigma;
        int[] perMode = new int[modeCount];
        int highQuality = 0;
        for (int i = 0; i < n; i++) {
            double x = samples[2 * i];
            double y = samples[2 * i + 1];
            int nearest = -1;
            double nearestDist = Double.POSITIVE_INFINITY;
            for (int m = 0; m < modeCount; m++) {
                double[] mode = modes.get(m);
                double d = Math.hypot(x - mode[0], y - mode[1]);
                if (d < nearestDist) {
                    nearestDist = d;
                    nearest = m;
                }
            }
            if (nearestDist <= threshold) {
                perMode[nearest]++;
                highQuality++;
            }
        }
        int covered = 0;
        double reverseKl = 0;
        for (int count : perMode) {
            if (count > 0) {
                covered++;
                double q = (double) count / highQuality;
                reverseKl += q * Math.log(q * modeCount);
            }
        }
        if (highQuality == 0) {
            reverseKl = Double.POSITIVE_INFINITY;
        }
        return new ModeCoverageResult(covered, modeCount, (double) highQuality / n, reverseKl, perMode);
    }
}
