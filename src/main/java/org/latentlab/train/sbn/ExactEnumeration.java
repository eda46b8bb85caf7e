package org.latentlab.train.sbn;

/**
 * Exact probabilities of a small sigmoid belief net by listing every joint state, for oracles and for the
 * explaining-away example. A hidden configuration is numbered by its bits: unit {@code k} of the hidden units
 * (layer 1 first, then layer 2, ...) is bit {@code k} of the number.
 */
public final class ExactEnumeration {

    /** The most units a net may have for its states to be listed (2^20 states). */
    public static final int MAX_UNITS = 20;

    private ExactEnumeration() {
    }

    /** The exact posterior {@code p(h | x_0 = visible)} over the hidden configurations, numbered as above. */
    public static double[] posterior(SigmoidBeliefNet net, double[] visible) {
        int hidden = hiddenUnits(net);
        check(net, hidden);
        double[] logp = new double[1 << hidden];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logp.length; c++) {
            logp[c] = net.logJoint(states(net, visible, c));
            max = Math.max(max, logp[c]);
        }
        double z = 0;
        for (int c = 0; c < logp.length; c++) {
            logp[c] = Math.exp(logp[c] - max);
            z += logp[c];
        }
        for (int c = 0; c < logp.length; c++) {
            logp[c] /= z;
        }
        return logp;
    }

    /** The exact marginal {@code p(x_0)} of every visible configuration (bit {@code j}: visible unit j). */
    public static double[] visibleDistribution(SigmoidBeliefNet net) {
        int v = net.size(0);
        int hidden = hiddenUnits(net);
        check(net, v + hidden);
        double[] p = new double[1 << v];
        for (int x = 0; x < p.length; x++) {
            double[] visible = bits(x, v);
            double sum = 0;
            for (int c = 0; c < 1 << hidden; c++) {
                sum += Math.exp(net.logJoint(states(net, visible, c)));
            }
            p[x] = sum;
        }
        return p;
    }

    /** The full states of the net for visible units {@code visible} and hidden configuration {@code c}. */
    public static double[][] states(SigmoidBeliefNet net, double[] visible, int c) {
        double[][] s = new double[net.top() + 1][];
        s[0] = visible;
        int bit = 0;
        for (int l = 1; l <= net.top(); l++) {
            s[l] = new double[net.size(l)];
            for (int i = 0; i < s[l].length; i++, bit++) {
                s[l][i] = (c >> bit) & 1;
            }
        }
        return s;
    }

    /** {@code n} units holding the bits of {@code x} (unit j: bit j). */
    public static double[] bits(int x, int n) {
        double[] b = new double[n];
        for (int j = 0; j < n; j++) {
            b[j] = (x >> j) & 1;
        }
        return b;
    }

    private static int hiddenUnits(SigmoidBeliefNet net) {
        int h = 0;
        for (int l = 1; l <= net.top(); l++) {
            h += net.size(l);
        }
        return h;
    }

    private static void check(SigmoidBeliefNet net, int units) {
        if (units > MAX_UNITS) {
            throw new IllegalArgumentException(net + " has too many units to list its states exactly ("
                    + units + "; at most " + MAX_UNITS + ")");
        }
    }
}
