package org.latentlab.latent;

/**
 * The shape of one decoded example: {@code channels x height x width}, stored planar and row-major (channel 0's
 * rows first), as the lab's data sources store images. A vector example (2-D points) is {@code 1 x 1 x d} and is not
 * an image.
 */
public record ImageShape(int channels, int height, int width, boolean isImage) {

    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("an example shape needs positive sizes, not " + channels + "x"
                    + height + "x" + width);
        }
    }

    /** An image of the given size (1 channel: grey, 3: RGB). */
    public static ImageShape image(int channels, int height, int width) {
        return new ImageShape(channels, height, width, true);
    }

    /** A vector of {@code size} values (not an image). */
    public static ImageShape vector(int size) {
        return new ImageShape(1, 1, size, false);
    }

    /** From a data source's shape: {@code [c, h, w]} is an image, {@code [d]} a vector. */
    public static ImageShape of(int[] shape) {
        if (shape.length == 3) {
            return image(shape[0], shape[1], shape[2]);
        }
        if (shape.length == 1) {
            return vector(shape[0]);
        }
        throw new IllegalArgumentException("an example shape is [c, h, w] or [d], not " + java.util.Arrays.toString(
                shape));
    }

    /** Values per example. */
    public int size() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return isImage ? channels + "x" + height + "x" + width : "vector " + width;
    }
}
