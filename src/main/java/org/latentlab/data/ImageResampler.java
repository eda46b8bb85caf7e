package org.latentlab.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one decoded image into bytes: reads it row by row as grey or RGB values composited over black,
 * resamples each row horizontally, then the columns vertically, into its place in the target.
 */
final class ImageResampler {

    private static final double RED = 0.299;
    private static final double GREEN = 0.587;
    private static final double BLUE = 0.114;

    /** Source pixels and weights of each output pixel along one axis. */
    private record Taps(int[][] index, double[][] weight) {
    }

    private ImageResampler() {
    }

    static void render(BufferedImage image, int channels, int height, int width, ImageFolder.Fit fit, byte[] out,
            int offset) {
        int sw = image.getWidth();
        int sh = image.getHeight();
        // The source window [x0, x0 + xLen) x [y0, y0 + yLen) lands on the target window at (ox, oy), ow x oh.
        double x0 = 0;
        double y0 = 0;
        double xLen = sw;
        double yLen = sh;
        int ox = 0;
        int oy = 0;
        int ow = width;
        int oh = height;
        boolean sourceWider = (long) sw * height > (long) sh * width;
        if (fit == ImageFolder.Fit.CROP) {
            if (sourceWider) {
                xLen = (double) sh * width / height;
                x0 = (sw - xLen) / 2;
            } else {
                yLen = (double) sw * height / width;
                y0 = (sh - yLen) / 2;
            }
        } else if (fit == ImageFolder.Fit.PAD) {
            if (sourceWider) {
                oh = (int) Math.max(1, Math.min(height, Math.round((double) width * sh / sw)));
                oy = (height - oh) / 2;
            } else {
                ow = (int) Math.max(1, Math.min(width, Math.round((double) height * sw / sh)));
                ox = (width - ow) / 2;
            }
        }
        Taps xTaps = taps(sw, x0, xLen, ow);
        Taps yTaps = taps(sh, y0, yLen, oh);
        int yFirst = sh;
        int yLast = -1;
        for (int[] rows : yTaps.index()) {
            for (int y : rows) {
                yFirst = Math.min(yFirst, y);
                yLast = Math.max(yLast, y);
            }
        }

        // Horizontal pass over the source rows the vertical pass needs.
        RowReader reader = RowReader.of(image, channels);
        float[][] row = new float[channels][sw];
        float[][] across = new float[channels][(yLast - yFirst + 1) * ow];
        for (int y = yFirst; y <= yLast; y++) {
            reader.read(y, row);
            int base = (y - yFirst) * ow;
            for (int c = 0; c < channels; c++) {
                float[] src = row[c];
                float[] dst = across[c];
                for (int j = 0; j < ow; j++) {
                    dst[base + j] = (float) apply(xTaps, j, src, 0, 1);
                }
            }
        }

        // Vertical pass into the byte planes; pixels outside the target window stay 0 (the black background).
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            float[] src = across[c];
            for (int i = 0; i < oh; i++) {
                int dstRow = offset + c * plane + (oy + i) * width + ox;
                for (int j = 0; j < ow; j++) {
                    double v = apply(yTaps, i, src, j - yFirst * ow, ow);
                    out[dstRow + j] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
    }

    private static double apply(Taps taps, int k, float[] src, int start, int stride) {
        int[] index = taps.index()[k];
        double[] weight = taps.weight()[k];
        double sum = 0;
        for (int t = 0; t < index.length; t++) {
            sum += weight[t] * src[start + index[t] * stride];
        }
        return sum;
    }

    /**
     * Taps mapping the source interval {@code [from, from + length)} of an axis of {@code n} pixels onto
     * {@code m} output pixels: box-filter area weights when shrinking, linear interpolation when growing.
     */
    private static Taps taps(int n, double from, double length, int m) {
        int[][] index = new int[m][];
        double[][] weight = new double[m][];
        double step = length / m;
        for (int j = 0; j < m; j++) {
            if (step >= 1) {
                double lo = from + j * step;
                double hi = lo + step;
                int first = Math.max(0, (int) Math.floor(lo));
                int last = Math.min(n - 1, (int) Math.ceil(hi) - 1);
                List<double[]> parts = new ArrayList<>();
                double total = 0;
                for (int s = first; s <= last; s++) {
                    double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                    if (overlap > 1e-9) {
                        parts.add(new double[] {s, overlap});
                        total += overlap;
                    }
                }
                index[j] = new int[parts.size()];
                weight[j] = new double[parts.size()];
                for (int t = 0; t < parts.size(); t++) {
                    index[j][t] = (int) parts.get(t)[0];
                    weight[j][t] = parts.get(t)[1] / total;
                }
            } else {
                double centre = from + (j + 0.5) * step - 0.5;
                int left = (int) Math.floor(centre);
                double f = centre - left;
                int a = Math.max(0, Math.min(n - 1, left));
                int b = Math.max(0, Math.min(n - 1, left + 1));
                if (a == b || f == 0) {
                    index[j] = new int[] {a};
                    weight[j] = new double[] {1};
                } else {
                    index[j] = new int[] {a, b};
                    weight[j] = new double[] {1 - f, f};
                }
            }
        }
        return new Taps(index, weight);
    }

    /** Reads one source row as 1 (grey) or 3 (RGB) channels of values 0..255, composited over black. */
    private abstract static class RowReader {

        abstract void read(int y, float[][] out);

        static RowReader of(BufferedImage image, int channels) {
            ColorModel cm = image.getColorModel();
            if (cm instanceof ComponentColorModel && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
                return new GreyRowReader(image, channels);
            }
            return new RgbRowReader(image, channels);
        }
    }

    /**
     * Grey images read from the raster: Java's getRGB would treat the stored values as linear grey and brighten
     * them on the way to sRGB (100 becomes 168), but PNG and JPEG files store display values.
     */
    private static final class GreyRowReader extends RowReader {

        private final Raster raster;
        private final int channels;
        private final boolean alpha;
        private final boolean premultiplied;
        private final double greyMax;
        private final double alphaMax;
        private final int[] grey;
        private final int[] opacity;

        GreyRowReader(BufferedImage image, int channels) {
            ColorModel cm = image.getColorModel();
            this.raster = image.getRaster();
            this.channels = channels;
            this.alpha = cm.hasAlpha();
            this.premultiplied = cm.isAlphaPremultiplied();
            this.greyMax = (1 << cm.getComponentSize(0)) - 1;
            this.alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
            this.grey = new int[image.getWidth()];
            this.opacity = alpha ? new int[image.getWidth()] : null;
        }

        @Override
        void read(int y, float[][] out) {
            int w = grey.length;
            raster.getSamples(0, y, w, 1, 0, grey);
            if (alpha) {
                raster.getSamples(0, y, w, 1, 1, opacity);
            }
            for (int x = 0; x < w; x++) {
                double v = grey[x] * 255.0 / greyMax;
                if (alpha && !premultiplied) {
                    v *= opacity[x] / alphaMax;
                }
                for (int c = 0; c < channels; c++) {
                    out[c][x] = (float) v;
                }
            }
        }
    }

    /** Every other image, read as non-premultiplied sRGB through {@link BufferedImage#getRGB}. */
    private static final class RgbRowReader extends RowReader {

        private final BufferedImage image;
        private final int channels;
        private final int[] argb;

        RgbRowReader(BufferedImage image, int channels) {
            this.image = image;
            this.channels = channels;
            this.argb = new int[image.getWidth()];
        }

        @Override
        void read(int y, float[][] out) {
            int w = argb.length;
            image.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                double a = (p >>> 24) / 255.0;
                double r = ((p >> 16) & 0xff) * a;
                double g = ((p >> 8) & 0xff) * a;
                double b = (p & 0xff) * a;
                if (channels == 1) {
                    out[0][x] = (float) (RED * r + GREEN * g + BLUE * b);
                } else {
                    out[0][x] = (float) r;
                    out[1][x] = (float) g;
                    out[2][x] = (float) b;
                }
            }
        }
    }
}
