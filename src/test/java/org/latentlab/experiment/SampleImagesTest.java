package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.latentlab.train.GanView;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The run folder's grid of generated images: a batch of 3-channel images (Stacked MNIST's) is drawn in colour with
 * channel c as colour component c, a 1-channel batch in grey, each image in its own cell. Oracle: the hand-made
 * values as levels, round(255 · v).
 */
class SampleImagesTest {

    private static final int SCALE = 2;

    @Test
    void aThreeChannelBatchIsDrawnWithChannelCInColourComponentC() {
        int count = 4;
        int h = 2;
        int w = 3;
        float[] pixels = new float[count * 3 * h * w];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 97) / 96f;
        }
        GanView.Images v = new GanView.Images(7, pixels, count, 3, h, w);
        BufferedImage img = SampleImages.grid(v, SCALE);
        int cols = 2;
        for (int k = 0; k < count; k++) {
            int ox = 2 + (k % cols) * (w * SCALE + 2);
            int oy = 2 + (k / cols) * (h * SCALE + 2);
            for (int y = 0; y < h * SCALE; y++) {
                for (int x = 0; x < w * SCALE; x++) {
                    int rgb = img.getRGB(ox + x, oy + y);
                    int p = (y / SCALE) * w + x / SCALE;
                    int at = k * 3 * h * w + p;
                    String where = "image " + k + " at (" + x + ", " + y + ")";
                    assertEquals(level(pixels[at]), rgb >> 16 & 0xFF, where + ": red is channel 0");
                    assertEquals(level(pixels[at + h * w]), rgb >> 8 & 0xFF, where + ": green is channel 1");
                    assertEquals(level(pixels[at + 2 * h * w]), rgb & 0xFF, where + ": blue is channel 2");
                }
            }
        }
    }

    @Test
    void aOneChannelBatchIsGrey() {
        float[] pixels = {0f, 0.25f, 0.5f, 1f, 0.75f, 0.1f, 0.9f, 0.6f};
        BufferedImage img = SampleImages.grid(new GanView.Images(1, pixels, 2, 1, 2, 2), 1);
        for (int k = 0; k < 2; k++) {
            for (int p = 0; p < 4; p++) {
                int rgb = img.getRGB(2 + k * 4 + p % 2, 2 + p / 2);
                int c = level(pixels[k * 4 + p]);
                assertEquals(c << 16 | c << 8 | c, rgb & 0xFFFFFF, "image " + k + " pixel " + p);
            }
        }
    }

    private static int level(float v) {
        return Math.round(255 * v);
    }
}
