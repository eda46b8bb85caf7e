package org.latentlab.train.sbn;

import java.util.Locale;

/**
 * "Explaining away" in the smallest sigmoid belief net: two rare, independent causes ("earthquake", "truck hits
 * house"), each of which makes one visible effect ("house jumps") likely. With Hinton's numbers (prior biases −10
 * on the causes, weights +20 into the effect, effect bias −20) either cause alone gives the effect even odds, both
 * make it almost certain, neither almost never. Seeing the house jump makes each cause likely, but once one cause
 * is on, the other is not needed: the exact posterior puts almost all its mass on "exactly one cause", so the
 * causes, independent a priori, are anti-correlated given the effect.
 *
 * <p>A recognition net gives a factorised {@code q(h1, h2 | v) = q(h1 | v) q(h2 | v)}. The sleep phase fits it to
 * the generative model's dreams, whose optimum for each unit is the exact posterior marginal
 * {@code q(h_i = 1 | v) = p(h_i = 1 | v)}; {@link #recognitionNet} sets the recognition weights to that optimum. The
 * product of the marginals cannot put its mass on "one or the other": that is what a factorised recognition net
 * cannot represent.
 *
 * @param causeBias   each cause's prior bias (−10: on with probability σ(−10) ≈ 4.5e-5)
 * @param weight      each cause's weight into the effect (+20)
 * @param visibleBias the effect's bias (−20)
 */
public record ExplainingAway(double causeBias, double weight, double visibleBias) {

    /** The names of the units, hidden first. */
    public static final String CAUSE_1 = "earthquake";
    public static final String CAUSE_2 = "truck hits house";
    public static final String EFFECT = "house jumps";
    /** Logits of posterior marginals are kept within ±this, so that a marginal of exactly 0 or 1 stays finite. */
    static final double MAX_LOGIT = 40;

    public ExplainingAway {
        for (double v : new double[] {causeBias, weight, visibleBias}) {
            if (!Double.isFinite(v) || Math.abs(v) > 100) {
                throw new IllegalArgumentException("the explaining-away net's biases and weights are finite numbers"
                        + " between -100 and 100, not " + v);
            }
        }
    }

    /** The lecture's numbers: prior biases −10, weights +20, effect bias −20. */
    public static ExplainingAway hinton() {
        return new ExplainingAway(-10, 20, -20);
    }

    /** The generative net: one visible unit (the effect) under two hidden units (the causes); recognition zero. */
    public SigmoidBeliefNet net() {
        SigmoidBeliefNet net = new SigmoidBeliefNet(1, 2);
        net.generativeBiases(1)[0] = causeBias;
        net.generativeBiases(1)[1] = causeBias;
        net.generativeWeights(1)[0] = weight;
        net.generativeWeights(1)[1] = weight;
        net.generativeBiases(0)[0] = visibleBias;
        return net;
    }

    /** The generative net with its recognition weights at the sleep phase's optimum (the posterior marginals). */
    public SigmoidBeliefNet recognitionNet() {
        SigmoidBeliefNet net = net();
        for (int i = 0; i < 2; i++) {
            double off = logit(marginal(ExactEnumeration.posterior(net, new double[] {0}), i));
            double on = logit(marginal(ExactEnumeration.posterior(net, new double[] {1}), i));
            net.recognitionBiases(1)[i] = off;
            net.recognitionWeights(1)[i] = on - off;
        }
        return net;
    }

    /** The exact posterior and the recognition net's factorised q given the effect clamped on or off. */
    public Posterior posterior(boolean effectOn) {
        double[] v = {effectOn ? 1 : 0};
        double[] exact = ExactEnumeration.posterior(net(), v);
        double[] q1 = recognitionNet().recognitionProbabilities(1, v);
        double[] factorised = new double[4];
        for (int c = 0; c < 4; c++) {
            factorised[c] = ((c & 1) == 1 ? q1[0] : 1 - q1[0]) * ((c & 2) == 2 ? q1[1] : 1 - q1[1]);
        }
        return new Posterior(effectOn, exact, factorised);
    }

    /**
     * The four joint states of the causes, numbered {@code c = h1 + 2 h2}, with their exact posterior
     * probabilities and the factorised q.
     */
    public record Posterior(boolean effectOn, double[] exact, double[] factorised) {

        /** {@code p(h_i = 1 | v)} for cause 0 or 1. */
        public double marginal(int cause) {
            return ExplainingAway.marginal(exact, cause);
        }

        /** The correlation of the two causes under the exact posterior (0 under q, by construction). */
        public double correlation() {
            double m1 = marginal(0);
            double m2 = marginal(1);
            double cov = exact[3] - m1 * m2;
            double var = m1 * (1 - m1) * m2 * (1 - m2);
            return var == 0 ? 0 : cov / Math.sqrt(var);
        }

        /** "earthquake off, truck hits house on", for state {@code c}. */
        public static String describe(int c) {
            return String.format(Locale.ROOT, "%s %s, %s %s", CAUSE_1, (c & 1) == 1 ? "on" : "off", CAUSE_2,
                    (c & 2) == 2 ? "on" : "off");
        }
    }

    static double marginal(double[] joint, int cause) {
        int bit = 1 << cause;
        double m = 0;
        for (int c = 0; c < joint.length; c++) {
            if ((c & bit) != 0) {
                m += joint[c];
            }
        }
        return m;
    }

    private static double logit(double p) {
        double l = Math.log(p) - Math.log1p(-p);
        return Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, l));
    }
}
