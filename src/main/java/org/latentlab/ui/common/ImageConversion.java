package org.latentlab.ui.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.latentlab.experiment.StudioModels;
import org.latentlab.latent.ImageShape;

import java.util.Arrays;

/**
 * Display values in [0, 1] (what {@link org.latentlab.latent.LatentModel#toDisplay} gives for decoded images and
 * examples alike) to JavaFX pictures at the images' own resolution, through the lab's one pixel conversion
 * ({@link StudioModels#argb}).
 */
public final class ImageConversion {

    private ImageConversion() {
    }

    /** One image as a picture. */
    public static WritableImage picture(float[] display, ImageShape shape) {
        int[] px = StudioModels.argb(display, shape, new int[shape.width() * shape.height()]);
        WritableImage img = new WritableImage(shape.width(), shape.height());
        img.getPixelWriter().setPixels(0, 0, shape.width(), shape.height(), PixelFormat.getIntArgbInstance(), px, 0,
                shape.width());
        return img;
    }

    /**
     * Opaque ARGB pixels (row-major, {@code width x height}) written into {@code reuse} when it has that size, else
     * into a new picture; returns the picture written.
     */
    public static WritableImage draw(int[] argb, int width, int height, WritableImage reuse) {
        WritableImage img = reuse != null && reuse.getWidth() == width && reuse.getHeight() == height ? reuse
                : new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }

    /**
     * One picture of {@code rows x columns} images (row-major), each followed by a gap of {@code gap} dark pixels,
     * at the images' own resolution.
     */
    public static WritableImage grid(float[][] images, ImageShape shape, int rows, int columns, int gap) {
        int w = shape.width();
        int h = shape.height();
        int cw = w + gap;
        int ch = h + gap;
        int width = columns * cw;
        int height = rows * ch;
        int[] all = new int[width * height];
        Arrays.fill(all, 0xFF202020);
        int[] one = new int[w * h];
        for (int i = 0; i < images.length && i < rows * columns; i++) {
            StudioModels.argb(images[i], shape, one);
            int ox = (i % columns) * cw;
            int oy = (i / columns) * ch;
            for (int y = 0; y < h; y++) {
                System.arraycopy(one, y * w, all, (oy + y) * width + ox, w);
            }
        }
        return draw(all, width, height, null);
    }
}
