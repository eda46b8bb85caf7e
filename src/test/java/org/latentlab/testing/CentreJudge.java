package org.latentlab.testing;

import org.latentlab.metrics.FeatureRows;
import org.latentlab.metrics.ImageJudge;

import java.util.Random;

/**
 * A stand-in classifier for the scores' tests: "images" are short vectors, a class is a centre, the probabilities
 * are a softmax of minus {@code sharpness} times the squared distances to the centres, and the features are the
 * pixels themselves. {@link #sample} draws images around the centres.
 */
public final class CentreJudge implements ImageJudge {

    private final double[][] centres;
    private final double sharpness;
    private final int width;

    public CentreJudge(double[][] centres, double sharpness) {
        this.centres = centres;
        this.sharpness = sharpness;
        this.width = centres[0].length;
    }

    @Override
    public int classCount() {
        return centres.length;
    }

    @Override
    public double[][] probabilities(float[] images, int n) {
        double[][] p = new double[n][centres.length];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < centres.length; c++) {
                double d = 0;
                for (int j = 0; j < width; j++) {
                    double e = images[i * width + j] - centres[c][j];
                    d += e * e;
                }
                p[i][c] = Math.exp(-sharpness * d);
                sum += p[i][c];
            }
            for (int c = 0; c < centres.length; c++) {
                p[i][c] /= sum;
            }
        }
        return p;
    }

    @Override
    public double[][] features(float[] images, int n) {
        return FeatureRows.of(images, n, width);
    }

    /**
     * n images, flat: each a centre (one drawn at random, or {@code onlyClass} when it is 0 or more) plus Gaussian
     * noise of standard deviation {@code noise}.
     */
    public float[] sample(int n, long seed, int onlyClass, double noise) {
        Random r = new Random(seed);
        float[] x = new float[n * width];
        for (int i = 0; i < n; i++) {
            int c = onlyClass >= 0 ? onlyClass : r.nextInt(centres.length);
            for (int j = 0; j < width; j++) {
                x[i * width + j] = (float) (centres[c][j] + noise * r.nextGaussian());
            }
        }
        return x;
    }
}
