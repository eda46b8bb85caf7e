package org.latentlab.ui.geometry;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Grey-scale examples and signed directions as images: an example's pixels in [0, 1] as grey (values outside are
 * clipped), a direction in input space (a tangent vector, a difference) on a diverging map, blue for negative,
 * white for zero, red for positive, scaled by its largest |value| so that its pattern shows whatever its size.
 */
final class PixelImages {

    private PixelImages() {
    }

    /** An image of {@code height × width} grey pixels, each repeated {@code scale} times. */
    static WritableImage grey(double[] pixels, int height, int width, int scale) {
        check(pixels, height, width);
        WritableImage img = new WritableImage(width * scale, height * scale);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = pixels[r * width + c];
                double g = Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
                fill(pw, c, r, scale, Color.gray(g));
            }
        }
        return img;
    }

    /** A signed direction on the blue–white–red map, symmetric around 0 and scaled by max |v|. */
    static WritableImage signed(double[] v, int height, int width, int scale) {
        check(v, height, width);
        double max = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        WritableImage img = new WritableImage(width * scale, height * scale);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double t = max > 0 ? v[r * width + c] / max : 0;
                fill(pw, c, r, scale, diverging(Double.isFinite(t) ? t : 0));
            }
        }
        return img;
    }

    /** t in [−1, 1]: −1 deep blue, 0 white, +1 deep red. */
    static Color diverging(double t) {
        double a = Math.min(1, Math.abs(t));
        return t < 0 ? Color.color(1 - 0.85 * a, 1 - 0.7 * a, 1 - 0.25 * a)
                : Color.color(1 - 0.25 * a, 1 - 0.85 * a, 1 - 0.8 * a);
    }

    private static void fill(PixelWriter pw, int c, int r, int scale, Color colour) {
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                pw.setColor(c * scale + dx, r * scale + dy, colour);
            }
        }
    }

    private static void check(double[] v, int height, int width) {
        if (v.length != height * width) {
            throw new IllegalArgumentException("an image of " + height + " × " + width + " needs " + height * width
                    + " values, not " + v.length);
        }
    }
}
