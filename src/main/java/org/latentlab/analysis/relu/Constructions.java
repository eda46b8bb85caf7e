package org.latentlab.analysis.relu;

/**
 * ReLU nets built by hand, the classic demonstrations of what depth buys.
 * <ul>
 * <li>Telgarsky's sawtooth (Telgarsky 2015, "Representation benefits of deep feedforward networks", section 2;
 * Telgarsky 2016, lemma 2.4): the tent map t(x) = 2 relu(x) − 4 relu(x − 1/2) on [0, 1], composed L times, is a
 * net of L hidden layers of two units with 2^L linear pieces; a net of one hidden layer needs 2^L − 1 units.</li>
 * <li>Yarotsky's deep square (Yarotsky 2017, "Error bounds for approximations with deep ReLU networks",
 * proposition 2): x² ≈ f_m(x) = x − Σ_{s=1..m} g_s(x) / 4^s on [0, 1], g_s the s-fold tent, with
 * sup |f_m − x²| = 2^(−2m−2), by a net of m hidden layers of three units: the error falls exponentially with the
 * number of parameters.</li>
 * <li>The shallow counterpart: the piecewise-linear interpolant of x² at k/n, one hidden layer of n units,
 * sup error 1/(4n²): polynomial in the number of parameters.</li>
 * </ul>
 */
public final class Constructions {

    private Constructions() {
    }

    /** The L-fold tent map as a net of L hidden layers of width 2: 2^L pieces on [0, 1]. */
    public static ReluNet sawtooth(int layers) {
        if (layers < 1 || layers > 40) {
            throw new IllegalArgumentException("the sawtooth has 1 to 40 layers, not " + layers);
        }
        int[] sizes = ReluNet.sizes(1, layers, 2);
        double[] p = new double[ReluNet.parameterCount(sizes)];
        int k = 0;
        // layer 1: relu(x), relu(x - 1/2)
        p[k++] = 1;
        p[k++] = 1;
        p[k++] = 0;
        p[k++] = -0.5;
        for (int l = 2; l <= layers; l++) {
            // the previous layer's tent 2 h1 - 4 h2 feeds relu(t), relu(t - 1/2)
            p[k++] = 2;
            p[k++] = -4;
            p[k++] = 2;
            p[k++] = -4;
            p[k++] = 0;
            p[k++] = -0.5;
        }
        p[k++] = 2;
        p[k++] = -4;
        p[k] = 0;
        return new ReluNet(sizes, p);
    }

    /** Yarotsky's f_m: m hidden layers of width 3 (the tent's two units and the running sum), on [0, 1]. */
    public static ReluNet deepSquare(int m) {
        if (m < 1 || m > 25) {
            throw new IllegalArgumentException("the deep square has 1 to 25 layers, not " + m);
        }
        int[] sizes = ReluNet.sizes(1, m, 3);
        double[] p = new double[ReluNet.parameterCount(sizes)];
        int k = 0;
        // layer 1: relu(x), relu(x - 1/2), relu(x) = the running sum f_0 = x
        p[k++] = 1;
        p[k++] = 1;
        p[k++] = 1;
        p[k++] = 0;
        p[k++] = -0.5;
        p[k++] = 0;
        for (int s = 1; s < m; s++) {
            double q = Math.pow(4, -s);
            // g_s = 2 u1 - 4 u2; units relu(g_s), relu(g_s - 1/2), relu(f_{s-1} - g_s / 4^s) (f_s >= x^2 >= 0)
            double[][] w = {{2, -4, 0}, {2, -4, 0}, {-2 * q, 4 * q, 1}};
            for (double[] row : w) {
                for (double v : row) {
                    p[k++] = v;
                }
            }
            p[k++] = 0;
            p[k++] = -0.5;
            p[k++] = 0;
        }
        double q = Math.pow(4, -m);
        p[k++] = -2 * q;
        p[k++] = 4 * q;
        p[k++] = 1;
        p[k] = 0;
        return new ReluNet(sizes, p);
    }

    /** Yarotsky's bound: sup over [0, 1] of |f_m − x²|. */
    public static double deepSquareError(int m) {
        return Math.pow(2, -2 * m - 2);
    }

    /** The interpolant of x² at k/n, k = 0..n, as one hidden layer of n units relu(x − k/n). */
    public static ReluNet shallowSquare(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the shallow square needs at least one unit, not " + n);
        }
        int[] sizes = {1, n, 1};
        double[] p = new double[ReluNet.parameterCount(sizes)];
        for (int j = 0; j < n; j++) {
            p[j] = 1;
            p[n + j] = -(double) j / n;
            // slope 1/n on the first piece, then +2/n at every knot
            p[2 * n + j] = j == 0 ? 1.0 / n : 2.0 / n;
        }
        p[3 * n] = 0;
        return new ReluNet(sizes, p);
    }

    /** The interpolant's sup error on [0, 1]: 1 / (4 n²). */
    public static double shallowSquareError(int n) {
        return 1.0 / (4.0 * n * n);
    }

    /**
     * The exact sup over [lo, hi] of |net(x) − x²| for a net of one input: on each linear piece s x + c the gap
     * x² − s x − c is convex, so its largest size is at an end or at the vertex x = s / 2.
     */
    public static double supErrorToSquare(ReluNet net, double lo, double hi) {
        double worst = 0;
        for (LinearPieces.Segment seg : LinearPieces.of(net, lo, hi).segments()) {
            double v = Math.min(Math.max(seg.slope() / 2, seg.from()), seg.to());
            for (double x : new double[] {seg.from(), seg.to(), v}) {
                worst = Math.max(worst, Math.abs(x * x - seg.at(x)));
            }
        }
        return worst;
    }
}
