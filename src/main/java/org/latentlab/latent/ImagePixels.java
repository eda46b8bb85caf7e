package org.latentlab.latent;

/**
 * The lab's one conversion of image values to pixels: display values in [0, 1] (planar {@code c x h x w}, as
 * {@link ImageShape} stores them) to opaque ARGB ints, row-major. One channel is grey; three or more are colour,
 * channel 0 red, 1 green, 2 blue (a Stacked MNIST image shows its three digits in the three colours). Values
 * outside [0, 1] are clipped, NaN is black. Every picture of images (the GAN bench's grids, the latent studio, the
 * galleries, the PNG exports) is drawn through it.
 */
public final class ImagePixels {

    private ImagePixels() {
    }

    /** The image of {@code shape} stored from {@code offset} in {@code display}, into {@code out} (h·w pixels). */
    public static int[] argb(float[] display, int offset, ImageShape shape, int[] out) {
        int plane = shape.height() * shape.width();
        if (out.length != plane) {
            throw new IllegalArgumentException("out must hold " + plane + " pixels, not " + out.length);
        }
        if (offset < 0 || offset + shape.size() > display.length) {
            throw new IllegalArgumentException("an image of " + shape + " from value " + offset + " needs "
                    + (offset + shape.size()) + " values, not " + display.length);
        }
        if (shape.channels() >= 3) {
            for (int p = 0; p < plane; p++) {
                int at = offset + p;
                out[p] = 0xFF000000 | level(display[at]) << 16 | level(display[at + plane]) << 8
                        | level(display[at + 2 * plane]);
            }
        } else {
            for (int p = 0; p < plane; p++) {
                int c = level(display[offset + p]);
                out[p] = 0xFF000000 | c << 16 | c << 8 | c;
            }
        }
        return out;
    }

    /** One image stored from value 0 of {@code display}. */
    public static int[] argb(float[] display, ImageShape shape, int[] out) {
        return argb(display, 0, shape, out);
    }

    /**
     * The image from {@code offset}, each pixel repeated as a {@code scale x scale} block: {@code w·scale} by
     * {@code h·scale} pixels, row-major.
     */
    public static int[] scaled(float[] display, int offset, ImageShape shape, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, not " + scale);
        }
        int w = shape.width();
        int h = shape.height();
        int[] one = argb(display, offset, shape, new int[w * h]);
        if (scale == 1) {
            return one;
        }
        int sw = w * scale;
        int[] out = new int[sw * h * scale];
        for (int y = 0; y < h * scale; y++) {
            int row = (y / scale) * w;
            for (int x = 0; x < sw; x++) {
                out[y * sw + x] = one[row + x / scale];
            }
        }
        return out;
    }

    /** A display value as an 8-bit level: clipped to [0, 1], NaN as 0. */
    public static int level(float v) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= 1 ? 255 : (int) (v * 255 + 0.5f);
    }
}
