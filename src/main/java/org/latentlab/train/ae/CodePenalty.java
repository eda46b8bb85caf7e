package org.latentlab.train.ae;

/**
 * The penalty on the code that an autoencoder's settings name (sparse KL, sparse L1 or contractive), on one batch of
 * codes: its value, its gradient added into the code gradient, and for the contractive penalty its gradient with
 * respect to the encoder's weights, which also appear in it ({@link SparsityPenalty}, {@link ContractivePenalty}).
 *
 * @param value          the penalty
 * @param weightGradient ∂penalty/∂W of the encoder's one layer (contractive only; null otherwise)
 */
record CodePenalty(double value, double[] weightGradient) {

    /**
     * The penalty for {@code code} (n × k, row-major), adding its gradient into {@code codeGradient};
     * {@code weights} is the encoder's W (in × k, DL4J's order), read only by the contractive penalty.
     */
    static CodePenalty of(AutoencoderSettings settings, double[] code, int n, int k, double[] codeGradient,
                          double[] weights, int in) {
        double weight = settings.penaltyWeight();
        return switch (settings.penalty()) {
            case SPARSE_KL -> {
                addTo(codeGradient, SparsityPenalty.klGradient(code, n, k, settings.sparsityTarget(), weight));
                yield new CodePenalty(SparsityPenalty.kl(code, n, k, settings.sparsityTarget(), weight), null);
            }
            case SPARSE_L1 -> {
                addTo(codeGradient, SparsityPenalty.l1Gradient(code, n, weight));
                yield new CodePenalty(SparsityPenalty.l1(code, n, weight), null);
            }
            case CONTRACTIVE -> {
                double[] s = ContractivePenalty.columnSquareNorms(weights, in, k);
                addTo(codeGradient, ContractivePenalty.codeGradient(code, n, k, s, weight));
                yield new CodePenalty(ContractivePenalty.value(code, n, k, s, weight),
                        ContractivePenalty.weightGradient(code, n, k, weights, in, weight));
            }
            case NONE -> new CodePenalty(0, null);
        };
    }

    private static void addTo(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }
}
