package org.latentlab.analysis.relu;

import java.util.Random;

/**
 * Least-squares regression of a ReLU net on fixed samples (x_i, y_i): loss (1/n) Σ (net(x_i) − y_i)², gradients by
 * backpropagation in double, full-batch Adam (Kingma and Ba 2015, algorithm 1). Written out rather than run through
 * DL4J: the nets here have tens to a few thousand parameters, where ND4J's per-operation overhead (tens of µs)
 * would dominate, and the exact piece and region computations need the parameters in double anyway. Not
 * thread-safe: one thread owns a regression; {@link #net()} hands out immutable snapshots.
 */
public final class ReluRegression {

    private final int[] sizes;
    private final double[] params;
    private final double[][] xs;
    private final double[] ys;
    private final double learningRate;
    private final double[] m;
    private final double[] v;
    private final double[] grad;
    private final double[][] acts;
    private final double[][] deltas;
    private final int[] offsets;
    private long steps;

    /**
     * @param start        the initial net
     * @param xs           inputs, one row per sample, as many columns as the net has inputs
     * @param ys           targets
     * @param learningRate Adam's step size
     */
    public ReluRegression(ReluNet start, double[][] xs, double[] ys, double learningRate) {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("regression needs as many targets as inputs, at least one");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("the learning rate must be positive, not " + learningRate);
        }
        this.sizes = start.sizes();
        this.params = start.parameters();
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.learningRate = learningRate;
        this.m = new double[params.length];
        this.v = new double[params.length];
        this.grad = new double[params.length];
        this.acts = new double[sizes.length][];
        this.deltas = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            acts[l] = new double[sizes[l]];
            deltas[l] = new double[sizes[l]];
        }
        this.offsets = new int[sizes.length];
        for (int l = 1; l < sizes.length; l++) {
            offsets[l] = start.offset(l);
        }
    }

    /** Evenly spaced samples of a function of one input on [lo, hi]. */
    public static double[][] grid1(double lo, double hi, int n) {
        double[][] x = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = n == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }

    /** A side × side grid of samples of a function of two inputs on [lo, hi]². */
    public static double[][] grid2(double lo, double hi, int side) {
        double[][] x = new double[side * side][2];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                x[i * side + j][0] = lo + (hi - lo) * j / (side - 1);
                x[i * side + j][1] = lo + (hi - lo) * i / (side - 1);
            }
        }
        return x;
    }

    /** A fresh He-initialised net trained from scratch, shortcut for the sweeps. */
    public static ReluNet fit(int[] sizes, double[][] xs, double[] ys, double learningRate, int iterations,
                              long seed) {
        ReluRegression r = new ReluRegression(ReluNet.random(sizes, 0.1, new Random(seed)), xs, ys, learningRate);
        for (int i = 0; i < iterations; i++) {
            r.step();
        }
        return r.net();
    }

    /** The loss and its gradient at the current parameters (into {@link #gradient()}). */
    public double lossAndGradient() {
        java.util.Arrays.fill(grad, 0);
        int last = sizes.length - 1;
        double loss = 0;
        for (int n = 0; n < xs.length; n++) {
            System.arraycopy(xs[n], 0, acts[0], 0, sizes[0]);
            for (int l = 1; l <= last; l++) {
                int w = offsets[l];
                int b = w + sizes[l] * sizes[l - 1];
                double[] in = acts[l - 1];
                for (int j = 0; j < sizes[l]; j++) {
                    double s = params[b + j];
                    int row = w + j * in.length;
                    for (int i = 0; i < in.length; i++) {
                        s += params[row + i] * in[i];
                    }
                    acts[l][j] = l < last ? Math.max(0, s) : s;
                }
            }
            double err = acts[last][0] - ys[n];
            loss += err * err;
            deltas[last][0] = 2 * err / xs.length;
            for (int l = last; l >= 1; l--) {
                int w = offsets[l];
                int b = w + sizes[l] * sizes[l - 1];
                double[] in = acts[l - 1];
                double[] d = deltas[l];
                if (l > 1) {
                    java.util.Arrays.fill(deltas[l - 1], 0);
                }
                for (int j = 0; j < sizes[l]; j++) {
                    double dj = d[j];
                    if (dj == 0) {
                        continue;
                    }
                    grad[b + j] += dj;
                    int row = w + j * in.length;
                    for (int i = 0; i < in.length; i++) {
                        grad[row + i] += dj * in[i];
                        if (l > 1) {
                            deltas[l - 1][i] += dj * params[row + i];
                        }
                    }
                }
                if (l > 1) {
                    for (int i = 0; i < in.length; i++) {
                        if (in[i] <= 0) {
                            deltas[l - 1][i] = 0;
                        }
                    }
                }
            }
        }
        return loss / xs.length;
    }

    /** One Adam step (β1 = 0.9, β2 = 0.999, ε = 1e-8); returns the loss before it. */
    public double step() {
        double loss = lossAndGradient();
        steps++;
        double c1 = 1 - Math.pow(0.9, steps);
        double c2 = 1 - Math.pow(0.999, steps);
        for (int k = 0; k < params.length; k++) {
            m[k] = 0.9 * m[k] + 0.1 * grad[k];
            v[k] = 0.999 * v[k] + 0.001 * grad[k] * grad[k];
            params[k] -= learningRate * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
        }
        return loss;
    }

    /** The last gradient computed (a copy). */
    public double[] gradient() {
        return grad.clone();
    }

    /** Sets the parameters (for gradient checks). */
    public void setParameters(double[] p) {
        if (p.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " parameters, got " + p.length);
        }
        System.arraycopy(p, 0, params, 0, p.length);
    }

    /** Adam steps taken. */
    public long steps() {
        return steps;
    }

    /** The current net, an immutable copy. */
    public ReluNet net() {
        return new ReluNet(sizes, params);
    }
}
