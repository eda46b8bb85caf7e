package org.latentlab.experiment.evaluate;

import org.latentlab.core.AtomicFiles;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.metrics.FeatureRows;
import org.latentlab.metrics.ImageJudge;
import org.latentlab.metrics.NearestNeighbours;
import org.latentlab.metrics.NearestNeighboursResult;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The memorisation check of Theis et al. 2016 ("A note on the evaluation of generative models", §3.2): a few
 * generated images, each followed by its nearest training images in pixel space and in the classifier's feature
 * space. A generator that copies its training set shows neighbours at a distance near 0; one that generalises shows
 * similar but different images. Pixels in [0, 1].
 *
 * @param queries  the generated images shown, flat [k, pixels]
 * @param shape    {@code [channels, height, width]}
 * @param pixels   their nearest training images by Euclidean pixel distance (indices into {@code training})
 * @param features their nearest training images by the distance of the classifier's features
 */
public record NeighbourGallery(float[] queries, int[] shape, NearestNeighboursResult pixels,
                               NearestNeighboursResult features, ExampleSet training) {

    /** Neighbours shown per space. */
    public static final int NEIGHBOURS = 3;

    /**
     * The first {@code k} generated images of {@code generated} with their nearest images among the first
     * {@value RealSets#GALLERY_POOL} of {@code training}, by {@code judge}'s features (computed here: a run that asks
     * for several galleries keeps a {@link GalleryPool} instead).
     */
    public static NeighbourGallery of(float[] generated, int k, int[] shape, ExampleSet training, ImageJudge judge,
                                      Monitor monitor) {
        return of(generated, k, shape, new GalleryPool(training, judge), monitor);
    }

    /**
     * The first {@code k} generated images of {@code generated} with their nearest images among the pool's, whose
     * classifier features are computed at the pool's first gallery only.
     */
    public static NeighbourGallery of(float[] generated, int k, int[] shape, GalleryPool pool, Monitor monitor) {
        int d = shape[0] * shape[1] * shape[2];
        float[] queries = java.util.Arrays.copyOf(generated, k * d);
        int n = pool.size();
        monitor.progress(0, "gallery: nearest of " + n + " training images in pixel space");
        NearestNeighboursResult byPixels = NearestNeighbours.search(FeatureRows.of(queries, k, d),
                FeatureRows.of(pool.pixels(), n, d), NEIGHBOURS);
        double[][] poolFeatures = pool.features(monitor);
        NearestNeighboursResult byFeatures = NearestNeighbours.search(pool.judge().features(queries, k),
                poolFeatures, NEIGHBOURS);
        monitor.progress(1, "gallery ready");
        return new NeighbourGallery(queries, shape.clone(), byPixels, byFeatures, pool.training());
    }

    /** The number of generated images shown. */
    public int size() {
        return pixels.queryCount();
    }

    /**
     * The picture: a row per generated image, the image, a gap, its {@value #NEIGHBOURS} nearest in pixel space, a
     * gap, its nearest in feature space; each image enlarged {@code scale} times.
     */
    public BufferedImage picture(int scale) {
        int h = shape[1] * scale;
        int w = shape[2] * scale;
        int gap = 2;
        int wide = 3 * w;
        int columns = 1 + 2 * NEIGHBOURS;
        int width = columns * (w + gap) + 2 * wide / 3 + gap;
        int height = size() * (h + gap) + gap;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 40, 48));
        g.fillRect(0, 0, width, height);
        g.dispose();
        int d = shape[0] * shape[1] * shape[2];
        for (int q = 0; q < size(); q++) {
            int y = gap + q * (h + gap);
            int x = gap;
            draw(img, java.util.Arrays.copyOfRange(queries, q * d, (q + 1) * d), x, y, scale);
            x += w + gap + wide / 3;
            for (int i : pixels.indicesOf(q)) {
                draw(img, training.example(i), x, y, scale);
                x += w + gap;
            }
            x += wide / 3;
            for (int i : features.indicesOf(q)) {
                draw(img, training.example(i), x, y, scale);
                x += w + gap;
            }
        }
        return img;
    }

    /** Writes {@link #picture} as a PNG, complete or not at all. */
    public void write(Path file, int scale) {
        BufferedImage img = picture(scale);
        ImageIO.setUseCache(false);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new java.io.IOException("no PNG writer is available");
            }
        });
    }

    private void draw(BufferedImage img, float[] x, int ox, int oy, int scale) {
        int c = shape[0];
        int hgt = shape[1];
        int wid = shape[2];
        int plane = hgt * wid;
        for (int y = 0; y < hgt * scale; y++) {
            for (int xx = 0; xx < wid * scale; xx++) {
                int at = (y / scale) * wid + xx / scale;
                int r = level(x[at]);
                int gr = c == 3 ? level(x[at + plane]) : r;
                int b = c == 3 ? level(x[at + 2 * plane]) : r;
                img.setRGB(ox + xx, oy + y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int level(float v) {
        return Math.max(0, Math.min(255, Math.round(255 * v)));
    }
}
