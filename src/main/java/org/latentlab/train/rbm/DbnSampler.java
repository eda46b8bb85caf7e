package org.latentlab.train.rbm;

import org.latentlab.core.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Samples from the first {@code depth} layers of a deep belief net as Hinton, Osindero &amp; Teh (2006, "A fast
 * learning algorithm for deep belief nets") generate from one: the top two layers of the d-layer DBN are an
 * undirected associative memory (RBM d), the layers below it a directed sigmoid belief net whose generative weights
 * are the lower RBMs' weights used top-down.
 * <ol>
 *   <li>The top RBM's chain starts at x<sub>d-1</sub>, its visible layer: either the mean-field representation of
 *       data examples propagated up through the d-1 RBMs below ({@link #dataStart}), or binary noise, each unit 1
 *       with probability 1/2 ({@link #noiseStart}).</li>
 *   <li>{@code steps} steps of alternating Gibbs sampling in the top RBM (h ~ p(h|x), then x ~ p(x|h)), exactly
 *       {@link Rbm#gibbsSample}; the chain's last visible probabilities p(x<sub>d-1</sub> | h) are its output.</li>
 *   <li>One top-down pass through the directed layers, for l = d-1, ..., 1:
 *       p(x<sub>l-1</sub> = 1 | x<sub>l</sub>) = sigmoid(x<sub>l</sub> W<sub>l-1</sub>ᵀ + b<sub>l-1</sub>), where
 *       (W<sub>l-1</sub>, b<sub>l-1</sub>) are the weights and visible bias of RBM l (counted from 1 at the pixels).
 *       </li>
 * </ol>
 * The down pass is {@link DownPass#STOCHASTIC} unless asked otherwise, as the paper generates: every hidden layer's
 * state is a binary sample drawn from its probabilities (the top RBM's visible layer included), and only the pixel
 * layer is left as its probabilities p(v | x<sub>1</sub>), the image shown. {@link DownPass#MEAN_FIELD} passes the
 * probabilities themselves down instead (no sampling below the top RBM).
 *
 * <p>A 1-layer DBN is its RBM: its samples are the RBM's own Gibbs samples, with no pass down.
 *
 * <p>Randomness: the Gibbs chain draws from a {@link Random} seeded as {@link Rbm#gibbsSample} seeds it from
 * {@code seed}, the down pass from a second stream derived from {@code seed}; the same DBN, start and seed give the
 * same samples.
 */
public final class DbnSampler {

    /** How the top-down pass below the top RBM treats the hidden layers' states. */
    public enum DownPass {
        /** Binary states sampled at every hidden layer, the pixels' probabilities shown (as the paper generates). */
        STOCHASTIC("binary states on the way down"),
        /** The probabilities passed down unchanged. */
        MEAN_FIELD("mean-field pass down");

        private final String description;

        DownPass(String description) {
            this.description = description;
        }

        /** A few words for a caption. */
        public String description() {
            return description;
        }
    }

    private static final long DOWN_STREAM = 0xD0A7L;
    private static final long NOISE_STREAM = 0x4015EL;

    private DbnSampler() {
    }

    /**
     * The chains' start for a {@code depth}-layer DBN at data examples {@code pixels} {@code [n x visible]}: their
     * mean-field representation x<sub>depth-1</sub> (the pixels themselves for depth 1).
     */
    public static INDArray dataStart(DeepBeliefNet dbn, int depth, INDArray pixels) {
        requireDepth(dbn, depth);
        return dbn.propagateUp(pixels, depth - 1);
    }

    /** The chains' start for a {@code depth}-layer DBN at binary noise: n rows, each unit 1 with probability 1/2. */
    public static INDArray noiseStart(DeepBeliefNet dbn, int depth, int n, long seed) {
        requireDepth(dbn, depth);
        if (n < 1) {
            throw new IllegalArgumentException("ask for at least 1 chain, not " + n);
        }
        Rbm top = dbn.rbm(depth - 1);
        INDArray half = Nd4j.valueArrayOf(new long[] {n, top.visible()}, 0.5, top.dataType());
        return top.bernoulli(half, new Random(Seeds.seed(seed ^ NOISE_STREAM, depth)));
    }

    /**
     * Samples of the {@code depth}-layer DBN: {@code steps} Gibbs steps in RBM {@code depth} from {@code start}
     * (in its visible space, {@code [n x hidden of RBM depth-1]}), then one pass down to the pixels. Returns the
     * pixels' probabilities {@code [n x visible]}.
     */
    public static INDArray sample(DeepBeliefNet dbn, int depth, INDArray start, int steps, DownPass pass,
                                  long seed) {
        requireDepth(dbn, depth);
        INDArray top = dbn.rbm(depth - 1).gibbsSample(start, steps, seed);
        return topDown(dbn, top, depth, pass, new Random(Seeds.seed(seed ^ DOWN_STREAM, depth)));
    }

    /**
     * The top-down pass from x<sub>depth-1</sub> (the probabilities of the top RBM's visible units,
     * {@code [n x visible of RBM depth]}) to the pixels' probabilities, through RBMs depth-1, ..., 1. With
     * {@link DownPass#STOCHASTIC} each layer's state is first drawn from its probabilities with {@code r} (uniforms
     * in row-major order, layer by layer from the top); with {@link DownPass#MEAN_FIELD} {@code r} is not used.
     * For depth 1 the input is returned as it is.
     */
    public static INDArray topDown(DeepBeliefNet dbn, INDArray top, int depth, DownPass pass, Random r) {
        requireDepth(dbn, depth);
        INDArray x = top;
        for (int l = depth - 1; l >= 1; l--) {
            Rbm below = dbn.rbm(l - 1);
            if (pass == DownPass.STOCHASTIC) {
                x = below.bernoulli(x.castTo(below.dataType()), r);
            }
            x = below.visibleProbabilities(x);
        }
        return x;
    }

    private static void requireDepth(DeepBeliefNet dbn, int depth) {
        if (depth < 1 || depth > dbn.layers()) {
            throw new IllegalArgumentException("a " + dbn.layers() + "-layer DBN can be sampled at depth 1 to "
                    + dbn.layers() + ", not " + depth);
        }
    }
}
