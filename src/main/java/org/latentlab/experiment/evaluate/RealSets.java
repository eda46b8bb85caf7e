package org.latentlab.experiment.evaluate;

import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageFolder;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.DatasetSpec;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.SavedModel;
import org.latentlab.metrics.ScoreCard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The real images a score card compares generated images with, pixels in [0, 1], in three disjoint sets: {@code test}
 * (what the generated set and the baseline are both compared with), {@code reference} (as many real images as
 * generated ones, in the generated set's place: the real-versus-real baseline) and {@code validation} (where the
 * Parzen window's σ is chosen); and {@code training}, the images the model trained on, for the nearest-neighbour
 * gallery (at most {@link #GALLERY_POOL}).
 *
 * @param about where each set comes from, for a person
 */
public record RealSets(ScoreCard.Images test, ScoreCard.Images reference, ScoreCard.Images validation,
                       ExampleSet training, String about) {

    /** Real images the Parzen window's σ is chosen on. */
    public static final int VALIDATION = 500;
    /** The most real images the scores are compared with. */
    public static final int MAX_TEST = 1000;
    /** The fewest: below it the scores are mostly noise. */
    public static final int MIN_TEST = 100;
    /** The most training images the gallery searches (the first ones of the training set). */
    public static final int GALLERY_POOL = 10_000;
    /** Shuffles a set of real images given by a person (or an unsplit data set) before it is cut into three. */
    static final long SHUFFLE_SEED = 16;

    /**
     * The sets from the run's own data (opened in [0, 1]): for an autoencoder, VAE or RBM the test set is its
     * held-out split, the reference and validation sets come from its training part; a GAN keeps nothing apart, so
     * the test set is the split the classifier held out ({@code classifier}'s seed and size; the classifier never
     * saw it, the GAN did), and for Stacked MNIST, which no classifier trained on, the first stacks of a shuffle.
     */
    public static RealSets fromRun(SavedModel saved, ClassifierSpec classifier, int n) {
        ExampleSet set = data(saved);
        if (saved.kind() != Family.GAN) {
            ExperimentData.Split split = ExperimentData.split(set, saved.modelSpec().heldOut(),
                    saved.modelSpec().seed());
            ExampleSet train = (ExampleSet) split.train();
            requireSize(train, n + VALIDATION, n, "its training part");
            return new RealSets(images(split.heldOut(), 0, Math.min(MAX_TEST, split.heldOut().size())),
                    images(train, 0, n), images(train, n, n + VALIDATION), train,
                    "test: the run's held-out split; reference and validation: its training part");
        }
        return ofGanData(set, saved.spec().dataset(), classifier, n);
    }

    /**
     * The sets of a GAN's data, opened in [0, 1] from {@code dataset} (paths against {@code baseDir}): the GAN
     * trains on every image, so the test set is the split the classifier held out ({@code classifier}'s seed and
     * size), reference and validation come from the classifier's training part, and the gallery searches the whole
     * set; Stacked MNIST, which no classifier trained on, is cut from a shuffle. The live scores of the GAN bench and
     * {@code evaluate} of a saved GAN both cut here, so they compare with the same images.
     */
    public static RealSets forGan(DatasetSpec dataset, Path baseDir, ClassifierSpec classifier, int n) {
        DataSource data = ExperimentData.open(dataset, baseDir, ImageScale.ZERO_TO_ONE);
        if (!(data instanceof ExampleSet set)) {
            throw new LabException(dataset + ": " + data.name() + " is not a set of images to compare with");
        }
        return ofGanData(set, dataset, classifier, n);
    }

    private static RealSets ofGanData(ExampleSet set, DatasetSpec dataset, ClassifierSpec classifier, int n) {
        if (dataset.kind() == DatasetSpec.Kind.STACKED) {
            RealSets cut = cut(set, n, set.name());
            return new RealSets(cut.test(), cut.reference(), cut.validation(), set, cut.about());
        }
        ExperimentData.Split split = ExperimentData.split(set, classifier.heldOut(), classifier.seed());
        ExampleSet train = (ExampleSet) split.train();
        requireSize(train, n + VALIDATION, n, "the classifier's training part");
        return new RealSets(images(split.heldOut(), 0, Math.min(MAX_TEST, split.heldOut().size())),
                images(train, 0, n), images(train, n, n + VALIDATION), set,
                "test: the images the classifier held out (a GAN trains on every image); reference and validation:"
                        + " the classifier's training part");
    }

    /**
     * The sets cut from real images a person gave ({@code real}, shuffled with a fixed seed): test (up to
     * {@value #MAX_TEST}), reference (n) and validation ({@value #VALIDATION}); the gallery still searches the
     * run's training images ({@code training}).
     */
    public static RealSets fromGiven(ExampleSet real, int n, ExampleSet training) {
        RealSets cut = cut(real, n, real.name());
        return new RealSets(cut.test(), cut.reference(), cut.validation(), training, cut.about());
    }

    private static RealSets cut(ExampleSet real, int n, String name) {
        requireSize(real, n + VALIDATION + MIN_TEST, n, name);
        ExampleSet shuffled = real.permuted(SHUFFLE_SEED);
        int test = Math.min(MAX_TEST, real.size() - n - VALIDATION);
        return new RealSets(images(shuffled, 0, test), images(shuffled, test, test + n),
                images(shuffled, test + n, test + n + VALIDATION), real,
                "test, reference and validation: disjoint parts of " + name + ", shuffled");
    }

    private static void requireSize(ExampleSet set, int needed, int n, String what) {
        if (set.size() < needed) {
            throw new LabException(String.format(Locale.ROOT, "%s holds %,d images: the scores of %,d samples need"
                    + " at least %,d real ones (%,d in the samples' place for the baseline, %,d to choose the Parzen"
                    + " window, the rest to compare with): give more images or fewer --samples", what, set.size(), n,
                    needed, n, VALIDATION));
        }
    }

    /**
     * Real images from an IDX file (with its labels file, or null) or an image folder, pixels in [0, 1], which must
     * have {@code shape}.
     *
     * @throws LabException naming the file when it cannot be read or holds images of another shape
     */
    public static ExampleSet read(Path images, Path labels, int[] shape, String expected) {
        ExampleSet set;
        if (Files.isDirectory(images)) {
            if (labels != null) {
                throw new LabException("--labels belongs to an IDX images file; " + images + " is a folder, whose"
                        + " sub-folders are its classes");
            }
            set = ImageFolder.load(images, shape[2], shape[1], shape[0] == 3, ImageScale.ZERO_TO_ONE);
        } else {
            if (!Files.isRegularFile(images)) {
                throw new LabException(images + ": no such IDX file or image folder");
            }
            set = ImageDataset.load(images, labels, ImageScale.ZERO_TO_ONE, images.getFileName().toString());
        }
        if (!Arrays.equals(set.shape(), shape)) {
            throw new LabException(String.format(Locale.ROOT, "%s holds images of %s, but %s takes %s", images,
                    describe(set.shape()), expected, describe(shape)));
        }
        return set;
    }

    static String describe(int[] shape) {
        return shape[0] + "x" + shape[1] + "x" + shape[2];
    }

    /** Examples {@code from} (inclusive) to {@code to} of a set, flat. */
    static ScoreCard.Images images(ExampleSet set, int from, int to) {
        int d = set.dimension();
        float[] pixels = new float[(to - from) * d];
        for (int i = from; i < to; i++) {
            System.arraycopy(set.example(i), 0, pixels, (i - from) * d, d);
        }
        return new ScoreCard.Images(pixels, to - from);
    }

    /** The images the model trained on, in [0, 1]: a GAN's whole data set, or the training split. */
    public static ExampleSet training(SavedModel saved) {
        ExampleSet set = data(saved);
        return saved.kind() == Family.GAN ? set
                : (ExampleSet) ExperimentData.split(set, saved.modelSpec().heldOut(), saved.modelSpec().seed()).train();
    }

    private static ExampleSet data(SavedModel saved) {
        DataSource data = ExperimentData.open(saved.spec().dataset(), dataBase(saved), ImageScale.ZERO_TO_ONE);
        if (!(data instanceof ExampleSet set)) {
            throw new LabException(saved.name() + ": its data " + data.name() + " is not a set of images to compare"
                    + " with: give real images with --real");
        }
        return set;
    }

    private static Path dataBase(SavedModel saved) {
        Path base = org.latentlab.experiment.RunStore.dataBaseDir(saved.runDir());
        return base == null ? saved.runDir() : base;
    }
}
