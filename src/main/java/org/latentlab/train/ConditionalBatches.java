package org.latentlab.train;

import org.latentlab.data.LabelledSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

/**
 * The conditional GAN's inputs (Mirza and Osindero 2014, "Conditional generative adversarial nets", section 4.1):
 * a one-hot label y of K classes joined to the code for G, G(z, y) with input [z, y], and to the example for D,
 * D(x, y). For a D that takes flat vectors, y is appended to the flat example ([x, y], d + K values); for a
 * convolutional D, y becomes K constant planes stacked after the image's channels (C + K channels), which in the
 * lab's flat layout (channel-major, row-major planes) is the example followed by K runs of H·W copies of y_k.
 *
 * <p>Real batches carry their true labels; generated batches carry labels drawn uniformly over the K classes, after
 * the batch's codes, from the same generator (so a run resumed from a checkpoint draws the same labels). The labels
 * of a generated batch travel as the last K columns of G's input: joining G's output to its labels needs only the
 * codes it was made from.
 *
 * <p>Immutable; the arrays it returns are fresh. The conditional GAN's {@link GanVariant}.
 */
public final class ConditionalBatches implements GanVariant {

    private final LabelledSource source;
    private final int classes;
    private final int latentDim;
    private final int dataDim;
    private final int planeSize;
    private final DataType type;

    /**
     * @param planeSize 1 when D takes flat vectors (y appended once), H·W when D is convolutional (y as K planes)
     */
    public ConditionalBatches(LabelledSource source, int latentDim, int dataDim, int planeSize, DataType type) {
        if (source.classes() < 2) {
            throw new IllegalArgumentException("a conditional GAN needs at least 2 classes, not " + source.classes());
        }
        if (latentDim < 1 || dataDim < 1 || planeSize < 1 || dataDim % planeSize != 0) {
            throw new IllegalArgumentException("bad sizes: latent " + latentDim + ", data " + dataDim + ", plane "
                    + planeSize);
        }
        this.source = source;
        this.classes = source.classes();
        this.latentDim = latentDim;
        this.dataDim = dataDim;
        this.planeSize = planeSize;
        this.type = type;
    }

    public int classes() {
        return classes;
    }

    public String labelName(int label) {
        return source.labelName(label);
    }

    /** The size of the code z alone (G's input less the K label columns). */
    public int latentDim() {
        return latentDim;
    }

    /** G's input size: latent + K. */
    public int generatorInputSize() {
        return latentDim + classes;
    }

    /** D's input size: d + K (flat D) or (C + K)·H·W (convolutional D). */
    public int discriminatorInputSize() {
        return dataDim + classes * planeSize;
    }

    /** The values each label fills in D's input: 1 for a flat D, H·W (one plane) for a convolutional D. */
    public int planeSize() {
        return planeSize;
    }

    @Override
    public int generatorInputSize(int latentDim) {
        return generatorInputSize();
    }

    @Override
    public int discriminatorInputSize(int packedSize) {
        return discriminatorInputSize();
    }

    @Override
    public java.util.Optional<String> settingsRefusal(GanSettings settings) {
        return refusal(settings);
    }

    @Override
    public java.util.Optional<String> refusalOfReferenceBatch() {
        return java.util.Optional.of("a conditional GAN cannot use virtual batch norm in G (its reference batch holds"
                + " codes without labels): remove the virtual batch norm layers");
    }

    @Override
    public INDArray generatorInput(double[] z, int n, Random rng) {
        return codes(z, n, rng);
    }

    @Override
    public INDArray realInput(int n, Random rng, Step step) {
        return realBatch(n, rng);
    }

    @Override
    public INDArray generatedInput(INDArray fake, INDArray gInput) {
        return joinGenerated(fake, gInput);
    }

    @Override
    public INDArray score(INDArray x, java.util.function.UnaryOperator<INDArray> discriminator) {
        return meanOverLabels(x, discriminator);
    }

    /** G's input for drawn codes {@code z} (n × latent values, row-major) and labels drawn uniformly with rng. */
    INDArray codes(double[] z, int n, Random rng) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(classes);
        }
        return codes(Nd4j.create(z, new long[] {n, latentDim}, 'c').castTo(type), labels);
    }

    /** G's input [n, latent + K]: each code followed by its label's one-hot vector. */
    public INDArray codes(INDArray z, int[] labels) {
        int n = (int) z.rows();
        return Nd4j.hstack(z.castTo(type), oneHot(labels, n, 1));
    }

    /** The same label for all n codes. */
    public INDArray codes(INDArray z, int label) {
        int[] labels = new int[(int) z.rows()];
        java.util.Arrays.fill(labels, label);
        return codes(z, labels);
    }

    /** A real batch of n labelled examples, each joined to its label: [n, D's input]. */
    INDArray realBatch(int n, Random rng) {
        float[] x = new float[n * dataDim];
        int[] labels = new int[n];
        source.sample(n, rng, x, labels);
        return examples(Nd4j.create(x, new long[] {n, dataDim}, 'c').castTo(type), labels);
    }

    /** Examples [n, d] joined to their labels: [n, D's input]. */
    public INDArray examples(INDArray x, int[] labels) {
        return Nd4j.hstack(x.castTo(type), oneHot(labels, (int) x.rows(), planeSize));
    }

    /** G's samples [n, d] joined to the labels of the codes they were made from (the codes' last K columns). */
    public INDArray joinGenerated(INDArray samples, INDArray codes) {
        int n = (int) samples.rows();
        INDArray y = codes.get(NDArrayIndex.all(), NDArrayIndex.interval(latentDim, latentDim + classes)).dup('c');
        INDArray planes = planeSize == 1 ? y
                : Nd4j.tile(y.reshape('c', n, classes, 1), 1, 1, planeSize).reshape('c', n, (long) classes * planeSize);
        return Nd4j.hstack(samples.reshape('c', n, dataDim).castTo(type), planes.castTo(type));
    }

    /** dL/dx of the examples from dL/d(D's input): the first d columns (the labels are not learned). */
    @Override
    public INDArray exampleGradient(INDArray joinedGradient) {
        return joinedGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, dataDim));
    }

    /** The labels of G's inputs [n, latent + K]: the index of each row's one-hot block. */
    public int[] labelsOf(INDArray codes) {
        INDArray y = codes.get(NDArrayIndex.all(), NDArrayIndex.interval(latentDim, latentDim + classes));
        return y.argMax(1).toIntVector();
    }

    /**
     * D's scores of examples [n, d] averaged over the K labels (the scores of a label-blind observer, for the 2-D
     * heat map), given D's inference pass.
     */
    public INDArray meanOverLabels(INDArray x, java.util.function.UnaryOperator<INDArray> discriminator) {
        INDArray sum = null;
        for (int k = 0; k < classes; k++) {
            int[] labels = new int[(int) x.rows()];
            java.util.Arrays.fill(labels, k);
            INDArray s = discriminator.apply(examples(x, labels));
            sum = sum == null ? s.dup() : sum.addi(s);
        }
        return sum.divi(classes);
    }

    /**
     * Why a conditional GAN cannot train with these settings, or empty when it can. The lab's gradient penalties
     * (WGAN-GP, R1) and instance noise act on D's whole input, labels included; PacGAN's packs would need one label
     * per packed example; feature matching, the exact unrolled gradient and virtual batch norm work on codes or
     * inputs without labels.
     */
    public static java.util.Optional<String> refusal(GanSettings s) {
        String what = null;
        if (s.packing() > 1) {
            what = "packing (PacGAN's packs carry no labels): set training.packing to 1";
        } else if (s.loss() == GanLoss.WGAN_GP) {
            what = "the wgan-gp loss (its penalty would differentiate D along the label inputs too): use wgan,"
                    + " hinge or another loss";
        } else if (s.r1Gamma() > 0) {
            what = "R1 (its penalty would differentiate D along the label inputs too): set training.r1Gamma to 0";
        } else if (s.instanceNoise() > 0) {
            what = "instance noise (it would blur the one-hot labels): set training.instanceNoise to 0";
        } else if (s.matchesFeatures()) {
            what = "feature matching (its real batch has no labels): set training.featureMatching to \"\"";
        } else if (s.unrollSteps() > 0 && s.unrollGradient() == UnrollGradient.EXACT) {
            what = "the exact unrolled gradient: set training.unrollGradient to \"first-order\"";
        }
        return what == null ? java.util.Optional.empty()
                : java.util.Optional.of("a conditional GAN cannot use " + what);
    }

    /** n rows of K runs of {@code width} values, run k all 1 where the row's label is k. */
    private INDArray oneHot(int[] labels, int n, int width) {
        double[] v = new double[n * classes * width];
        for (int i = 0; i < n; i++) {
            int label = labels[i];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is not one of the " + classes + " classes");
            }
            java.util.Arrays.fill(v, (i * classes + label) * width, (i * classes + label + 1) * width, 1.0);
        }
        return Nd4j.create(v, new long[] {n, (long) classes * width}, 'c').castTo(type);
    }
}
