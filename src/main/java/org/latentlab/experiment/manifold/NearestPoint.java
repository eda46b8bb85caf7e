package org.latentlab.experiment.manifold;

/** The point of a curve (or of a sample of the data) nearest to a point of the plane. */
@FunctionalInterface
public interface NearestPoint {

    /** {x, y} of the nearest point to (x, y). */
    double[] nearest(double x, double y);

    /** The nearest of a set of points ({x0, y0, x1, y1, ...}), by brute force. */
    static NearestPoint ofSample(float[] xy) {
        if (xy.length < 2 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("a sample of points is {x0, y0, x1, y1, ...}, not " + xy.length
                    + " values");
        }
        float[] pts = xy.clone();
        return (x, y) -> {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int i = 0; i < pts.length; i += 2) {
                double ddx = pts[i] - x;
                double ddy = pts[i + 1] - y;
                double d = ddx * ddx + ddy * ddy;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            return new double[] {pts[best], pts[best + 1]};
        };
    }
}
