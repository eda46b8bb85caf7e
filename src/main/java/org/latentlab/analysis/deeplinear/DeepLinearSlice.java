package org.latentlab.analysis.deeplinear;

import org.latentlab.core.AtomicFiles;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The loss of a {@link DeepLinearNet} over two chosen weights wᵢ, wⱼ on a square grid, every other weight held at
 * one value s: L(wᵢ, wⱼ) = (t − s^{d−2} wᵢ wⱼ)², a surface whose valley of minima is the hyperbola
 * wᵢwⱼ = t / s^{d−2} and whose centre is a saddle. Rows run over wⱼ (bottom to top), columns over wᵢ.
 *
 * @param i      the first weight (0-based)
 * @param j      the second weight (0-based)
 * @param others the value of every other weight
 * @param axis   the grid's coordinates along both axes, ascending
 * @param loss   loss[row][column] at (wᵢ = axis[column], wⱼ = axis[row])
 */
public record DeepLinearSlice(DeepLinearNet net, int i, int j, double others, double[] axis, double[][] loss) {

    /** The slice on [−range, range]² with {@code resolution} points per axis. */
    public static DeepLinearSlice of(DeepLinearNet net, int i, int j, double others, double range, int resolution) {
        int d = net.depth();
        if (d < 2 || i == j || i < 0 || j < 0 || i >= d || j >= d) {
            throw new IllegalArgumentException("choose two different weights among 1.." + d + ", not " + (i + 1)
                    + " and " + (j + 1));
        }
        if (!(range > 0 && Double.isFinite(range)) || resolution < 2 || resolution > 1001) {
            throw new IllegalArgumentException("the grid needs a positive range and 2..1001 points per axis");
        }
        double[] axis = new double[resolution];
        for (int k = 0; k < resolution; k++) {
            axis[k] = -range + 2 * range * k / (resolution - 1);
        }
        double[] w = new double[d];
        Arrays.fill(w, others);
        double[][] loss = new double[resolution][resolution];
        for (int row = 0; row < resolution; row++) {
            w[j] = axis[row];
            for (int col = 0; col < resolution; col++) {
                w[i] = axis[col];
                loss[row][col] = net.loss(w);
            }
        }
        return new DeepLinearSlice(net, i, j, others, axis, loss);
    }

    /** The largest loss on the grid. */
    public double max() {
        double m = 0;
        for (double[] r : loss) {
            for (double v : r) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** The CSV: one line per cell, {@code w_i,w_j,loss} with the weights' 1-based names in the header. */
    public String csv() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "w%d,w%d,loss%n", i + 1, j + 1));
        for (int row = 0; row < axis.length; row++) {
            for (int col = 0; col < axis.length; col++) {
                b.append(axis[col]).append(',').append(axis[row]).append(',').append(loss[row][col]).append('\n');
            }
        }
        return b.toString();
    }

    /** Writes {@link #csv()} atomically. */
    public void writeCsv(Path file) {
        AtomicFiles.writeString(file, csv());
    }
}
