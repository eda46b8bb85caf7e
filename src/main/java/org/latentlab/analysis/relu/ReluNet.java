package org.latentlab.analysis.relu;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A fully connected ReLU network with one linear output: {@code sizes = {inputs, hidden..., 1}}, ReLU after every
 * hidden layer, no activation on the output. Parameters are one flat array, layer after layer, each layer's weights
 * row by row ({@code W[out][in]}) then its biases. Immutable: the constructor and {@link #parameters()} copy.
 * Everything is in double, so the exact breakpoints and regions are computed on the same numbers the net outputs.
 */
public final class ReluNet {

    private final int[] sizes;
    private final double[] params;
    private final int[] offsets;

    public ReluNet(int[] sizes, double[] params) {
        if (sizes.length < 2 || sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("a ReLU regressor has sizes {inputs, hidden..., 1}, not "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("every layer needs at least one unit: " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        this.offsets = new int[sizes.length];
        int n = 0;
        for (int l = 1; l < sizes.length; l++) {
            offsets[l] = n;
            n += sizes[l] * sizes[l - 1] + sizes[l];
        }
        if (params.length != n) {
            throw new IllegalArgumentException(this.sizes.length + "-layer net " + Arrays.toString(sizes)
                    + " has " + n + " parameters, not " + params.length);
        }
        this.params = params.clone();
    }

    /** Sizes {@code {inputs, width × depth, 1}}. */
    public static int[] sizes(int inputs, int depth, int width) {
        if (depth < 1 || width < 1) {
            throw new IllegalArgumentException("depth and width are at least 1, not " + depth + " and " + width);
        }
        int[] s = new int[depth + 2];
        Arrays.fill(s, width);
        s[0] = inputs;
        s[s.length - 1] = 1;
        return s;
    }

    /** The number of parameters of a net of these sizes. */
    public static int parameterCount(int[] sizes) {
        int n = 0;
        for (int l = 1; l < sizes.length; l++) {
            n += sizes[l] * sizes[l - 1] + sizes[l];
        }
        return n;
    }

    /**
     * He initialisation (He et al. 2015, section 2.2): weights normal with variance 2 / fan-in, output layer
     * 1 / fan-in; biases normal with standard deviation {@code biasScale} (0 gives DL4J's zero biases; a small
     * spread moves the kinks off the origin, as in Hanin and Rolnick 2019, section 5).
     */
    public static ReluNet random(int[] sizes, double biasScale, Random random) {
        double[] p = new double[parameterCount(sizes)];
        int k = 0;
        for (int l = 1; l < sizes.length; l++) {
            boolean last = l == sizes.length - 1;
            double sd = Math.sqrt((last ? 1.0 : 2.0) / sizes[l - 1]);
            for (int i = 0; i < sizes[l] * sizes[l - 1]; i++) {
                p[k++] = sd * random.nextGaussian();
            }
            for (int i = 0; i < sizes[l]; i++) {
                p[k++] = biasScale * random.nextGaussian();
            }
        }
        return new ReluNet(sizes, p);
    }

    public int inputs() {
        return sizes[0];
    }

    /** Hidden layers. */
    public int depth() {
        return sizes.length - 2;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    /** Hidden units in all. */
    public int hiddenUnits() {
        int n = 0;
        for (int l = 1; l < sizes.length - 1; l++) {
            n += sizes[l];
        }
        return n;
    }

    public int parameterCount() {
        return params.length;
    }

    public double[] parameters() {
        return params.clone();
    }

    /** Weight from unit {@code i} of layer {@code l - 1} to unit {@code j} of layer {@code l} (l from 1). */
    public double weight(int l, int j, int i) {
        return params[offsets[l] + j * sizes[l - 1] + i];
    }

    public double bias(int l, int j) {
        return params[offsets[l] + sizes[l] * sizes[l - 1] + j];
    }

    /** The net's output at {@code x}. */
    public double output(double... x) {
        double[] a = x;
        for (int l = 1; l < sizes.length; l++) {
            a = layer(l, a, l < sizes.length - 1);
        }
        return a[0];
    }

    /** Which hidden units are active (pre-activation > 0) at {@code x}, numbered layer after layer. */
    public BitSet pattern(double... x) {
        BitSet bits = new BitSet(hiddenUnits());
        double[] a = x;
        int unit = 0;
        for (int l = 1; l < sizes.length - 1; l++) {
            double[] z = layer(l, a, false);
            for (int j = 0; j < z.length; j++) {
                if (z[j] > 0) {
                    bits.set(unit + j);
                }
                z[j] = Math.max(0, z[j]);
            }
            unit += z.length;
            a = z;
        }
        return bits;
    }

    private double[] layer(int l, double[] in, boolean relu) {
        if (in.length != sizes[l - 1]) {
            throw new IllegalArgumentException("layer " + l + " takes " + sizes[l - 1] + " values, not " + in.length);
        }
        double[] out = new double[sizes[l]];
        int w = offsets[l];
        int b = w + sizes[l] * sizes[l - 1];
        for (int j = 0; j < out.length; j++) {
            double s = params[b + j];
            for (int i = 0; i < in.length; i++) {
                s += params[w + j * in.length + i] * in[i];
            }
            out[j] = relu ? Math.max(0, s) : s;
        }
        return out;
    }

    /** Offset of layer {@code l}'s weights in the flat parameters. */
    int offset(int l) {
        return offsets[l];
    }

    /** Reads like the architecture: {@code MLP 1-8-8-1 relu}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner("-", "MLP ", " relu");
        for (int s : sizes) {
            j.add(Integer.toString(s));
        }
        return j.toString();
    }
}
