package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.train.GanView;
import org.latentlab.train.Host;
import org.latentlab.train.InfoGanCodes;
import org.latentlab.train.Latent;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Random;

/**
 * InfoGAN's pictures (Chen et al. 2016, section 7.1, figure 2): the bench's sample grid with one row per value of
 * the categorical code, and the code sweep, whose rows are the categorical values and whose columns sweep one
 * continuous code from −2 to 2 (past the prior's [−1, 1], as the paper's figure does) with the noise and the other
 * continuous codes held fixed, so that one code's meaning (a digit's slant, its width) reads along each row.
 */
public final class InfoGanViews {

    /** The continuous code's range in the sweep (Chen et al. 2016, figure 2). */
    public static final double SWEEP = 2.0;

    private InfoGanViews() {
    }

    /** Categorical values for n view codes: in turn (perRow 0, points), or perRow codes of each value in a row. */
    static int[] rowsOrTurns(int n, int values, int perRow) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = perRow == 0 ? i % values : i / perRow;
        }
        return labels;
    }

    /** G's inputs for noise {@code z}, the categorical values given and continuous codes drawn U(−1, 1) from r. */
    static INDArray withCodes(InfoGanCodes codes, INDArray z, int[] labels, Random r) {
        double[] c = new double[labels.length * codes.continuous()];
        for (int i = 0; i < c.length; i++) {
            c[i] = 2 * r.nextDouble() - 1;
        }
        return codes.codes(z, labels, c);
    }

    /** The rows' names: "c=0", "c=1", ... */
    public static List<String> rowNames(int values) {
        return java.util.stream.IntStream.range(0, values).mapToObj(k -> "c=" + k).toList();
    }

    /**
     * G's inputs of a code sweep: K rows of {@code columns} codes, all with the noise {@code z} (one row), row k the
     * categorical value k, code {@code code} from −2 to 2 along the row, the other continuous codes 0.
     */
    static INDArray sweepCodes(InfoGanCodes codes, int code, int columns, INDArray z) {
        int k = codes.categorical();
        int n = k * columns;
        int[] labels = new int[n];
        double[] c = new double[n * codes.continuous()];
        for (int i = 0; i < n; i++) {
            labels[i] = i / columns;
            c[i * codes.continuous() + code] = -SWEEP + 2 * SWEEP * (i % columns) / (columns - 1);
        }
        return codes.codes(z.reshape(1, codes.noiseDim()).repeat(0, n), labels, c);
    }

    /**
     * The code sweep of continuous code {@code code} (0-based): K rows (categorical values) × {@code columns}
     * columns, c_code from −2 to 2, one noise vector drawn from {@code seed} for the whole picture, the other
     * continuous codes 0.
     *
     * @param shape the images' [channels, height, width]
     */
    public static GanView.Images sweep(MultiLayerNetwork generator, InfoGanCodes codes, int code, int columns,
                                       long seed, int[] shape, long iteration) {
        if (code < 0 || code >= codes.continuous()) {
            throw new IllegalArgumentException("there are " + codes.continuous() + " continuous codes, so code "
                    + (code + 1) + " is not one of them");
        }
        if (columns < 2) {
            throw new IllegalArgumentException("a sweep needs at least 2 columns, not " + columns);
        }
        INDArray one = Latent.gaussian(1, codes.noiseDim(), new Random(seed), generator.params().dataType());
        float[] pixels = Host.floats(generator.output(sweepCodes(codes, code, columns, one), false));
        return new GanView.Images(iteration, pixels, codes.categorical() * columns, shape[0], shape[1], shape[2],
                rowNames(codes.categorical()));
    }

    /**
     * Writes the code sweep of every continuous code of the InfoGAN at {@code run} (a run folder or a checkpoint)
     * into {@code dir} as infogan-codes-cJ.png (J from 1); returns the files written (none without continuous codes).
     */
    public static List<java.nio.file.Path> writeSweeps(java.nio.file.Path run, java.nio.file.Path dir, int columns,
                                                       long seed) {
        SavedModel saved = SavedModel.open(run);
        GanExperiment spec = saved.ganSpec();
        if (spec == null || spec.infogan() == null) {
            throw new org.latentlab.core.LabException(saved.name() + " is not an InfoGAN: it has no codes to sweep");
        }
        MultiLayerNetwork g = saved.generator();
        InfoGanCodes codes = InfoGanLayout.codes(spec, g.params().dataType());
        int[] shape = saved.data().shape();
        List<java.nio.file.Path> written = new java.util.ArrayList<>();
        for (int j = 0; j < codes.continuous(); j++) {
            java.nio.file.Path file = dir.resolve("infogan-codes-c" + (j + 1) + ".png");
            PngFiles.write(SampleImages.grid(sweep(g, codes, j, columns, seed, shape, saved.iteration()), 2), file);
            written.add(file);
        }
        return written;
    }
}
