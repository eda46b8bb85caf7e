package org.latentlab.train.sbn;

import java.util.List;

/**
 * The two updates of the wake-sleep algorithm (Hinton, Dayan, Frey and Neal 1995, "The wake-sleep algorithm for
 * unsupervised neural networks"), each the delta rule, averaged over a batch of fixed binary states:
 * <ul>
 *   <li><b>wake</b>: states sampled bottom-up by the recognition net from data; the generative weights learn to
 *   predict each layer from the one above: {@code ΔG_l[i][j] = x_l[i] (x_{l-1}[j] − p_{l-1}[j])},
 *   {@code Δb_{l-1} = x_{l-1} − p_{l-1}}, and the top biases {@code Δb_L = x_L − σ(b_L)};</li>
 *   <li><b>sleep</b>: states dreamt top-down by the generative model; the recognition weights learn to predict
 *   each layer from the one below: {@code ΔR_l[j][i] = x_{l-1}[j] (x_l[i] − q_l[i])}, {@code Δr_l = x_l − q_l}.</li>
 * </ul>
 * Both are the gradients of a log-likelihood of the sampled states: wake of {@code log p(x_0..x_L)}, sleep of
 * {@code log q(x_1..x_L | x_0)}.
 */
public final class WakeSleep {

    private WakeSleep() {
    }

    /**
     * Changes to weights and biases, one array per layer, before the learning rate. For the generative side
     * {@code weights[l-1]} is ΔG_l and {@code biases[l]} is Δb_l (l = 0..L); for the recognition side
     * {@code weights[l-1]} is ΔR_l and {@code biases[l-1]} is Δr_l.
     */
    public record Deltas(double[][] weights, double[][] biases) {
    }

    /** The wake phase's average change of the generative parameters for {@code states} (each from q). */
    public static Deltas wake(SigmoidBeliefNet net, List<double[][]> states) {
        int top = net.top();
        double[][] dw = new double[top][];
        double[][] db = new double[top + 1][];
        for (int l = 1; l <= top; l++) {
            dw[l - 1] = new double[net.size(l) * net.size(l - 1)];
        }
        for (int l = 0; l <= top; l++) {
            db[l] = new double[net.size(l)];
        }
        for (double[][] s : states) {
            for (int l = 0; l <= top; l++) {
                double[] above = l < top ? s[l + 1] : null;
                double[] err = error(s[l], net.generativeProbabilities(l, above));
                add(err, db[l]);
                if (l < top) {
                    addOuter(above, err, dw[l]);
                }
            }
        }
        return scaled(new Deltas(dw, db), states.size());
    }

    /** The sleep phase's average change of the recognition parameters for {@code dreams} (each from p). */
    public static Deltas sleep(SigmoidBeliefNet net, List<double[][]> dreams) {
        int top = net.top();
        double[][] dw = new double[top][];
        double[][] db = new double[top][];
        for (int l = 1; l <= top; l++) {
            dw[l - 1] = new double[net.size(l - 1) * net.size(l)];
            db[l - 1] = new double[net.size(l)];
        }
        for (double[][] s : dreams) {
            for (int l = 1; l <= top; l++) {
                double[] err = error(s[l], net.recognitionProbabilities(l, s[l - 1]));
                add(err, db[l - 1]);
                addOuter(s[l - 1], err, dw[l - 1]);
            }
        }
        return scaled(new Deltas(dw, db), dreams.size());
    }

    /** {@code G += rate ΔG}, {@code b += rate Δb}. */
    public static void applyGenerative(SigmoidBeliefNet net, Deltas d, double rate) {
        for (int l = 1; l <= net.top(); l++) {
            axpy(rate, d.weights()[l - 1], net.generativeWeights(l));
        }
        for (int l = 0; l <= net.top(); l++) {
            axpy(rate, d.biases()[l], net.generativeBiases(l));
        }
    }

    /** {@code R += rate ΔR}, {@code r += rate Δr}. */
    public static void applyRecognition(SigmoidBeliefNet net, Deltas d, double rate) {
        for (int l = 1; l <= net.top(); l++) {
            axpy(rate, d.weights()[l - 1], net.recognitionWeights(l));
            axpy(rate, d.biases()[l - 1], net.recognitionBiases(l));
        }
    }

    private static double[] error(double[] target, double[] p) {
        double[] e = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            e[i] = target[i] - p[i];
        }
        return e;
    }

    private static void add(double[] x, double[] into) {
        for (int i = 0; i < x.length; i++) {
            into[i] += x[i];
        }
    }

    /** {@code into[i][j] += a[i] b[j]} for {@code into} of {@code a.length x b.length}, skipping zeros of a. */
    private static void addOuter(double[] a, double[] b, double[] into) {
        int n = b.length;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0) {
                continue;
            }
            int row = i * n;
            for (int j = 0; j < n; j++) {
                into[row + j] += a[i] * b[j];
            }
        }
    }

    private static void axpy(double rate, double[] d, double[] into) {
        for (int i = 0; i < d.length; i++) {
            into[i] += rate * d[i];
        }
    }

    private static Deltas scaled(Deltas d, int n) {
        if (n == 0) {
            throw new IllegalArgumentException("a wake or sleep update needs at least one set of states");
        }
        for (double[] a : d.weights()) {
            for (int i = 0; i < a.length; i++) {
                a[i] /= n;
            }
        }
        for (double[] a : d.biases()) {
            for (int i = 0; i < a.length; i++) {
                a[i] /= n;
            }
        }
        return d;
    }
}
