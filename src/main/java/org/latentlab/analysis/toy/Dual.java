package org.latentlab.analysis.toy;

/**
 * A number with its two partial derivatives, v + (∂v/∂x) εx + (∂v/∂y) εy, for forward-mode automatic
 * differentiation of typed expressions (Wengert 1964; Griewank &amp; Walther, Evaluating Derivatives, ch. 3): every
 * operation applies the chain rule to the derivative parts, so one evaluation gives the value and the gradient.
 */
public record Dual(double v, double dx, double dy) {

    public static Dual constant(double v) {
        return new Dual(v, 0, 0);
    }

    public Dual plus(Dual o) {
        return new Dual(v + o.v, dx + o.dx, dy + o.dy);
    }

    public Dual minus(Dual o) {
        return new Dual(v - o.v, dx - o.dx, dy - o.dy);
    }

    public Dual times(Dual o) {
        return new Dual(v * o.v, dx * o.v + v * o.dx, dy * o.v + v * o.dy);
    }

    public Dual div(Dual o) {
        double q = v / o.v;
        return new Dual(q, (dx - q * o.dx) / o.v, (dy - q * o.dy) / o.v);
    }

    public Dual negate() {
        return new Dual(-v, -dx, -dy);
    }

    /** f(this) for a function with value {@code f} and derivative {@code df} at v. */
    public Dual chain(double f, double df) {
        return new Dual(f, df * dx, df * dy);
    }

    /** this^n for a constant exponent (negative bases allowed when n is an integer). */
    public Dual pow(double n) {
        if (n == 0) {
            return constant(1);
        }
        return chain(Math.pow(v, n), n * Math.pow(v, n - 1));
    }

    /** this^o for a variable exponent, as exp(o · ln this) (needs a positive base). */
    public Dual pow(Dual o) {
        double p = Math.pow(v, o.v);
        double ln = Math.log(v);
        return new Dual(p, p * (o.dx * ln + o.v * dx / v), p * (o.dy * ln + o.v * dy / v));
    }
}
