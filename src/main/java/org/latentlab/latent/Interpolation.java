package org.latentlab.latent;

/**
 * Interpolation between two codes. Linear interpolation (lerp) passes through codes of small norm that a Gaussian
 * prior almost never produces in high dimension (the prior's mass lies near the sphere of radius √k); spherical
 * interpolation (slerp) follows the great circle instead: White 2016, "Sampling generative networks", §2.1,
 * slerp(a, b; t) = sin((1 − t)ω)/sin ω · a + sin(tω)/sin ω · b with ω the angle between a and b (Shoemake 1985 for
 * quaternions). Between endpoints of equal norm it keeps that norm.
 *
 * <p>Edge cases: for nearly parallel endpoints (ω below {@value #PARALLEL_ANGLE} rad, where sin ω → 0) and for a zero
 * endpoint slerp falls back to lerp, which there differs from the great circle by O(ω²). For antiparallel endpoints
 * (ω within {@value #PARALLEL_ANGLE} of π) the great circle is not unique: the path turns through a fixed
 * perpendicular direction p (the coordinate axis least aligned with a, made orthogonal to a), direction(t) =
 * cos(tω)·â + sin(tω)·p with the norm going linearly from |a| to |b|. Both endpoints are always returned exactly.
 */
public final class Interpolation {

    /** Below this angle (radians) from parallel or antiparallel, the special cases above apply. */
    public static final double PARALLEL_ANGLE = 1e-4;

    /** How to go from one code to another. */
    public enum Method {
        LINEAR, SPHERICAL;

        public String id() {
            return this == LINEAR ? "lerp" : "slerp";
        }
    }

    private Interpolation() {
    }

    /** (1 − t)·a + t·b; t = 0 and t = 1 return copies of a and b. */
    public static double[] lerp(double[] a, double[] b, double t) {
        LatentArithmetic.requireSize(b, a.length);
        if (t == 0) {
            return a.clone();
        }
        if (t == 1) {
            return b.clone();
        }
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = (1 - t) * a[j] + t * b[j];
        }
        return out;
    }

    /** Spherical interpolation (see the class comment); t = 0 and t = 1 return copies of a and b. */
    public static double[] slerp(double[] a, double[] b, double t) {
        LatentArithmetic.requireSize(b, a.length);
        if (t == 0) {
            return a.clone();
        }
        if (t == 1) {
            return b.clone();
        }
        double na = LatentArithmetic.norm(a);
        double nb = LatentArithmetic.norm(b);
        if (na == 0 || nb == 0) {
            return lerp(a, b, t);
        }
        double cos = Math.max(-1, Math.min(1, LatentArithmetic.dot(a, b) / (na * nb)));
        double omega = Math.acos(cos);
        if (omega < PARALLEL_ANGLE) {
            return lerp(a, b, t);
        }
        double[] out = new double[a.length];
        if (Math.PI - omega < PARALLEL_ANGLE) {
            double[] p = perpendicular(a, na);
            double r = (1 - t) * na + t * nb;
            double ca = Math.cos(t * omega) * r / na;
            double cp = Math.sin(t * omega) * r;
            for (int j = 0; j < a.length; j++) {
                out[j] = ca * a[j] + cp * p[j];
            }
            return out;
        }
        double sin = Math.sin(omega);
        double wa = Math.sin((1 - t) * omega) / sin;
        double wb = Math.sin(t * omega) / sin;
        for (int j = 0; j < a.length; j++) {
            out[j] = wa * a[j] + wb * b[j];
        }
        return out;
    }

    /** A unit vector orthogonal to a: the axis where |a| is smallest, minus its component along a. */
    static double[] perpendicular(double[] a, double norm) {
        int m = 0;
        for (int j = 1; j < a.length; j++) {
            if (Math.abs(a[j]) < Math.abs(a[m])) {
                m = j;
            }
        }
        double[] p = new double[a.length];
        if (a.length == 1) {
            return p;
        }
        double am = a[m] / norm;
        for (int j = 0; j < a.length; j++) {
            p[j] = -am * a[j] / norm;
        }
        p[m] += 1;
        double np = LatentArithmetic.norm(p);
        for (int j = 0; j < a.length; j++) {
            p[j] /= np;
        }
        return p;
    }

    /** The code at t by the given method. */
    public static double[] at(Method method, double[] a, double[] b, double t) {
        return method == Method.LINEAR ? lerp(a, b, t) : slerp(a, b, t);
    }

    /**
     * n frames from a to b inclusive, at t = i / (n − 1) (n = 1 gives just a).
     *
     * @throws IllegalArgumentException when n < 1
     */
    public static double[][] frames(Method method, double[] a, double[] b, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("an interpolation needs at least 1 frame, not " + n);
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = at(method, a, b, n == 1 ? 0 : (double) i / (n - 1));
        }
        return out;
    }
}
