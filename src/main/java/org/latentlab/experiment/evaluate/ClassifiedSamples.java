package org.latentlab.experiment.evaluate;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.DatasetSpec;
import org.latentlab.experiment.SavedModel;
import org.latentlab.metrics.ImageJudge;
import org.latentlab.train.Host;
import org.latentlab.train.Latent;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Samples of a generator that takes codes beside its noise, drawn group by group (a conditional GAN's class, an
 * InfoGAN's categorical value) and each named by the lab's classifier of the data set: what {@link ClassAccuracy}
 * and {@link CodeAccuracy} count. G's tanh images in [−1, 1] are read in [0, 1] and clipped there, as the classifier
 * was trained; a sample's class is its most probable one, ties to the lower.
 */
final class ClassifiedSamples {

    private ClassifiedSamples() {
    }

    /** G's input for one group. */
    @FunctionalInterface
    interface Codes {
        /**
         * The input for {@code z.rows()} samples of group {@code group}: the noise {@code z} (drawn N(0, I) for this
         * group) with the group's codes beside it; {@code rng} draws any further codes, after z.
         */
        INDArray input(int group, INDArray z, Random rng);
    }

    /**
     * The classifier that judges {@code saved}'s images of {@code shape}: the one saved in {@code folder}, or when
     * null the lab's classifier of the bundled image set the run trained on (trained into the models folder when
     * missing).
     *
     * @throws LabException when the run made points, its data has no classifier of the lab's, or the classifier
     *                      takes images of another shape
     */
    static ClassifierFiles.Saved classifier(SavedModel saved, DatasetSpec dataset, int[] shape, Path folder,
                                            Monitor monitor, Consumer<String> notes) {
        if (shape.length != 3) {
            throw new LabException(saved.name() + " was trained on points, not images: the classifier judges images");
        }
        ClassifierFiles.Saved classifier;
        if (folder != null) {
            classifier = ClassifierFiles.load(folder);
        } else if (dataset.kind() == DatasetSpec.Kind.IMAGES && dataset.path() == null) {
            classifier = ClassifierModels.forDataset(dataset.name(), monitor, notes);
        } else {
            throw new LabException(saved.name() + " trains on " + dataset + ": the lab has classifiers of the bundled"
                    + " mnist and fashion images only; give a classifier of these images with --classifier");
        }
        if (!Arrays.equals(classifier.classifier().inputShape(), shape)) {
            throw new LabException(folder + " takes images of " + RealSets.describe(
                    classifier.classifier().inputShape()) + ", not " + RealSets.describe(shape));
        }
        return classifier;
    }

    /**
     * Draws {@code perGroup} samples of each of {@code groups} groups and classifies them. One generator of
     * {@code seed} draws, group after group, the noise ([perGroup, noiseDim], N(0, I)) and then whatever
     * {@code codes} draws.
     *
     * @param generator G in inference mode: its input to its images in [−1, 1], flat [n, pixels]
     * @param step      names group k in the progress line
     * @return named[k][i]: the class the judge names for the i-th sample of group k
     */
    static int[][] draw(UnaryOperator<INDArray> generator, ImageJudge judge, int groups, int perGroup, int noiseDim,
                        DataType type, long seed, Codes codes, IntFunction<String> step, Monitor monitor) {
        if (groups < 1 || perGroup < 1) {
            throw new IllegalArgumentException("draw at least 1 sample of at least 1 group, not " + perGroup + " of "
                    + groups);
        }
        Random rng = new Random(seed);
        int[][] named = new int[groups][perGroup];
        for (int k = 0; k < groups; k++) {
            monitor.progress((double) k / groups, step.apply(k));
            INDArray z = Latent.gaussian(perGroup, noiseDim, rng, type);
            float[] pixels = Host.floats(generator.apply(codes.input(k, z, rng)));
            float[] images = ClassifierImageJudge.convert(pixels, ImageScale.MINUS_ONE_TO_ONE, ImageScale.ZERO_TO_ONE);
            for (int i = 0; i < images.length; i++) {
                images[i] = Math.max(0f, Math.min(1f, images[i]));
            }
            double[][] p = judge.probabilities(images, perGroup);
            for (int i = 0; i < perGroup; i++) {
                named[k][i] = argMax(p[i]);
            }
        }
        monitor.progress(1, "done");
        return named;
    }

    /** The index of the largest value, ties to the lower. */
    static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
