package org.latentlab.experiment.manifold;

/**
 * How well a reconstruction field points back to the data: the mean cosine between each arrow r(x) − x and the
 * direction from x to the nearest point of the data, over the grid points whose distance to that point lies in a
 * band (inner, outer]. 1 when every arrow points straight at the data, 0 for arrows at random. Points closer than
 * {@code inner} are left out (there the direction to the data is set by the data's own noise), and so are points
 * farther than {@code outer} (where the autoencoder saw no corrupted example and extrapolates).
 *
 * @param meanCosine the mean cosine (NaN when no grid point lies in the band)
 * @param points     grid points in the band
 * @param inner      the band's inner distance
 * @param outer      the band's outer distance
 */
public record FieldAgreement(double meanCosine, int points, double inner, double outer) {

    /** Below this length an arrow has no direction and counts as cosine 0. */
    static final double TINY = 1e-12;

    public static FieldAgreement of(ReconstructionField f, NearestPoint data, double inner, double outer) {
        if (!(inner >= 0) || !(outer > inner)) {
            throw new IllegalArgumentException("the band needs 0 <= inner < outer, not (" + inner + ", " + outer
                    + "]");
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < f.points(); i++) {
            double[] p = data.nearest(f.x()[i], f.y()[i]);
            double tx = p[0] - f.x()[i];
            double ty = p[1] - f.y()[i];
            double d = Math.hypot(tx, ty);
            if (!(d > inner && d <= outer)) {
                continue;
            }
            double len = Math.hypot(f.dx()[i], f.dy()[i]);
            sum += len < TINY ? 0 : (tx * f.dx()[i] + ty * f.dy()[i]) / (d * len);
            n++;
        }
        return new FieldAgreement(n == 0 ? Double.NaN : sum / n, n, inner, outer);
    }
}
