package org.latentlab.experiment.anomaly;

import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.DatasetSpec;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.evaluate.RealSets;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The two image sets an anomaly score is asked to tell apart, pixels in [0, 1], flat: the normal images, the run's
 * held-out split of its own data (images the model never trained on), and the anomalous ones, given by
 * {@link #against}: the other bundled data set (Fashion-MNIST for an MNIST run, MNIST for a Fashion-MNIST run),
 * uniform noise, or a person's IDX file or image folder of the run's image size.
 *
 * @param normal          held-out images, flat
 * @param normalCount     how many
 * @param anomalous       foreign images, flat
 * @param anomalousCount  how many
 * @param normalAbout     where the normal images come from, for a person
 * @param anomalousAbout  where the anomalous ones come from
 */
public record AnomalySets(float[] normal, int normalCount, float[] anomalous, int anomalousCount, String normalAbout,
                          String anomalousAbout) {

    /** The foreign images: a bundled set's name, {@value #NOISE}, or a path to IDX images or an image folder. */
    public static final String NOISE = "noise";
    /** Shuffles a foreign set before its first images are taken. */
    static final long SHUFFLE_SEED = 21;

    public AnomalySets {
        if (normalCount < 1 || anomalousCount < 1 || normal.length % normalCount != 0
                || anomalous.length / anomalousCount != normal.length / normalCount) {
            throw new IllegalArgumentException("anomaly detection needs at least one normal and one anomalous image"
                    + " of the same size");
        }
    }

    /**
     * Up to {@code n} held-out images of {@code saved}'s data and up to {@code n} images of {@code against}
     * (null: the other bundled set, or noise for a run on other images); noise drawn from {@code seed}.
     *
     * @throws LabException when the foreign images cannot be read, have another size, or are the run's own data
     */
    public static AnomalySets of(SavedModel saved, String against, int n, long seed) {
        ExampleSet heldOut = saved.heldOut();
        if (heldOut == null || heldOut.size() == 0) {
            throw new LabException(saved.name() + " keeps no held-out images: train it with heldOut above 0");
        }
        int[] shape = saved.data().shape();
        int normalCount = Math.min(n, heldOut.size());
        float[] normal = flat(heldOut, normalCount);
        String normalAbout = String.format(Locale.ROOT, "%,d held-out images of %s", normalCount,
                saved.data().name());
        String own = ownBundled(saved);
        String choice = against != null ? against : own == null ? NOISE : own.equals("mnist") ? "fashion" : "mnist";
        if (choice.equals(NOISE)) {
            float[] noise = new float[n * heldOut.dimension()];
            Random r = new Random(seed);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = r.nextFloat();
            }
            return new AnomalySets(normal, normalCount, noise, n, normalAbout, String.format(Locale.ROOT,
                    "%,d images of uniform noise in [0, 1]", n));
        }
        ExampleSet foreign;
        if (choice.equals("mnist") || choice.equals("fashion")) {
            if (choice.equals(own)) {
                throw new LabException(saved.name() + " trained on " + own + ": choose its anomalies from "
                        + (own.equals("mnist") ? "fashion" : "mnist") + ", " + NOISE + " or your own images");
            }
            foreign = ImageDataset.bundled(choice, ExperimentData.bundledDir(null), ImageScale.ZERO_TO_ONE);
            if (shape.length != 3 || !java.util.Arrays.equals(foreign.shape(), shape)) {
                throw new LabException(saved.name() + " takes images of " + describe(shape) + ", but the bundled "
                        + choice + " images are " + describe(foreign.shape()) + ": give " + NOISE
                        + " or images of its size");
            }
        } else {
            foreign = RealSets.read(Path.of(choice), null, shape, saved.name());
        }
        int count = Math.min(n, foreign.size());
        return new AnomalySets(normal, normalCount, flat(foreign.permuted(SHUFFLE_SEED), count), count, normalAbout,
                String.format(Locale.ROOT, "%,d images of %s", count, foreign.name()));
    }

    /** The run's bundled data set ("mnist" or "fashion"), or null for other data. */
    private static String ownBundled(SavedModel saved) {
        DatasetSpec d = saved.spec().dataset();
        return d.kind() == DatasetSpec.Kind.IMAGES && d.path() == null ? d.name() : null;
    }

    private static String describe(int[] shape) {
        return shape.length == 3 ? shape[0] + "x" + shape[1] + "x" + shape[2] : java.util.Arrays.toString(shape);
    }

    private static float[] flat(DataSource data, int count) {
        ExampleSet set = (ExampleSet) data;
        int d = set.dimension();
        float[] pixels = new float[count * d];
        for (int i = 0; i < count; i++) {
            System.arraycopy(set.example(i), 0, pixels, i * d, d);
        }
        return pixels;
    }
}
