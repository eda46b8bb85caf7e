package org.latentlab.train.classifier;

import org.latentlab.core.LabException;
import org.latentlab.data.StackedMnist;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mode of a Stacked MNIST image, as the unrolled-GAN, VEEGAN and PacGAN papers count it: a digit classifier
 * labels each of the three channels on its own, and the mode is 100·d₀ + 10·d₁ + d₂ (0..999,
 * {@link StackedMnist#mode}). The histogram of the modes of generated images (covered modes, reverse KL to
 * uniform) is then the class histogram over {@value StackedMnist#MODES} classes.
 */
public final class StackedMnistModes {

    private StackedMnistModes() {
    }

    /**
     * @param digits  a 10-class classifier of single-channel images of h × w
     * @param stacked n images [n, 3·h·w] (channel after channel, row-major), in the classifier's scale
     * @return the mode of each image
     */
    public static int[] of(Classifier digits, INDArray stacked) {
        int d = digits.inputSize();
        if (digits.classCount() != 10 || digits.inputShape()[0] != 1) {
            throw new LabException("Stacked MNIST modes need a 10-class classifier of single-channel digits, not "
                    + digits);
        }
        long n = stacked.size(0);
        if (stacked.length() != n * StackedMnist.CHANNELS * d) {
            throw new LabException("Stacked MNIST images have " + StackedMnist.CHANNELS + " x " + d + " values,"
                    + " not " + stacked.length() / Math.max(1, n));
        }
        // [n, 3d] row-major is [3n, d] with row 3k + c the channel c of image k
        INDArray channels = stacked.reshape('c', n * StackedMnist.CHANNELS, d);
        return fromChannelDigits(digits.predict(channels));
    }

    /** The modes of images whose channels were classified as {@code channelDigits} (image k's at 3k, 3k+1, 3k+2). */
    public static int[] fromChannelDigits(int[] channelDigits) {
        if (channelDigits.length % StackedMnist.CHANNELS != 0) {
            throw new IllegalArgumentException("three digits per image, not " + channelDigits.length + " in all");
        }
        int[] modes = new int[channelDigits.length / StackedMnist.CHANNELS];
        for (int k = 0; k < modes.length; k++) {
            modes[k] = StackedMnist.mode(channelDigits[3 * k], channelDigits[3 * k + 1], channelDigits[3 * k + 2]);
        }
        return modes;
    }
}
