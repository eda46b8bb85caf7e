package org.latentlab.experiment.evaluate;

import org.latentlab.data.ImageScale;
import org.latentlab.data.StackedMnist;
import org.latentlab.metrics.ImageJudge;
import org.latentlab.train.Host;
import org.latentlab.train.classifier.Classifier;
import org.latentlab.train.classifier.StackedMnistModes;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One of the lab's trained {@link Classifier}s as the {@link ImageJudge} of the scores for generated images. Images
 * come in the pixel range {@code given} (a GAN's [−1, 1], a VAE's [0, 1]) and are converted to the range the
 * classifier was trained on before it sees them ({@link #convert}), in batches of {@link Classifier#BATCH}.
 *
 * <p>Stacked MNIST ({@link #stacked}): each image is three digits as three channels, judged channel by channel by
 * the digit classifier. Its 1,000 classes are the modes 100·d₀ + 10·d₁ + d₂ ({@link StackedMnistModes}), with
 * p(mode | x) = p(d₀ | x₀)·p(d₁ | x₁)·p(d₂ | x₂), the channels read independently (as the mode count of Metz et al.
 * 2017, "Unrolled generative adversarial networks", treats them); the features are the three channels' features
 * side by side.
 */
public final class ClassifierImageJudge implements ImageJudge {

    private final Classifier classifier;
    private final ImageScale given;
    private final int channels;

    private ClassifierImageJudge(Classifier classifier, ImageScale given, int channels) {
        if (classifier == null || given == null) {
            throw new IllegalArgumentException("a judge needs a classifier and the pixel range of the images");
        }
        this.classifier = classifier;
        this.given = given;
        this.channels = channels;
    }

    /** Judges images of the classifier's own input shape, given in the pixel range {@code given}. */
    public static ClassifierImageJudge of(Classifier classifier, ImageScale given) {
        return new ClassifierImageJudge(classifier, given, 1);
    }

    /** Judges Stacked MNIST images (3 × the digit classifier's input) given in {@code given}. */
    public static ClassifierImageJudge stacked(Classifier digits, ImageScale given) {
        if (digits.classCount() != 10 || digits.inputShape()[0] != 1) {
            throw new IllegalArgumentException("Stacked MNIST is judged by a 10-class classifier of single-channel"
                    + " digits, not one of " + digits.classCount() + " classes of "
                    + java.util.Arrays.toString(digits.inputShape()));
        }
        return new ClassifierImageJudge(digits, given, StackedMnist.CHANNELS);
    }

    /** Values in one image this judge takes. */
    public int imageSize() {
        return channels * classifier.inputSize();
    }

    /**
     * Pixels in range {@code from} as they read in range {@code to} (a fresh array): a byte v is v/127.5 − 1 in
     * [−1, 1] and v/255 in [0, 1] ({@link ImageScale#apply}), so x₀₁ = (x₋₁₁ + 1)/2 and back.
     */
    public static float[] convert(float[] pixels, ImageScale from, ImageScale to) {
        float[] out = pixels.clone();
        if (from == to) {
            return out;
        }
        boolean up = from == ImageScale.MINUS_ONE_TO_ONE;
        for (int i = 0; i < out.length; i++) {
            out[i] = up ? (out[i] + 1f) * 0.5f : out[i] * 2f - 1f;
        }
        return out;
    }

    @Override
    public int classCount() {
        return channels == 1 ? classifier.classCount() : StackedMnist.MODES;
    }

    @Override
    public double[][] probabilities(float[] images, int n) {
        double[][] digits = rows(images, n, true);
        if (channels == 1) {
            return digits;
        }
        double[][] out = new double[n][StackedMnist.MODES];
        for (int i = 0; i < n; i++) {
            double[] p0 = digits[3 * i];
            double[] p1 = digits[3 * i + 1];
            double[] p2 = digits[3 * i + 2];
            for (int a = 0; a < 10; a++) {
                for (int b = 0; b < 10; b++) {
                    for (int c = 0; c < 10; c++) {
                        out[i][StackedMnist.mode(a, b, c)] = p0[a] * p1[b] * p2[c];
                    }
                }
            }
        }
        return out;
    }

    @Override
    public double[][] features(float[] images, int n) {
        double[][] perImage = rows(images, n, false);
        if (channels == 1) {
            return perImage;
        }
        int f = classifier.featureSize();
        double[][] out = new double[n][channels * f];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(perImage[channels * i + c], 0, out[i], c * f, f);
            }
        }
        return out;
    }

    @Override
    public int modeCount() {
        return classCount();
    }

    @Override
    public int[] modes(float[] images, int n, double[][] probabilities) {
        if (channels == 1) {
            return ImageJudge.super.modes(images, n, probabilities);
        }
        int[] out = new int[n];
        int d = imageSize();
        for (int from = 0; from < n; from += Classifier.BATCH) {
            int m = Math.min(Classifier.BATCH, n - from);
            int[] modes = StackedMnistModes.of(classifier, batch(images, from, m, d));
            System.arraycopy(modes, 0, out, from, m);
        }
        return out;
    }

    /**
     * Probabilities or features of every single-channel image: for stacked images, one row per channel (image i's
     * channels at rows 3i, 3i + 1, 3i + 2).
     */
    private double[][] rows(float[] images, int n, boolean probabilities) {
        int d = imageSize();
        if ((long) n * d != images.length) {
            throw new IllegalArgumentException(n + " images of " + d + " values need " + (long) n * d
                    + " values, not " + images.length);
        }
        int width = probabilities ? classifier.classCount() : classifier.featureSize();
        int perChannel = classifier.inputSize();
        double[][] out = new double[n * channels][];
        for (int from = 0; from < n; from += Classifier.BATCH) {
            int m = Math.min(Classifier.BATCH, n - from);
            // [m, channels·d] row-major is [m·channels, d] with row channels·k + c the channel c of image k
            INDArray x = batch(images, from, m, d).reshape('c', (long) m * channels, perChannel);
            float[] y = Host.floats(probabilities ? classifier.probabilities(x) : classifier.features(x));
            for (int r = 0; r < m * channels; r++) {
                double[] row = new double[width];
                for (int j = 0; j < width; j++) {
                    row[j] = y[r * width + j];
                }
                out[from * channels + r] = row;
            }
        }
        return out;
    }

    /** Images {@code from .. from + m} in the classifier's range, [m, d]. */
    private INDArray batch(float[] images, int from, int m, int d) {
        float[] slice = java.util.Arrays.copyOfRange(images, from * d, (from + m) * d);
        return Nd4j.create(convert(slice, given, classifier.scale()), new long[] {m, d}, 'c');
    }

    @Override
    public String toString() {
        return "judge: " + classifier + (channels == 1 ? "" : " on each of " + channels + " channels") + ", images in "
                + given;
    }
}
