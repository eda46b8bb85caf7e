package org.latentlab.train.rbm;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How an RBM, or a deep belief net of stacked RBMs, is trained.
 *
 * <ul>
 *   <li>{@code hidden}: hidden units per RBM, bottom first. One entry is a single RBM; more entries are a DBN trained
 *       greedily, each RBM on the hidden probabilities p(h|v) of the one below it.</li>
 *   <li>{@code k}: Gibbs steps of the negative phase (CD-k, or PCD-k when {@code persistent}).</li>
 *   <li>{@code persistent}: start the negative chain from persistent fantasy particles (Tieleman 2008) instead of
 *       from the data.</li>
 *   <li>{@code learningRate}, {@code momentum}, {@code weightDecay}: plain SGD with momentum; the L2 weight decay
 *       applies to the weights only, not the biases:
 *       {@code v <- momentum v + learningRate (grad - weightDecay W); W <- W + v}.</li>
 *   <li>{@code batchSize}: examples per update (also the number of persistent chains).</li>
 *   <li>{@code iterationsPerLayer}: updates each RBM gets before the next one starts (the last keeps training).</li>
 * </ul>
 *
 * Serialises to JSON with the component names as property names.
 */
public record RbmSettings(List<Integer> hidden, int k, boolean persistent, double learningRate, double momentum,
                          double weightDecay, int batchSize, long iterationsPerLayer) {

    public RbmSettings {
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("give at least one hidden layer size, e.g. [500] for one RBM or "
                    + "[500, 250] for a deep belief net");
        }
        for (int i = 0; i < hidden.size(); i++) {
            Integer h = hidden.get(i);
            if (h == null || h < 1) {
                throw new IllegalArgumentException("hidden layer " + (i + 1) + " has " + h
                        + " units; every RBM needs at least 1 hidden unit");
            }
        }
        hidden = List.copyOf(hidden);
        if (k < 1) {
            throw new IllegalArgumentException("k (Gibbs steps per update) is " + k + "; use at least 1 (CD-1)");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate is " + learningRate
                    + "; it must be a positive number, e.g. 0.05");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum is " + momentum + "; it must be in [0, 1), e.g. 0.5");
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay is " + weightDecay
                    + "; it must be 0 (none) or positive, e.g. 0.0002");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size is " + batchSize + "; use at least 1, e.g. 32");
        }
        if (iterationsPerLayer < 1) {
            throw new IllegalArgumentException("iterations per layer is " + iterationsPerLayer
                    + "; each RBM needs at least 1 update");
        }
    }

    /** CD-1, learning rate 0.05, momentum 0.5, no weight decay, batch 32, 5000 updates per layer. */
    public static RbmSettings of(List<Integer> hidden) {
        return new RbmSettings(hidden, 1, false, 0.05, 0.5, 0.0, 32, 5000);
    }

    /** Number of stacked RBMs. */
    public int layers() {
        return hidden.size();
    }

    /** A one-line summary: {@code "CD-1, lr 0.05, momentum 0.5, hidden 500"}, {@code "PCD-5, ..., hidden 500-250"}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(persistent ? "PCD-" : "CD-").append(k)
                .append(", lr ").append(number(learningRate))
                .append(", momentum ").append(number(momentum));
        if (weightDecay > 0) {
            s.append(", decay ").append(number(weightDecay));
        }
        s.append(", hidden ").append(hidden.stream().map(String::valueOf).collect(Collectors.joining("-")));
        if (hidden.size() > 1) {
            s.append(", ").append(iterationsPerLayer).append(" it/layer");
        }
        return s.toString();
    }

    private static String number(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
