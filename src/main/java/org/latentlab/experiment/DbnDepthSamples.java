package org.latentlab.experiment;

import org.latentlab.train.ReconstructionView.Images;
import org.latentlab.train.rbm.DbnSampler;
import org.latentlab.train.rbm.RbmTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Samples of the DBNs made of the first 1, 2, ..., d RBMs of one trained stack, side by side, so that what each
 * layer adds can be seen ({@link DbnSampler}: Gibbs sampling in the top RBM, then one pass down). Every depth draws
 * the same number of samples with the same seed, its chains started at the same data examples (or at noise).
 *
 * @param columns one per depth, shallowest first
 * @param steps   Gibbs steps in each top RBM
 * @param pass    how the pass down treats the hidden layers
 * @param noise   whether the chains started at noise rather than at data
 */
public record DbnDepthSamples(List<Column> columns, int steps, DbnSampler.DownPass pass, boolean noise) {

    /** The most Gibbs steps a picture asks for. */
    public static final int MAX_STEPS = 100_000;

    /**
     * The samples of the {@code depth}-layer DBN and a line saying what produced them.
     *
     * @param sizes the DBN's layer sizes, pixels first ("784-500-250")
     */
    public record Column(int depth, String sizes, Images samples, String how) {
    }

    public DbnDepthSamples {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("samples by depth need at least one depth");
        }
    }

    /**
     * {@code count} samples from each of the DBNs of depth 1 to {@code depths} in {@code trainer}'s stack, values in
     * [0, 1], on the trainer's thread.
     */
    public static DbnDepthSamples draw(RbmTrainer trainer, int depths, int count, int steps,
                                       DbnSampler.DownPass pass, boolean fromNoise) {
        int layers = trainer.deepBeliefNet().layers();
        if (depths < 1 || depths > layers) {
            throw new IllegalArgumentException("a stack of " + layers + " RBMs has DBNs of depth 1 to " + layers
                    + ", not " + depths);
        }
        if (steps < 0 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("Gibbs steps must be 0 to " + MAX_STEPS + ", not " + steps);
        }
        int[] shape = trainer.data().shape();
        List<Column> columns = new ArrayList<>();
        for (int d = 1; d <= depths; d++) {
            float[] pixels = trainer.dbnSamples(d, count, steps, pass, fromNoise);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = Math.max(0f, Math.min(1f, pixels[i]));
            }
            columns.add(new Column(d, sizes(trainer, d), new Images(count, shape, pixels),
                    how(trainer, d, steps, pass, fromNoise)));
        }
        return new DbnDepthSamples(columns, steps, pass, fromNoise);
    }

    /** "784-500-250" for the first {@code depth} RBMs. */
    static String sizes(RbmTrainer trainer, int depth) {
        StringBuilder s = new StringBuilder().append(trainer.rbm(0).visible());
        for (int l = 0; l < depth; l++) {
            s.append('-').append(trainer.rbm(l).hidden());
        }
        return s.toString();
    }

    /**
     * What produced the depth's samples: "200 Gibbs steps in RBM 2 (500-250) from data, then one pass down through
     * RBM 1 (binary states on the way down)".
     */
    static String how(RbmTrainer trainer, int depth, int steps, DbnSampler.DownPass pass, boolean fromNoise) {
        String from = fromNoise ? "from noise" : "from data";
        String rbm = String.format(Locale.ROOT, "RBM %d (%d-%d)", depth, trainer.rbm(depth - 1).visible(),
                trainer.rbm(depth - 1).hidden());
        if (depth == 1) {
            return String.format(Locale.ROOT, "%,d Gibbs steps in %s %s; the pixels' probabilities", steps, rbm, from);
        }
        String below = depth == 2 ? "RBM 1" : "RBMs " + (depth - 1) + " to 1";
        return String.format(Locale.ROOT, "%,d Gibbs steps in %s %s, then one pass down through %s (%s)", steps, rbm,
                from, below, pass.description());
    }
}
