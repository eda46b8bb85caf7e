package org.latentlab.experiment.evaluate;

import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.metrics.ImageJudge;

/**
 * The training images a {@link NeighbourGallery} searches (the first {@value RealSets#GALLERY_POOL} of the set the
 * model trained on) as seen by one classifier: their pixels, flat, and their classifier features, computed at the
 * first gallery and kept for every later one. The features of 10,000 images take seconds, and every gallery of one
 * run asks for the same ones, so a run's scores hold one pool (one classifier, one data set) and its galleries share
 * it. Kept in memory only: about 30 MB of pixels and 10 MB of features for MNIST, gone with the run.
 *
 * <p>Thread-safe; the judge is called with the pool's lock held, so it is used from one thread at a time.
 */
public final class GalleryPool {

    private final ExampleSet training;
    private final ImageJudge judge;
    private final int size;
    private float[] pixels;
    private double[][] features;

    public GalleryPool(ExampleSet training, ImageJudge judge) {
        if (training == null || judge == null) {
            throw new IllegalArgumentException("a gallery pool needs the training images and a judge");
        }
        this.training = training;
        this.judge = judge;
        this.size = Math.min(RealSets.GALLERY_POOL, training.size());
    }

    /** The set the neighbours' indices point into. */
    public ExampleSet training() {
        return training;
    }

    /** The judge whose features are kept. */
    public ImageJudge judge() {
        return judge;
    }

    /** Images searched: the first ones of the training set. */
    public int size() {
        return size;
    }

    /** The searched images' pixels, flat [size, pixels] (shared: do not write). */
    public synchronized float[] pixels() {
        if (pixels == null) {
            int d = training.dimension();
            float[] flat = new float[size * d];
            for (int i = 0; i < size; i++) {
                System.arraycopy(training.example(i), 0, flat, i * d, d);
            }
            pixels = flat;
        }
        return pixels;
    }

    /** The searched images' classifier features, [size][dim], computed on the first call (shared: do not write). */
    public synchronized double[][] features(Monitor monitor) {
        if (features == null) {
            monitor.progress(0.5, "gallery: classifier features of " + size + " training images (once per run)");
            features = judge.features(pixels(), size);
        }
        return features;
    }
}
