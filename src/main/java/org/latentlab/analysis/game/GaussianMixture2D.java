package org.latentlab.analysis.game;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.special.Erf;
import org.latentlab.core.LabException;
import org.latentlab.data.ToyDistribution;

/**
 * A mixture of axis-aligned Gaussians in the plane sharing one pair of standard deviations: p(x, y) = Σ_k w_k
 * N(x; μx_k, σx²) N(y; μy_k, σy²), weights normalised to sum 1. It is both a toy mixture's exact density
 * ({@link #of(ToyDistribution)}) and a Gaussian kernel density estimate ({@link KernelDensity}), whose bandwidths are
 * σx, σy. Because each component is a product of two 1-D normals, the probability of a grid cell is exact:
 * a product of two differences of the normal CDF ({@link #cellMasses(ViewGrid)}).
 */
public record GaussianMixture2D(double[] meanX, double[] meanY, double[] weights, double sigmaX, double sigmaY) {

    /** Beyond this many standard deviations a component's tail is taken as 0 (it is below 1.2e-19). */
    private static final double TAIL = 9.0;

    public GaussianMixture2D {
        if (meanX.length == 0 || meanX.length != meanY.length || meanX.length != weights.length) {
            throw new IllegalArgumentException("need at least one component and as many x means, y means and weights,"
                    + " got " + meanX.length + ", " + meanY.length + " and " + weights.length);
        }
        if (!(sigmaX > 0 && sigmaY > 0 && Double.isFinite(sigmaX) && Double.isFinite(sigmaY))) {
            throw new IllegalArgumentException("the standard deviations must be positive and finite, not σx = "
                    + sigmaX + ", σy = " + sigmaY);
        }
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0 && Double.isFinite(weights[k]))) {
                throw new IllegalArgumentException("weight " + k + " is " + weights[k] + "; weights must be ≥ 0");
            }
            if (!(Double.isFinite(meanX[k]) && Double.isFinite(meanY[k]))) {
                throw new IllegalArgumentException("mean " + k + " is not finite: (" + meanX[k] + ", " + meanY[k]
                        + ")");
            }
            total += weights[k];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the weights sum to " + total + "; at least one must be positive");
        }
        meanX = meanX.clone();
        meanY = meanY.clone();
        double[] w = new double[weights.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = weights[k] / total;
        }
        weights = w;
    }

    /** Equal weights. */
    public static GaussianMixture2D equalWeights(double[] meanX, double[] meanY, double sigmaX, double sigmaY) {
        double[] w = new double[meanX.length];
        Arrays.fill(w, 1.0);
        return new GaussianMixture2D(meanX, meanY, w, sigmaX, sigmaY);
    }

    /** The exact density of a toy mixture (ring8, ring8-pacgan, grid25); the other toy data have no closed form. */
    public static GaussianMixture2D of(ToyDistribution toy) {
        if (!toy.isMixture()) {
            throw new LabException("'" + toy.name() + "' has no closed-form density; the optimal discriminator and"
                    + " the grid divergences need a Gaussian mixture (ring8, ring8-pacgan, grid25)");
        }
        List<double[]> modes = toy.modes();
        double[] mx = new double[modes.size()];
        double[] my = new double[modes.size()];
        for (int k = 0; k < mx.length; k++) {
            mx[k] = modes.get(k)[0];
            my[k] = modes.get(k)[1];
        }
        return equalWeights(mx, my, toy.sigma(), toy.sigma());
    }

    /**
     * This mixture convolved with the kernel N(0, diag(hx², hy²)): the density of x + ε, ε ~ N(0, diag(hx², hy²)),
     * again such a mixture, with standard deviations √(σx² + hx²) and √(σy² + hy²).
     */
    public GaussianMixture2D smoothed(double hx, double hy) {
        if (!(hx >= 0 && hy >= 0 && Double.isFinite(hx) && Double.isFinite(hy))) {
            throw new IllegalArgumentException("kernel widths must be ≥ 0 and finite, not " + hx + ", " + hy);
        }
        return new GaussianMixture2D(meanX, meanY, weights, Math.hypot(sigmaX, hx), Math.hypot(sigmaY, hy));
    }

    @Override
    public double[] meanX() {
        return meanX.clone();
    }

    @Override
    public double[] meanY() {
        return meanY.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    public int components() {
        return weights.length;
    }

    /** p(x, y). */
    public double density(double x, double y) {
        double norm = 1 / (2 * Math.PI * sigmaX * sigmaY);
        double p = 0;
        for (int k = 0; k < weights.length; k++) {
            double dx = (x - meanX[k]) / sigmaX;
            double dy = (y - meanY[k]) / sigmaY;
            p += weights[k] * Math.exp(-0.5 * (dx * dx + dy * dy));
        }
        return norm * p;
    }

    /**
     * The probability of each cell of the grid (grid order), exact to rounding: for each component the product of
     * its x and y normal-CDF differences over the cell's edges. The masses sum to the probability of the view (1 when
     * the view holds the whole mixture).
     */
    public double[] cellMasses(ViewGrid grid) {
        double[] mass = new double[grid.cells()];
        double[] ax = new double[grid.nx()];
        double[] ay = new double[grid.ny()];
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] == 0) {
                continue;
            }
            int[] rx = axisMasses(meanX[k], sigmaX, grid.xMin(), grid.cellWidth(), grid.nx(), ax);
            int[] ry = axisMasses(meanY[k], sigmaY, grid.yMin(), grid.cellHeight(), grid.ny(), ay);
            for (int j = ry[0]; j < ry[1]; j++) {
                double wy = weights[k] * ay[j];
                int row = j * grid.nx();
                for (int i = rx[0]; i < rx[1]; i++) {
                    mass[row + i] += wy * ax[i];
                }
            }
        }
        return mass;
    }

    /** The mean density over each cell: {@link #cellMasses} divided by the cell's area. */
    public double[] cellDensities(ViewGrid grid) {
        double[] d = cellMasses(grid);
        double area = grid.cellArea();
        for (int c = 0; c < d.length; c++) {
            d[c] /= area;
        }
        return d;
    }

    /**
     * Fills out[from..to) with the 1-D normal's mass in each of the cells [min + i·width, min + (i+1)·width) and
     * returns {from, to}: the cells within {@value #TAIL} standard deviations of the mean (the others hold less than
     * 1e-18 and count as 0). Each mass is taken from tail probabilities of |z| (both edges above the mean:
     * Q(z0) − Q(z1); both below: Q(−z1) − Q(−z0); across it: 1 − Q(−z0) − Q(z1)), so small masses far from the mean
     * keep their relative precision.
     */
    private static int[] axisMasses(double mean, double sigma, double min, double width, int cells, double[] out) {
        int from = (int) Math.max(0, Math.floor((mean - TAIL * sigma - min) / width));
        int to = (int) Math.min(cells, Math.ceil((mean + TAIL * sigma - min) / width));
        if (from >= to) {
            return new int[] {0, 0};
        }
        double z0 = (min + from * width - mean) / sigma;
        double t0 = tail(Math.abs(z0));
        for (int i = from; i < to; i++) {
            double z1 = (min + (i + 1) * width - mean) / sigma;
            double t1 = tail(Math.abs(z1));
            double m = z0 >= 0 ? t0 - t1 : z1 <= 0 ? t1 - t0 : 1 - t0 - t1;
            out[i] = Math.max(0, m);
            z0 = z1;
            t0 = t1;
        }
        return new int[] {from, to};
    }

    /** P(Z > z) for a standard normal Z and z ≥ 0 (0 beyond {@value #TAIL}). */
    private static double tail(double z) {
        return z >= TAIL ? 0 : 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "mixture of %d Gaussians, σx %.4g, σy %.4g", weights.length, sigmaX,
                sigmaY);
    }
}
