package org.latentlab.experiment;

import org.latentlab.analysis.game.GaussianMixture2D;
import org.latentlab.analysis.game.GridDivergences;
import org.latentlab.analysis.game.KernelDensity;
import org.latentlab.analysis.game.OptimalDiscriminator;
import org.latentlab.analysis.game.OptimalDiscriminatorMap;
import org.latentlab.analysis.game.ViewGrid;
import org.latentlab.analysis.game.Wasserstein1;
import org.latentlab.data.DataSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanView;
import org.latentlab.train.Metric;

import java.util.Map;

/**
 * The theory of the GAN game measured on a generator of 2-D toy mixture data, whose density is known: the optimal
 * discriminator D* = p_data / (p_data + p_G) of Goodfellow et al. (2014, "Generative adversarial nets") on the
 * view's heat-map grid beside the learned D, the Jensen-Shannon and both Kullback-Leibler divergences on that grid
 * (as GAN Lab draws them, Kahng et al. 2019), and the exact Wasserstein-1 distance between samples with, for a WGAN
 * critic, its own estimate of it (Arjovsky et al. 2017, "Wasserstein GAN"). Plain arithmetic on arrays already
 * copied out of the networks; the caller runs it on the training thread with the other pictures.
 * <p>
 * p_G is a Gaussian kernel density of G's samples by Scott's rule. Against the exact p_data such a density, wide
 * compared with the mixture's narrow modes, makes even a perfect generator look far from the data; the grid
 * divergences and the default D* therefore smooth p_data by the same kernel (the game played with instance noise of
 * the kernel's width), where a generator that matches the data gives D* = ½ and divergences near 0.
 */
public final class GanTheory {

    /** Points of each side in the Wasserstein-1 distance (an exact assignment is O(n³)). */
    public static final int W1_POINTS = 300;

    private final ToyDistribution toy;
    private final ViewGrid grid;
    private final int res;

    /** The theory for {@code toy} on a {@code res × res} grid over {xmin, xmax, ymin, ymax} (the heat map's grid). */
    public GanTheory(ToyDistribution toy, double[] bounds, int res) {
        if (!toy.isMixture()) {
            throw new IllegalArgumentException("'" + toy.name() + "' has no closed-form density: D* and the grid"
                    + " divergences need a Gaussian mixture (ring8, grid25, ...)");
        }
        this.toy = toy;
        this.grid = ViewGrid.of(bounds, res);
        this.res = res;
    }

    /** Whether the theory applies to an experiment's data set: a toy mixture (ring8, grid25, ...). */
    public static boolean appliesTo(DatasetSpec dataset) {
        if (dataset.kind() != DatasetSpec.Kind.TOY) {
            return false;
        }
        try {
            return ToyDistribution.named(dataset.name()).isMixture();
        } catch (org.latentlab.core.LabException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the theory applies: a toy mixture, whose density is known. */
    public static boolean applies(DataSource data) {
        return data instanceof ToyDistribution t && t.isMixture();
    }

    /**
     * The densities on the grid for the first n of G's samples (x, y pairs): one kernel density, made once and shared
     * by D* and the divergences (it is the costly part), and the data's density exact and smoothed by its kernel.
     */
    public Densities densities(float[] fake, int n) {
        // the floor of OptimalDiscriminator.fromSamples: a finer kernel cannot be seen on the grid
        double floor = 0.5 * Math.min(grid.cellWidth(), grid.cellHeight());
        GaussianMixture2D pg = KernelDensity.scott(fake, n, floor);
        GaussianMixture2D pd = GaussianMixture2D.of(toy);
        return new Densities(n, pg.sigmaX(), pg.sigmaY(), pg.cellDensities(grid),
                pd.smoothed(pg.sigmaX(), pg.sigmaY()).cellDensities(grid), pd.cellDensities(grid));
    }

    /**
     * G's and the data's densities per cell of the grid (grid order), G's a kernel density of {@code samples}
     * points with the given bandwidths.
     */
    public record Densities(int samples, double bandwidthX, double bandwidthY, double[] generator,
                            double[] dataSmoothed, double[] dataExact) {
    }

    /**
     * D* of the densities, smoothed and exact, and the gap to a learned D whose probabilities on the same grid are
     * {@code learned} (heat-map order: row 0 at the top), or null when D's output is not a probability (a critic).
     */
    public GanView.Optimal optimal(Densities p, float[] learned) {
        OptimalDiscriminatorMap smoothed = map(p.dataSmoothed(), p, "data smoothed by the same kernel");
        OptimalDiscriminatorMap exact = map(p.dataExact(), p, "exact data density");
        double[] d = learned == null ? null : toGridOrder(learned);
        return new GanView.Optimal(toHeatOrder(smoothed.optimal()), toHeatOrder(exact.optimal()),
                d == null ? Double.NaN : smoothed.gap(d), d == null ? Double.NaN : exact.gap(d), p.samples(),
                p.bandwidthX(), p.bandwidthY());
    }

    /** {@link #optimal(Densities, float[])} of the first n of G's samples. */
    public GanView.Optimal optimal(float[] fake, int n, float[] learned) {
        return optimal(densities(fake, n), learned);
    }

    /** D* = p_data / (p_data + p_G) per cell, ½ where both vanish, as {@link OptimalDiscriminator#of} makes it. */
    private OptimalDiscriminatorMap map(double[] data, Densities p, String what) {
        double[] pg = p.generator();
        double[] d = new double[data.length];
        for (int c = 0; c < d.length; c++) {
            double sum = data[c] + pg[c];
            d[c] = sum > 0 ? data[c] / sum : 0.5;
        }
        return new OptimalDiscriminatorMap(grid, data, pg, d, p.bandwidthX(), p.bandwidthY(),
                "Gaussian kernel density of " + p.samples() + " samples, Scott's rule; " + what);
    }

    /**
     * Puts the divergences between the data and G into {@code values}: JS and both KL on the grid from G's kernel
     * density and the smoothed data density (as the class comment says); W1 between the first
     * {@link #W1_POINTS} of {@code real} and of {@code fake}; and, for the WGAN losses, the critic's estimate
     * {@code meanRealScore − meanFakeScore} (the critic's raw scores on those same points).
     */
    public void measure(Map<Metric, Double> values, Densities p, float[] real, float[] fake, GanLoss loss,
                        double meanRealScore, double meanFakeScore) {
        if (java.util.Arrays.stream(p.generator()).sum() > 0) {
            GridDivergences div = GridDivergences.between(p.dataSmoothed(), p.generator());
            values.put(Metric.JENSEN_SHANNON, div.jensenShannon());
            values.put(Metric.KL_DATA_GENERATOR, div.klDataGenerator());
            values.put(Metric.KL_GENERATOR_DATA, div.klGeneratorData());
        } else {
            // every sample of G lies outside the view (a diverging G): no density on the grid to compare
            values.put(Metric.JENSEN_SHANNON, Double.NaN);
            values.put(Metric.KL_DATA_GENERATOR, Double.NaN);
            values.put(Metric.KL_GENERATOR_DATA, Double.NaN);
        }
        int m = Math.min(W1_POINTS, Math.min(real.length, fake.length) / 2);
        values.put(Metric.WASSERSTEIN_1, Wasserstein1.distance(real, m, fake, m));
        if (isWasserstein(loss)) {
            values.put(Metric.CRITIC_ESTIMATE, meanRealScore - meanFakeScore);
        }
    }

    /** {@link #measure(Map, Densities, float[], float[], GanLoss, double, double)} for the first n of G's samples. */
    public void measure(Map<Metric, Double> values, float[] real, float[] fake, int n, GanLoss loss,
                        double meanRealScore, double meanFakeScore) {
        measure(values, densities(fake, n), real, fake, loss, meanRealScore, meanFakeScore);
    }

    /** Whether the loss trains a Wasserstein critic, whose mean score gap estimates W1 (up to its Lipschitz bound). */
    public static boolean isWasserstein(GanLoss loss) {
        return loss == GanLoss.WGAN || loss == GanLoss.WGAN_GP;
    }

    /** Heat-map order (row 0 at the top) to grid order (row 0 at the bottom), as doubles. */
    double[] toGridOrder(float[] heat) {
        double[] out = new double[res * res];
        for (int r = 0; r < res; r++) {
            int j = res - 1 - r;
            for (int c = 0; c < res; c++) {
                out[j * res + c] = heat[r * res + c];
            }
        }
        return out;
    }

    /** Grid order to heat-map order, as floats. */
    float[] toHeatOrder(double[] cells) {
        float[] out = new float[res * res];
        for (int j = 0; j < res; j++) {
            int r = res - 1 - j;
            for (int c = 0; c < res; c++) {
                out[r * res + c] = (float) cells[j * res + c];
            }
        }
        return out;
    }
}
