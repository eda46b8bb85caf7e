package org.latentlab.analysis.tangent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classic tangents of a Gaussian blob, whose derivatives are known in closed form. */
class ImageTangentsTest {

    private static final int H = 28;
    private static final int W = 28;

    /** exp(−((x − a)² + (y − b)²) / (2 s²)) at pixel centres, x the column, y the row. */
    private static float[] blob(double a, double b, double s) {
        float[] img = new float[H * W];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                img[r * W + c] = (float) Math.exp(-((c - a) * (c - a) + (r - b) * (r - b)) / (2 * s * s));
            }
        }
        return img;
    }

    @Test
    void translationTangentIsMinusTheClosedFormXDerivative() {
        double a = 12.3;
        double b = 14.6;
        double s = 5;
        double[][] t = ImageTangents.raw(blob(a, b, s), H, W, 0);
        double worst = 0;
        double largest = 0;
        // the edge pixels' differences see the zero outside the image, not the blob's tail
        for (int r = 1; r < H - 1; r++) {
            for (int c = 1; c < W - 1; c++) {
                double g = Math.exp(-((c - a) * (c - a) + (r - b) * (r - b)) / (2 * s * s));
                double expectedX = (c - a) / (s * s) * g; // −∂I/∂x
                double expectedY = (r - b) / (s * s) * g;
                worst = Math.max(worst, Math.abs(t[0][r * W + c] - expectedX));
                worst = Math.max(worst, Math.abs(t[1][r * W + c] - expectedY));
                largest = Math.max(largest, Math.abs(expectedX));
            }
        }
        // central differences err by (h²/6) I''', about 1/(2s²) = 2 % of the largest slope for s = 5
        assertTrue(worst < 0.03 * largest, "worst error " + worst + " against largest slope " + largest);
    }

    @Test
    void smoothingWidensTheBlobAsAGaussianConvolutionDoes() {
        double a = 13.5;
        double b = 13.5;
        double s = 4.5;
        double sigma = 1;
        double v = s * s + sigma * sigma;
        double[][] t = ImageTangents.raw(blob(a, b, s), H, W, sigma);
        double worst = 0;
        double largest = 0;
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                // G_σ * blob_s = (s²/(s² + σ²)) blob_√(s²+σ²)
                double g = s * s / v * Math.exp(-((c - a) * (c - a) + (r - b) * (r - b)) / (2 * v));
                double expected = (c - a) / v * g;
                worst = Math.max(worst, Math.abs(t[0][r * W + c] - expected));
                largest = Math.max(largest, Math.abs(expected));
            }
        }
        assertTrue(worst < 0.03 * largest, "worst error " + worst + " against largest slope " + largest);
    }

    @Test
    void aBlobAtTheCentreIsInvariantUnderRotationButNotScaling() {
        float[][] unit = ImageTangents.of(blob(13.5, 13.5, 4), H, W, 1, 4);
        double[][] raw = ImageTangents.raw(blob(13.5, 13.5, 4), H, W, 1);
        // zero in the continuum; central differences leave an O(h²/s²) remainder
        assertTrue(norm(raw[2]) < 0.02 * norm(raw[3]), "rotation tangent " + norm(raw[2]) + ", scaling "
                + norm(raw[3]));
        assertTrue(norm(raw[3]) > 0.5 * norm(raw[0]), "scaling tangent " + norm(raw[3]));
        assertEquals(1, norm(unit[0]), 1e-6);
        assertEquals(1, norm(unit[3]), 1e-6);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
