package org.latentlab.analysis.tangent;

/**
 * The classic tangent vectors of an image (Simard, Victorri, LeCun &amp; Denker 1992, "Tangent Prop — a formalism
 * for specifying selected invariances in an adaptive network"): the derivative of the image with respect to the
 * parameter of a small transformation, taken at the identity. The image I is first smoothed with a Gaussian of σ
 * pixels (S = G_σ * I, zero outside the image), since a pixel image has no derivative of its own; then, with
 * ∂S/∂x and ∂S/∂y by central differences and (x, y) each pixel's position from the image centre (x to the right,
 * y down), the tangents are
 * <ul>
 *   <li>translation right, d/dα S(x − α, y) = −∂S/∂x; translation down, −∂S/∂y;</li>
 *   <li>rotation by θ, d/dθ S(R(−θ)(x, y)) = y ∂S/∂x − x ∂S/∂y;</li>
 *   <li>scaling by 1 + α, d/dα S((x, y)/(1 + α)) = −(x ∂S/∂x + y ∂S/∂y).</li>
 * </ul>
 * {@link #of} scales each to unit length, so that a penalty weight means the same for every tangent and for
 * tangents from other sources. Images are one channel, row by row.
 */
public final class ImageTangents {

    /** The transformations, in the order {@link #of} returns their tangents. */
    public static final String[] NAMES = {"translation x", "translation y", "rotation", "scaling"};

    private ImageTangents() {
    }

    /** The first {@code k} (1..4) tangents of the image, each of unit length (a zero tangent stays zero). */
    public static float[][] of(float[] image, int height, int width, double sigma, int k) {
        if (k < 1 || k > NAMES.length) {
            throw new IllegalArgumentException("there are " + NAMES.length + " classic tangents, not " + k);
        }
        double[][] raw = raw(image, height, width, sigma);
        float[][] out = new float[k][];
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (double v : raw[j]) {
                norm += v * v;
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            out[j] = new float[raw[j].length];
            for (int i = 0; i < raw[j].length; i++) {
                out[j][i] = (float) (raw[j][i] * scale);
            }
        }
        return out;
    }

    /** The four tangents before scaling: per unit of shift (pixels), of angle (radians) and of scale. */
    public static double[][] raw(float[] image, int height, int width, double sigma) {
        if (image.length != height * width) {
            throw new IllegalArgumentException("an image of " + height + "x" + width + " has " + height * width
                    + " values, not " + image.length);
        }
        double[] s = smoothed(image, height, width, sigma);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double[][] t = new double[4][height * width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double dx = (at(s, height, width, r, c + 1) - at(s, height, width, r, c - 1)) / 2;
                double dy = (at(s, height, width, r + 1, c) - at(s, height, width, r - 1, c)) / 2;
                double x = c - cx;
                double y = r - cy;
                int i = r * width + c;
                t[0][i] = -dx;
                t[1][i] = -dy;
                t[2][i] = y * dx - x * dy;
                t[3][i] = -(x * dx + y * dy);
            }
        }
        return t;
    }

    /** G_σ * I with a separable kernel of radius ⌈3σ⌉, zero outside the image; σ = 0 returns I. */
    public static double[] smoothed(float[] image, int height, int width, double sigma) {
        double[] out = new double[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = image[i];
        }
        if (sigma <= 0) {
            return out;
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        double[] rows = new double[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    v += kernel[i + radius] * at(out, height, width, r, c + i);
                }
                rows[r * width + c] = v;
            }
        }
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    v += kernel[i + radius] * at(rows, height, width, r + i, c);
                }
                out[r * width + c] = v;
            }
        }
        return out;
    }

    private static double at(double[] s, int height, int width, int r, int c) {
        return r < 0 || r >= height || c < 0 || c >= width ? 0 : s[r * width + c];
    }
}
