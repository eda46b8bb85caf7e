package org.latentlab.train.sbn;

import java.util.Arrays;
import java.util.Random;

/**
 * A sigmoid belief net (Neal 1992) of binary stochastic units in layers {@code 0} (the visible units) to {@code L}
 * (the top), with a recognition net beside it (Hinton, Dayan, Frey and Neal 1995):
 * <ul>
 *   <li>generative: the top layer's units are independent with {@code p(x_L=1) = σ(b_L)}, and each layer below is
 *   predicted from the one above, {@code p(x_{l-1}=1 | x_l) = σ(x_l G_l + b_{l-1})};</li>
 *   <li>recognition: {@code q(x_l=1 | x_{l-1}) = σ(x_{l-1} R_l + r_l)}, bottom-up.</li>
 * </ul>
 * {@code G_l} is stored {@code n_l x n_{l-1}} row-major (row {@code i}: what unit {@code i} of layer {@code l}
 * draws in the layer below), {@code R_l} is {@code n_{l-1} x n_l} row-major. The parameters are owned by one
 * thread (the trainer's); what others see is copied out.
 */
public final class SigmoidBeliefNet {

    private final int[] sizes;
    /** {@code gen[l-1]}: G_l, for l = 1..L. */
    private final double[][] gen;
    /** {@code genBias[l]}: b_l for l = 0..L (b_L: the top layer's prior biases). */
    private final double[][] genBias;
    /** {@code rec[l-1]}: R_l, for l = 1..L. */
    private final double[][] rec;
    /** {@code recBias[l-1]}: r_l, for l = 1..L. */
    private final double[][] recBias;

    /** A net of the given layer sizes (visible first) with every weight and bias zero. */
    public SigmoidBeliefNet(int... sizes) {
        if (sizes == null || sizes.length < 2) {
            throw new IllegalArgumentException("a sigmoid belief net needs a visible layer and at least one hidden"
                    + " layer, e.g. 784, 100, 20");
        }
        for (int n : sizes) {
            if (n < 1) {
                throw new IllegalArgumentException("every layer needs at least one unit, not "
                        + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        gen = new double[layers][];
        rec = new double[layers][];
        recBias = new double[layers][];
        genBias = new double[sizes.length][];
        for (int l = 1; l <= layers; l++) {
            gen[l - 1] = new double[sizes[l] * sizes[l - 1]];
            rec[l - 1] = new double[sizes[l - 1] * sizes[l]];
            recBias[l - 1] = new double[sizes[l]];
        }
        for (int l = 0; l < sizes.length; l++) {
            genBias[l] = new double[sizes[l]];
        }
    }

    /** Layer sizes, visible first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The index of the top layer, L. */
    public int top() {
        return sizes.length - 1;
    }

    public int size(int layer) {
        return sizes[layer];
    }

    /** G_l ({@code n_l x n_{l-1}}, row-major), live: the owner's thread may write it. */
    public double[] generativeWeights(int l) {
        return gen[checkAbove(l) - 1];
    }

    /** b_l, live (b_L: the top layer's prior biases). */
    public double[] generativeBiases(int l) {
        return genBias[l];
    }

    /** R_l ({@code n_{l-1} x n_l}, row-major), live. */
    public double[] recognitionWeights(int l) {
        return rec[checkAbove(l) - 1];
    }

    /** r_l, live. */
    public double[] recognitionBiases(int l) {
        return recBias[checkAbove(l) - 1];
    }

    /** Every weight drawn from N(0, scale²), biases left as they are. */
    public void randomiseWeights(double scale, Random rng) {
        for (int l = 0; l < gen.length; l++) {
            for (int k = 0; k < gen[l].length; k++) {
                gen[l][k] = scale * rng.nextGaussian();
            }
            for (int k = 0; k < rec[l].length; k++) {
                rec[l][k] = scale * rng.nextGaussian();
            }
        }
    }

    /**
     * {@code p(x_l = 1 | x_{l+1})} for {@code l < L} (from the states of the layer above), or the top layer's prior
     * {@code σ(b_L)} for {@code l = L} ({@code above} ignored).
     */
    public double[] generativeProbabilities(int l, double[] above) {
        return sigmoid(generativeInput(l, above));
    }

    /** The total input {@code x_{l+1} G_{l+1} + b_l} to layer {@code l} (b_L alone for the top). */
    public double[] generativeInput(int l, double[] above) {
        double[] a = genBias[l].clone();
        if (l < top()) {
            addProduct(above, gen[l], a);
        }
        return a;
    }

    /** {@code q(x_l = 1 | x_{l-1})}, for {@code l >= 1}. */
    public double[] recognitionProbabilities(int l, double[] below) {
        return sigmoid(recognitionInput(l, below));
    }

    /** The total input {@code x_{l-1} R_l + r_l} to layer {@code l}'s recognition units. */
    public double[] recognitionInput(int l, double[] below) {
        double[] a = recBias[checkAbove(l) - 1].clone();
        addProduct(below, rec[l - 1], a);
        return a;
    }

    /** States of every layer: the visible {@code x} (binary) and each layer above sampled from q, bottom-up. */
    public double[][] recognise(double[] x, Random rng) {
        double[][] s = new double[sizes.length][];
        s[0] = x;
        for (int l = 1; l < sizes.length; l++) {
            s[l] = Bernoulli.sample(recognitionProbabilities(l, s[l - 1]), rng);
        }
        return s;
    }

    /** A fantasy ("dream"): the top layer from its prior, then each layer below sampled from p, top-down. */
    public double[][] dream(Random rng) {
        double[][] s = new double[sizes.length][];
        s[top()] = Bernoulli.sample(generativeProbabilities(top(), null), rng);
        for (int l = top() - 1; l >= 0; l--) {
            s[l] = Bernoulli.sample(generativeProbabilities(l, s[l + 1]), rng);
        }
        return s;
    }

    /** {@code log p(x_0, ..., x_L)} of a full set of binary states under the generative model, in nats. */
    public double logJoint(double[][] states) {
        double sum = 0;
        for (int l = 0; l <= top(); l++) {
            sum += Bernoulli.logProbability(states[l], generativeInput(l, l < top() ? states[l + 1] : null));
        }
        return sum;
    }

    /** {@code log q(x_1, ..., x_L | x_0)} of a full set of binary states under the recognition net, in nats. */
    public double logRecognition(double[][] states) {
        double sum = 0;
        for (int l = 1; l <= top(); l++) {
            sum += Bernoulli.logProbability(states[l], recognitionInput(l, states[l - 1]));
        }
        return sum;
    }

    /** {@code out += x W} for {@code W} of {@code x.length x out.length}; binary {@code x} skips its zeros. */
    static void addProduct(double[] x, double[] w, double[] out) {
        int n = out.length;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += xi * w[row + j];
            }
        }
    }

    static double[] sigmoid(double[] a) {
        double[] p = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            p[i] = Bernoulli.sigmoid(a[i]);
        }
        return p;
    }

    private int checkAbove(int l) {
        if (l < 1 || l > top()) {
            throw new IllegalArgumentException("layers with weights below them are 1 to " + top() + ", not " + l);
        }
        return l;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("sigmoid belief net ");
        for (int l = 0; l < sizes.length; l++) {
            b.append(l == 0 ? "" : "-").append(sizes[l]);
        }
        return b.toString();
    }
}
