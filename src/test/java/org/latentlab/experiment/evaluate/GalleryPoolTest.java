package org.latentlab.experiment.evaluate;

import org.junit.jupiter.api.Test;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.testing.FlatImages;
import org.latentlab.metrics.ImageJudge;
import org.latentlab.testing.CentreJudge;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gallery's pool keeps the training images' features: a second gallery of one pool asks the judge only for its
 * queries' features, and finds the same neighbours as a gallery computed from scratch, which are checked against a
 * brute-force search ("images" of 2x2 pixels around 3 centres, features the pixels).
 */
class GalleryPoolTest {

    private static final double[][] CENTRES = {{0, 0, 0, 0}, {1, 0, 1, 0}, {0, 1, 0, 1}};
    private static final int[] SHAPE = {1, 2, 2};

    /** Counts the images whose features it is asked for. */
    private static final class CountingJudge implements ImageJudge {
        final CentreJudge inner = new CentreJudge(CENTRES, 10);
        int featureCalls;
        long featureImages;

        @Override
        public int classCount() {
            return inner.classCount();
        }

        @Override
        public double[][] probabilities(float[] images, int n) {
            return inner.probabilities(images, n);
        }

        @Override
        public double[][] features(float[] images, int n) {
            featureCalls++;
            featureImages += n;
            return inner.features(images, n);
        }
    }

    private static ExampleSet set(float[] pixels) {
        return new FlatImages("centres", pixels, SHAPE);
    }

    /** The indices of the 3 nearest training rows to query q, by brute force over squared distances. */
    private static int[] bruteForce(float[] queries, int q, float[] training, int n) {
        Integer[] order = new Integer[n];
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            for (int j = 0; j < 4; j++) {
                double e = queries[4 * q + j] - training[4 * i + j];
                dist[i] += e * e;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
        return new int[] {order[0], order[1], order[2]};
    }

    @Test
    void secondGalleryReusesTheTrainingFeaturesAndFindsTheSameNeighbours() {
        CentreJudge sampler = new CentreJudge(CENTRES, 10);
        float[] training = sampler.sample(200, 10, -1, 0.1);
        float[] generated = sampler.sample(20, 4, -1, 0.1);
        CountingJudge judge = new CountingJudge();
        GalleryPool pool = new GalleryPool(set(training), judge);

        NeighbourGallery first = NeighbourGallery.of(generated, 5, SHAPE, pool, Monitor.NONE);
        assertEquals(2, judge.featureCalls, "first gallery: the pool's features and the queries'");
        assertEquals(200 + 5, judge.featureImages);
        NeighbourGallery second = NeighbourGallery.of(generated, 5, SHAPE, pool, Monitor.NONE);
        assertEquals(3, judge.featureCalls, "second gallery: only the queries' features");
        assertEquals(200 + 5 + 5, judge.featureImages);

        CountingJudge fresh = new CountingJudge();
        NeighbourGallery scratch = NeighbourGallery.of(generated, 5, SHAPE, set(training), fresh, Monitor.NONE);
        assertEquals(200 + 5, fresh.featureImages, "a gallery without a pool computes the training features");
        for (int q = 0; q < 5; q++) {
            int[] expected = bruteForce(generated, q, training, 200);
            assertArrayEquals(expected, first.features().indicesOf(q), "feature neighbours of query " + q);
            assertArrayEquals(expected, first.pixels().indicesOf(q), "pixel neighbours of query " + q);
            assertArrayEquals(first.features().indicesOf(q), second.features().indicesOf(q));
            assertArrayEquals(first.features().indicesOf(q), scratch.features().indicesOf(q));
            assertArrayEquals(first.pixels().indicesOf(q), second.pixels().indicesOf(q));
        }
    }

    @Test
    void thePoolIsTheFirstTenThousandImagesAtMost() {
        CentreJudge sampler = new CentreJudge(CENTRES, 10);
        assertEquals(150, new GalleryPool(set(sampler.sample(150, 1, -1, 0.1)), new CountingJudge()).size());
        GalleryPool big = new GalleryPool(set(sampler.sample(RealSets.GALLERY_POOL + 7, 2, -1, 0.1)),
                new CountingJudge());
        assertEquals(RealSets.GALLERY_POOL, big.size());
        assertEquals(RealSets.GALLERY_POOL * 4, big.pixels().length);
    }
}
