package org.latentlab.experiment.tangentprop;

import org.latentlab.data.ExampleSet;

import java.util.Arrays;
import java.util.Random;

/**
 * A labelled one-channel image set with every image moved by a small random transformation, to measure how a
 * classifier copes with what Tangent Prop asks it to ignore: whole-pixel translations, or rotations about the image
 * centre (bilinear interpolation, background 0 outside). The transformations are drawn from a seed, one per image.
 */
public final class TransformedImages implements ExampleSet {

    private final String name;
    private final int[] shape;
    private final float[][] images;
    private final int[] labels;

    private TransformedImages(String name, int[] shape, float[][] images, int[] labels) {
        this.name = name;
        this.shape = shape;
        this.images = images;
        this.labels = labels;
    }

    /** Each image shifted by (dx, dy), each a whole number drawn uniformly from ±{@code pixels} but not both 0. */
    public static TransformedImages translated(ExampleSet set, int pixels, long seed) {
        Random r = new Random(seed);
        int h = set.shape()[1];
        int w = set.shape()[2];
        float[][] out = new float[set.size()][];
        int[] labels = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            int dx;
            int dy;
            do {
                dx = r.nextInt(2 * pixels + 1) - pixels;
                dy = r.nextInt(2 * pixels + 1) - pixels;
            } while (dx == 0 && dy == 0);
            out[i] = shift(set.example(i), h, w, dx, dy);
            labels[i] = set.label(i);
        }
        return new TransformedImages(set.name() + " shifted up to " + pixels + " px", set.shape(), out, labels);
    }

    /** Each image rotated by an angle drawn uniformly from ±{@code degrees}. */
    public static TransformedImages rotated(ExampleSet set, double degrees, long seed) {
        Random r = new Random(seed);
        int h = set.shape()[1];
        int w = set.shape()[2];
        float[][] out = new float[set.size()][];
        int[] labels = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            double angle = Math.toRadians((2 * r.nextDouble() - 1) * degrees);
            out[i] = rotate(set.example(i), h, w, angle);
            labels[i] = set.label(i);
        }
        return new TransformedImages(set.name() + " rotated up to " + degrees + "°", set.shape(), out, labels);
    }

    /** The image moved right by dx and down by dy pixels. */
    public static float[] shift(float[] img, int h, int w, int dx, int dy) {
        float[] out = new float[img.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int fr = r - dy;
                int fc = c - dx;
                out[r * w + c] = fr < 0 || fr >= h || fc < 0 || fc >= w ? 0 : img[fr * w + fc];
            }
        }
        return out;
    }

    /** The image rotated by {@code angle} radians about its centre, bilinear. */
    public static float[] rotate(float[] img, int h, int w, double angle) {
        float[] out = new float[img.length];
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double x = c - cx;
                double y = r - cy;
                double sx = cos * x + sin * y + cx;
                double sy = -sin * x + cos * y + cy;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                out[r * w + c] = (float) ((1 - fx) * (1 - fy) * at(img, h, w, y0, x0)
                        + fx * (1 - fy) * at(img, h, w, y0, x0 + 1) + (1 - fx) * fy * at(img, h, w, y0 + 1, x0)
                        + fx * fy * at(img, h, w, y0 + 1, x0 + 1));
            }
        }
        return out;
    }

    private static double at(float[] img, int h, int w, int r, int c) {
        return r < 0 || r >= h || c < 0 || c >= w ? 0 : img[r * w + c];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        ExampleSet.sampleUniform(this, n, rng, out);
    }

    @Override
    public String contentHash() {
        return name + "#" + images.length;
    }

    @Override
    public int size() {
        return images.length;
    }

    @Override
    public float[] example(int i) {
        return Arrays.copyOf(images[i], images[i].length);
    }

    @Override
    public boolean hasLabels() {
        return true;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }
}
