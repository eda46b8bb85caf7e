package org.latentlab.latent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The lab's one pixel conversion, against values chosen by hand: a 3-channel image puts channel c in colour
 * component c (red, green, blue), a 1-channel image is grey, an image is read from its offset in a batch, and a
 * scaled image repeats each pixel as a block. Oracle for a level: round(255 · v), clipped to [0, 255].
 */
class ImagePixelsTest {

    private static int red(int argb) {
        return argb >> 16 & 0xFF;
    }

    private static int green(int argb) {
        return argb >> 8 & 0xFF;
    }

    private static int blue(int argb) {
        return argb & 0xFF;
    }

    private static int level(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }

    /** Image k of a batch of 3 x 2 x 3 images: value (k, c, p) = a distinct number in [0, 1] per place. */
    private static float value(int k, int c, int p) {
        return (k * 18 + c * 6 + p) / 53f;
    }

    @Test
    void eachChannelOfAColourImageIsItsOwnColourComponent() {
        ImageShape shape = ImageShape.image(3, 2, 3);
        int images = 3;
        float[] batch = new float[images * shape.size()];
        for (int k = 0; k < images; k++) {
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 6; p++) {
                    batch[k * 18 + c * 6 + p] = value(k, c, p);
                }
            }
        }
        for (int k = 0; k < images; k++) {
            int[] px = ImagePixels.argb(batch, k * shape.size(), shape, new int[6]);
            for (int p = 0; p < 6; p++) {
                assertEquals(0xFF, px[p] >>> 24, "opaque");
                assertEquals(level(value(k, 0, p)), red(px[p]), "image " + k + " pixel " + p + ": channel 0 is red");
                assertEquals(level(value(k, 1, p)), green(px[p]), "channel 1 is green");
                assertEquals(level(value(k, 2, p)), blue(px[p]), "channel 2 is blue");
            }
        }
    }

    @Test
    void aOneChannelImageIsGreyAndValuesAreClipped() {
        float[] grey = {0f, 0.5f, 1f, -0.3f, 1.7f, Float.NaN};
        int[] px = ImagePixels.argb(grey, ImageShape.image(1, 2, 3), new int[6]);
        int[] expected = {0, 128, 255, 0, 255, 0};
        for (int p = 0; p < 6; p++) {
            assertEquals(expected[p], red(px[p]), "pixel " + p);
            assertEquals(expected[p], green(px[p]));
            assertEquals(expected[p], blue(px[p]));
        }
    }

    @Test
    void aScaledImageRepeatsEachPixelAsABlock() {
        ImageShape shape = ImageShape.image(3, 2, 2);
        float[] image = new float[12];
        for (int i = 0; i < 12; i++) {
            image[i] = i / 11f;
        }
        float[] batch = new float[24];
        System.arraycopy(image, 0, batch, 12, 12);
        int[] one = ImagePixels.argb(image, shape, new int[4]);
        int[] big = ImagePixels.scaled(batch, 12, shape, 3);
        assertEquals(36, big.length);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(one[(y / 3) * 2 + x / 3], big[y * 6 + x], "(" + x + ", " + y + ")");
            }
        }
        assertArrayEquals(one, ImagePixels.scaled(batch, 12, shape, 1));
    }

    @Test
    void anImagePastTheEndOfTheValuesIsRefused() {
        ImageShape shape = ImageShape.image(3, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImagePixels.argb(new float[20], 12, shape, new int[4]));
        assertEquals("an image of 3x2x2 from value 12 needs 24 values, not 20", e.getMessage());
    }
}
