package org.latentlab.analysis.game;

import org.latentlab.data.ToyDistribution;

/**
 * The optimal discriminator of Goodfellow et al. (2014, "Generative adversarial nets", Proposition 1): for a fixed
 * generator, the discriminator that maximises V(D, G) is D*(x) = p_data(x) / (p_data(x) + p_g(x)). Here p_data is a
 * toy mixture's exact density and p_g either a known density or a Gaussian kernel density estimate of the
 * generator's samples ({@link KernelDensity}). Both are averaged exactly over each cell of the grid (a product of
 * normal-CDF differences), so modes narrower than a cell are not missed between grid points; on a grid fine
 * compared with the modes and the bandwidth this is D* at the cell centres.
 * <p>
 * A kernel density is the generator's density blurred by the kernel, and Scott's bandwidth, made for one bump, is
 * far wider than the modes of a ring or grid of narrow Gaussians: against the exact p_data even a perfect generator
 * then looks far from the data (on ring8 with 512 of its own samples, JS ≈ 0.66 nats of at most log 2).
 * {@link #fromSamplesSmoothed} blurs both sides alike; a bandwidth given by hand is the other remedy.
 */
public final class OptimalDiscriminator {

    private OptimalDiscriminator() {
    }

    /**
     * D* with p_g the kernel density of the first n samples (x, y pairs) by Scott's rule, each bandwidth at least half
     * the smaller side of a cell (a finer kernel cannot be seen on the grid, and a collapsed generator would
     * otherwise have bandwidth 0).
     */
    public static OptimalDiscriminatorMap fromSamples(ViewGrid grid, ToyDistribution data, float[] samples, int n) {
        double floor = 0.5 * Math.min(grid.cellWidth(), grid.cellHeight());
        GaussianMixture2D pg = KernelDensity.scott(samples, n, floor);
        return of(grid, GaussianMixture2D.of(data), pg,
                "Gaussian kernel density of " + n + " samples, Scott's rule (floor " + (float) floor + ")");
    }

    /**
     * D* of the game played with instance noise of the kernel's width (Sønderby et al. 2017, "Amortised MAP inference
     * for image super-resolution"; Arjovsky and Bottou 2017, "Towards principled methods for training generative
     * adversarial networks"): both densities are convolved with the same Gaussian kernel, p_data exactly (a mixture
     * stays a mixture) and p_g by the kernel density of the first n samples, whose expectation is exactly p_g
     * convolved with the kernel. Bandwidths as in {@link #fromSamples(ViewGrid, ToyDistribution, float[], int)}.
     * Unlike the map against the exact p_data, a generator that matches the data gives D* → ½ and divergences → 0
     * as n grows, however wide Scott's bandwidth is compared with the modes.
     */
    public static OptimalDiscriminatorMap fromSamplesSmoothed(ViewGrid grid, ToyDistribution data, float[] samples,
                                                              int n) {
        double floor = 0.5 * Math.min(grid.cellWidth(), grid.cellHeight());
        GaussianMixture2D pg = KernelDensity.scott(samples, n, floor);
        GaussianMixture2D pd = GaussianMixture2D.of(data).smoothed(pg.sigmaX(), pg.sigmaY());
        return of(grid, pd, pg, "Gaussian kernel density of " + n + " samples, Scott's rule (floor " + (float) floor
                + "); data smoothed by the same kernel");
    }

    /** D* with p_g the kernel density of the first n samples with the given bandwidths. */
    public static OptimalDiscriminatorMap fromSamples(ViewGrid grid, ToyDistribution data, float[] samples, int n,
                                                      double bandwidthX, double bandwidthY) {
        GaussianMixture2D pg = KernelDensity.withBandwidth(samples, n, bandwidthX, bandwidthY);
        return of(grid, GaussianMixture2D.of(data), pg, "Gaussian kernel density of " + n + " samples, bandwidth given");
    }

    /** D* with a known generator density. */
    public static OptimalDiscriminatorMap of(ViewGrid grid, ToyDistribution data, GaussianMixture2D generator) {
        return of(grid, GaussianMixture2D.of(data), generator, "exact density (" + generator + ")");
    }

    /** D* between two known densities. */
    public static OptimalDiscriminatorMap of(ViewGrid grid, GaussianMixture2D data, GaussianMixture2D generator,
                                             String generatorModel) {
        double[] pd = data.cellDensities(grid);
        double[] pg = generator.cellDensities(grid);
        double[] d = new double[pd.length];
        for (int c = 0; c < d.length; c++) {
            double sum = pd[c] + pg[c];
            d[c] = sum > 0 ? pd[c] / sum : 0.5;
        }
        return new OptimalDiscriminatorMap(grid, pd, pg, d, generator.sigmaX(), generator.sigmaY(), generatorModel);
    }
}
