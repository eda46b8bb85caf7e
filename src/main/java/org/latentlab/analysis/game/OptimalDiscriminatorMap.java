package org.latentlab.analysis.game;

import java.util.Locale;

/**
 * The optimal discriminator on a grid: per cell (grid order, see {@link ViewGrid}) the mean densities of the data
 * and of the generator over the cell and D* = p_data / (p_data + p_g). Where both densities vanish to rounding
 * (far from every mode and every sample) D* is undefined; it is stored as ½ there, and {@link #gap} leaves such
 * cells out. The generator's density is a Gaussian mixture whose standard deviations are bandwidthX, bandwidthY
 * (the kernel bandwidths when it is a kernel density estimate); generatorModel says which.
 */
public record OptimalDiscriminatorMap(ViewGrid grid, double[] dataDensity, double[] generatorDensity,
                                      double[] optimal, double bandwidthX, double bandwidthY,
                                      String generatorModel) {

    /** The default for {@link #gap}: cells whose p_data + p_g is under 1/1000 of its largest value are left out. */
    public static final double DEFAULT_RELATIVE_FLOOR = 1e-3;

    public OptimalDiscriminatorMap {
        int cells = grid.cells();
        if (dataDensity.length != cells || generatorDensity.length != cells || optimal.length != cells) {
            throw new IllegalArgumentException("each grid of values needs " + cells + " cells, got "
                    + dataDensity.length + ", " + generatorDensity.length + " and " + optimal.length);
        }
        dataDensity = dataDensity.clone();
        generatorDensity = generatorDensity.clone();
        optimal = optimal.clone();
    }

    @Override
    public double[] dataDensity() {
        return dataDensity.clone();
    }

    @Override
    public double[] generatorDensity() {
        return generatorDensity.clone();
    }

    /** D* per cell, in [0, 1]. */
    @Override
    public double[] optimal() {
        return optimal.clone();
    }

    /**
     * The mean absolute difference between a learned discriminator's probabilities σ(s) at the cell centres
     * ({@link ViewGrid#centres()}, grid order) and D*, over the cells where p_data + p_g is at least relativeFloor
     * times its largest value on the grid (where D* is determined by something). NaN when no cell qualifies.
     */
    public double gap(double[] learned, double relativeFloor) {
        if (learned.length != optimal.length) {
            throw new IllegalArgumentException("the learned D has " + learned.length + " values, the grid "
                    + optimal.length + " cells");
        }
        if (!(relativeFloor >= 0 && relativeFloor < 1)) {
            throw new IllegalArgumentException("the relative floor must lie in [0, 1), not " + relativeFloor);
        }
        double max = 0;
        for (int c = 0; c < optimal.length; c++) {
            max = Math.max(max, dataDensity[c] + generatorDensity[c]);
        }
        double threshold = Math.max(relativeFloor * max, Double.MIN_NORMAL);
        double sum = 0;
        int count = 0;
        for (int c = 0; c < optimal.length; c++) {
            if (dataDensity[c] + generatorDensity[c] >= threshold) {
                sum += Math.abs(learned[c] - optimal[c]);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** {@link #gap(double[], double)} with {@link #DEFAULT_RELATIVE_FLOOR}. */
    public double gap(double[] learned) {
        return gap(learned, DEFAULT_RELATIVE_FLOOR);
    }

    /** JS and both KL divergences between the two densities on this grid (see {@link GridDivergences}). */
    public GridDivergences divergences() {
        return GridDivergences.between(dataDensity, generatorDensity);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "D* on %s; p_g: %s (bandwidth %.4g × %.4g)", grid, generatorModel,
                bandwidthX, bandwidthY);
    }
}
