package org.latentlab.data;

/**
 * Images read from an IDX file: {@code count} images of {@code rows x cols} unsigned bytes, image after image,
 * each row-major (0 = background, 255 = ink in MNIST). The pixel array is shared, not copied.
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    public IdxImages {
        if (count < 0 || rows <= 0 || cols <= 0 || pixels == null || pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException("pixels must hold count*rows*cols bytes: " + count + "x" + rows + "x"
                    + cols + ", got " + (pixels == null ? "null" : pixels.length));
        }
    }

    /** Bytes in one image. */
    public int imageSize() {
        return rows * cols;
    }

    @Override
    public String toString() {
        return "IdxImages " + count + " x " + rows + "x" + cols;
    }
}
