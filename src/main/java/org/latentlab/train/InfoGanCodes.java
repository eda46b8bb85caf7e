package org.latentlab.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * InfoGAN's inputs to G (Chen et al. 2016, section 4): the noise z followed by the latent codes c, G(z, c) with input
 * [z, one-hot(c_cat), c_cont]: a categorical code of K values drawn uniformly (the prior of maximal entropy,
 * H(c_cat) = ln K) and continuous codes drawn U(−1, 1) (section 6, MNIST). The codes are drawn after the batch's
 * noise, from the same generator, so a run resumed from a checkpoint draws the same codes; they travel in G's input,
 * from which Q's targets are read back.
 *
 * <p>Immutable; the arrays it returns are fresh.
 */
public final class InfoGanCodes {

    private final int noiseDim;
    private final int categorical;
    private final int continuous;
    private final DataType type;

    public InfoGanCodes(int noiseDim, int categorical, int continuous, DataType type) {
        if (noiseDim < 1 || categorical < 2 || continuous < 0) {
            throw new IllegalArgumentException("bad InfoGAN sizes: noise " + noiseDim + ", categorical " + categorical
                    + ", continuous " + continuous);
        }
        this.noiseDim = noiseDim;
        this.categorical = categorical;
        this.continuous = continuous;
        this.type = type;
    }

    /** The size of the noise z alone. */
    public int noiseDim() {
        return noiseDim;
    }

    /** K, the values of the categorical code. */
    public int categorical() {
        return categorical;
    }

    /** The number of continuous codes. */
    public int continuous() {
        return continuous;
    }

    /** Q's outputs: K logits and C means. */
    public int codeColumns() {
        return categorical + continuous;
    }

    /** G's input size: noise + K + continuous codes. */
    public int generatorInputSize() {
        return noiseDim + categorical + continuous;
    }

    /** G's input for drawn noise {@code z} (n × noise values, row-major) and codes drawn with {@code rng}. */
    INDArray codes(double[] z, int n, Random rng) {
        int[] labels = new int[n];
        double[] c = new double[n * continuous];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(categorical);
            for (int j = 0; j < continuous; j++) {
                c[i * continuous + j] = 2 * rng.nextDouble() - 1;
            }
        }
        return codes(Nd4j.create(z, new long[] {n, noiseDim}, 'c'), labels, c);
    }

    /** G's input [n, noise + K + C]: each noise row, its categorical value one-hot, its continuous codes. */
    public INDArray codes(INDArray z, int[] labels, double[] continuousCodes) {
        int n = (int) z.rows();
        if (labels.length != n || continuousCodes.length != n * continuous) {
            throw new IllegalArgumentException("codes for " + n + " rows need " + n + " categorical values and "
                    + n * continuous + " continuous ones");
        }
        double[] v = new double[n * (categorical + continuous)];
        int w = categorical + continuous;
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= categorical) {
                throw new IllegalArgumentException("categorical code " + labels[i] + " is not one of the "
                        + categorical + " values");
            }
            v[i * w + labels[i]] = 1;
            System.arraycopy(continuousCodes, i * continuous, v, i * w + categorical, continuous);
        }
        INDArray c = Nd4j.create(v, new long[] {n, w}, 'c');
        return Nd4j.hstack(z.castTo(type), c.castTo(type));
    }

    /** The same categorical value and continuous codes for every noise row. */
    public INDArray codes(INDArray z, int label, double[] continuousCodes) {
        int n = (int) z.rows();
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, label);
        double[] c = new double[n * continuous];
        for (int i = 0; i < n; i++) {
            System.arraycopy(continuousCodes, 0, c, i * continuous, continuous);
        }
        return codes(z, labels, c);
    }

    /** The categorical values of G's inputs [n, noise + K + C]. */
    public int[] labelsOf(INDArray codes) {
        return codes.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(noiseDim, noiseDim + categorical)).argMax(1)
                .toIntVector();
    }

    /** The continuous codes of G's inputs, row-major [n × C] in double. */
    public double[] continuousOf(INDArray codes) {
        if (continuous == 0) {
            return new double[0];
        }
        return codes.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(noiseDim + categorical, generatorInputSize()))
                .dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    /**
     * Why InfoGAN cannot train with these settings, or empty when it can. Q reads one example's features, so D may
     * not score packs (PacGAN); the unrolled look-ahead would move D's body without Q; feature matching replaces G's
     * loss with one on D's features, and InfoGAN's term is added to G's GAN loss (section 5).
     */
    public static java.util.Optional<String> refusal(GanSettings s) {
        String what = null;
        if (s.packing() > 1) {
            what = "packing (Q reads the features of one example, D's would be of a pack): set training.packing to 1";
        } else if (s.unrollSteps() > 0) {
            what = "unrolling (the look-ahead would move D's body without Q): set training.unrollSteps to 0";
        } else if (s.matchesFeatures()) {
            what = "feature matching (the information term is added to G's GAN loss): set training.featureMatching"
                    + " to \"\"";
        }
        return what == null ? java.util.Optional.empty() : java.util.Optional.of("InfoGAN cannot use " + what);
    }
}
