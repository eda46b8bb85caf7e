package org.latentlab.train.rbm;

import org.latentlab.core.Seeds;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log1p;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.Random;

/**
 * A Bernoulli-Bernoulli restricted Boltzmann machine with visible units v (row vectors of {@link #visible()}
 * values in [0, 1]) and binary hidden units h, trained by contrastive divergence (CD-k, Hinton 2002) or persistent
 * contrastive divergence (PCD-k, Tieleman 2008). Written on plain ND4J operations.
 *
 * <p>Energy and the distributions it defines, with weights W {@code [visible x hidden]}, visible bias b
 * {@code [1 x visible]} and hidden bias c {@code [1 x hidden]}:
 * <pre>
 *   E(v, h)  = -v b - h c - v W h
 *   p(h|v)   = sigmoid(v W + c)            (the hidden units are independent given v)
 *   p(v|h)   = sigmoid(h Wᵀ + b)
 *   F(v)     = -log Σ_h exp(-E(v, h)) = -v b - Σ_j softplus(c_j + (v W)_j)
 * </pre>
 * The log-likelihood gradient is {@code ∂ log p(v)/∂W = v p(h|v)ᵀ - E_model[v p(h|v)ᵀ]}; CD-k estimates the model
 * term with k steps of block Gibbs sampling started at the data, PCD-k with k steps that continue persistent chains
 * across updates. For a batch of n examples v0 and the chain's end vk:
 * <pre>
 *   ΔW = (v0ᵀ p(h|v0) - vkᵀ p(h|vk)) / n
 *   Δb = mean over the batch of (v0 - vk)
 *   Δc = mean over the batch of (p(h|v0) - p(h|vk))
 * </pre>
 * applied by SGD with momentum and optional L2 weight decay on W:
 * {@code u <- momentum u + lr (Δ - decay W); θ <- θ + u}.
 *
 * <p>In the Gibbs chain both h and v are sampled (binary); the negative statistics use the last binary visible
 * sample vk and the hidden probabilities p(h|vk). The positive phase uses the hidden probabilities of the data.
 *
 * <p>Randomness: every update draws its uniforms from a {@link Random} re-seeded from (seed, update count), so two
 * machines built with the same seed and fed the same batches end with identical parameters.
 *
 * <p>Not thread-safe: one owner thread calls it. Accessors return the live arrays.
 *
 * <p>One concept, read in one sitting despite its length: one machine's energy, conditionals, free energy,
 * Gibbs sampling and contrastive-divergence update.
 */
public final class Rbm {

    /** What one update measured on its batch, before the update was applied. */
    public record Stats(double reconstructionError, double meanFreeEnergy, double gradientNorm) {
    }

    /** The CD gradient (the ascent direction of the log-likelihood estimate), in the parameters' shapes. */
    public record Gradient(INDArray weights, INDArray visibleBias, INDArray hiddenBias) {

        /** Euclidean norm over all three parts. */
        public double norm() {
            double w = weights.norm2Number().doubleValue();
            double b = visibleBias.norm2Number().doubleValue();
            double c = hiddenBias.norm2Number().doubleValue();
            return Math.sqrt(w * w + b * b + c * c);
        }
    }

    static final double INIT_STD = 0.01;
    private static final long SAMPLING_STREAM = 0x5AB1E5L;

    private final int visible;
    private final int hidden;
    private final DataType dataType;
    private final long seed;
    private final Random rng = new Random();

    private final INDArray weights;
    private final INDArray visibleBias;
    private final INDArray hiddenBias;
    private final INDArray weightVelocity;
    private final INDArray visibleVelocity;
    private final INDArray hiddenVelocity;

    private double momentum = 0.5;
    private double weightDecay;
    private long updates;
    private INDArray fantasy;

    /**
     * A machine with weights drawn from N(0, 0.01²) by a {@link Random} seeded from {@code seed}, and zero biases.
     *
     * @param dataType FLOAT normally; DOUBLE for exact checks
     */
    public Rbm(int visible, int hidden, long seed, DataType dataType) {
        if (visible < 1 || hidden < 1) {
            throw new IllegalArgumentException("an RBM needs at least 1 visible and 1 hidden unit, not "
                    + visible + " and " + hidden);
        }
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("an RBM needs a floating-point data type, not " + dataType);
        }
        this.visible = visible;
        this.hidden = hidden;
        this.dataType = dataType;
        this.seed = seed;
        Random init = new Random(Seeds.mix(seed));
        double[] w = new double[visible * hidden];
        for (int i = 0; i < w.length; i++) {
            w[i] = INIT_STD * init.nextGaussian();
        }
        this.weights = Nd4j.create(w, new long[] {visible, hidden}, dataType);
        this.visibleBias = Nd4j.zeros(dataType, 1, visible);
        this.hiddenBias = Nd4j.zeros(dataType, 1, hidden);
        this.weightVelocity = Nd4j.zeros(dataType, visible, hidden);
        this.visibleVelocity = Nd4j.zeros(dataType, 1, visible);
        this.hiddenVelocity = Nd4j.zeros(dataType, 1, hidden);
    }

    // ---- the conditional distributions ----

    /** p(h = 1 | v) = sigmoid(v W + c), {@code [n x hidden]} for v {@code [n x visible]}. */
    public INDArray hiddenProbabilities(INDArray v) {
        return Transforms.sigmoid(hiddenInput(v), false);
    }

    /** p(v = 1 | h) = sigmoid(h Wᵀ + b), {@code [n x visible]} for h {@code [n x hidden]}. */
    public INDArray visibleProbabilities(INDArray h) {
        INDArray x = checked(h, hidden, "hidden");
        INDArray a = x.mmul(weights.transpose()).addiRowVector(visibleBias);
        return Transforms.sigmoid(a, false);
    }

    /** The hidden units' total input v W + c (a new array). */
    private INDArray hiddenInput(INDArray v) {
        return checked(v, visible, "visible").mmul(weights).addiRowVector(hiddenBias);
    }

    // ---- free energy and reconstruction ----

    /**
     * The free energy of each example, {@code F(v) = -v·b - Σ_j softplus(c_j + (v W)_j)}, as a column {@code [n x 1]}
     * (so that {@code p(v) = exp(-F(v)) / Z}). Softplus is evaluated as {@code max(x, 0) + log1p(exp(-|x|))}, which
     * cannot overflow (log(1 + e^x) directly gives infinity from x ≈ 89 in FLOAT).
     */
    public INDArray freeEnergy(INDArray v) {
        INDArray x = checked(v, visible, "visible");
        return freeEnergy(x, hiddenInput(x));
    }

    private INDArray freeEnergy(INDArray v, INDArray hiddenInput) {
        INDArray softplusSum = softplus(hiddenInput).sum(true, 1);
        return v.mmul(visibleBias.transpose()).addi(softplusSum).negi();
    }

    /** Numerically stable softplus log(1 + e^x) = max(x, 0) + log1p(e^-|x|), element-wise, as a new array. */
    static INDArray softplus(INDArray x) {
        INDArray tail = Transforms.abs(x, true).negi();
        Transforms.exp(tail, false);
        Nd4j.getExecutioner().exec(new Log1p(tail, tail));
        return Transforms.relu(x, true).addi(tail);
    }

    /**
     * Mean over the batch of the squared error summed over pixels, between v and its mean-field reconstruction
     * {@code p(v | h = p(h|v))}.
     */
    public double reconstructionError(INDArray v) {
        INDArray x = checked(v, visible, "visible");
        return reconstructionError(x, hiddenProbabilities(x));
    }

    private double reconstructionError(INDArray v, INDArray hiddenProbabilities) {
        INDArray reconstruction = visibleProbabilities(hiddenProbabilities);
        return v.squaredDistance(reconstruction) / v.rows();
    }

    // ---- training ----

    /**
     * One CD-k (or PCD-k, when {@code persistent}) update on the batch {@code v0} {@code [n x visible]}.
     *
     * <p>The persistent chains are {@code n} binary visible vectors kept inside; they start from a Bernoulli sample
     * of the first batch given and are re-started the same way when the batch size changes. A CD update leaves them
     * untouched.
     *
     * @return the batch's reconstruction error, mean free energy and the gradient's norm, all measured with the
     *         parameters before this update
     */
    public Stats cdStep(INDArray v0, int k, double learningRate, boolean persistent) {
        if (k < 1) {
            throw new IllegalArgumentException("CD needs at least 1 Gibbs step, not " + k);
        }
        INDArray data = checked(v0, visible, "visible");
        rng.setSeed(Seeds.seed(seed ^ SAMPLING_STREAM, updates));
        int n = data.rows();

        INDArray positiveInput = hiddenInput(data);
        INDArray positiveHidden = Transforms.sigmoid(positiveInput, true);
        double reconstructionError = reconstructionError(data, positiveHidden);
        double meanFreeEnergy = freeEnergy(data, positiveInput).meanNumber().doubleValue();

        INDArray h;
        if (persistent) {
            if (fantasy == null || fantasy.rows() != n) {
                fantasy = bernoulli(data, rng);
            }
            h = bernoulli(hiddenProbabilities(fantasy), rng);
        } else {
            h = bernoulli(positiveHidden, rng);
        }
        NegativePhase negative = negativePhase(h, k, rng);
        if (persistent) {
            fantasy = negative.visible();
        }

        Gradient gradient = gradient(data, positiveHidden, negative.visible(), negative.hiddenProbabilities());
        double norm = gradient.norm();
        apply(gradient, learningRate);
        updates++;
        return new Stats(reconstructionError, meanFreeEnergy, norm);
    }

    /** The end of a negative-phase chain: binary visible states vk and their hidden probabilities p(h|vk). */
    record NegativePhase(INDArray visible, INDArray hiddenProbabilities) {
    }

    /**
     * k steps of block Gibbs sampling from the binary hidden states {@code h}: v ~ p(v|h), then (except after the
     * last step) h ~ p(h|v).
     */
    NegativePhase negativePhase(INDArray h, int k, Random r) {
        INDArray v = null;
        INDArray hiddenProbabilities = null;
        for (int step = 0; step < k; step++) {
            v = bernoulli(visibleProbabilities(h), r);
            hiddenProbabilities = hiddenProbabilities(v);
            if (step < k - 1) {
                h = bernoulli(hiddenProbabilities, r);
            }
        }
        return new NegativePhase(v, hiddenProbabilities);
    }

    /**
     * The CD gradient from the two phases' statistics: {@code ΔW = (v0ᵀ h0 - vkᵀ hk) / n},
     * {@code Δb = mean(v0 - vk)}, {@code Δc = mean(h0 - hk)}, where h0 = p(h|v0) and hk = p(h|vk).
     */
    public static Gradient gradient(INDArray v0, INDArray h0, INDArray vk, INDArray hk) {
        double n = v0.rows();
        INDArray dW = v0.transpose().mmul(h0).subi(vk.transpose().mmul(hk)).divi(n);
        INDArray db = v0.sub(vk).mean(true, 0);
        INDArray dc = h0.sub(hk).mean(true, 0);
        return new Gradient(dW, db, dc);
    }

    /** SGD with momentum; the gradient's arrays are used up (scaled in place). */
    private void apply(Gradient g, double learningRate) {
        INDArray dW = g.weights();
        if (weightDecay > 0) {
            dW.subi(weights.mul(weightDecay));
        }
        weightVelocity.muli(momentum).addi(dW.muli(learningRate));
        visibleVelocity.muli(momentum).addi(g.visibleBias().muli(learningRate));
        hiddenVelocity.muli(momentum).addi(g.hiddenBias().muli(learningRate));
        weights.addi(weightVelocity);
        visibleBias.addi(visibleVelocity);
        hiddenBias.addi(hiddenVelocity);
    }

    // ---- sampling ----

    /**
     * Runs {@code steps} steps of block Gibbs sampling from {@code start} {@code [n x visible]} (h ~ p(h|v), then
     * v ~ p(v|h)) and returns the visible probabilities p(v|h) of the last step, the image to show. Draws from a
     * {@link Random} seeded with {@code seed}: the same seed, start and parameters give the same result. With
     * {@code steps == 0} returns a copy of the start.
     */
    public INDArray gibbsSample(INDArray start, int steps, long seed) {
        if (steps < 0) {
            throw new IllegalArgumentException("Gibbs steps must be 0 or more, not " + steps);
        }
        INDArray v = checked(start, visible, "visible").dup();
        Random r = new Random(Seeds.mix(seed));
        INDArray probabilities = v;
        for (int step = 0; step < steps; step++) {
            INDArray h = bernoulli(hiddenProbabilities(v), r);
            probabilities = visibleProbabilities(h);
            v = bernoulli(probabilities, r);
        }
        return probabilities;
    }

    /** Binary samples with P(1) = p element-wise, from uniforms drawn with {@code r} in row-major order. */
    INDArray bernoulli(INDArray p, Random r) {
        long[] shape = p.shape();
        int count = (int) p.length();
        INDArray uniforms;
        if (dataType == DataType.DOUBLE) {
            double[] u = new double[count];
            for (int i = 0; i < count; i++) {
                u[i] = r.nextDouble();
            }
            uniforms = Nd4j.create(u, shape, DataType.DOUBLE);
        } else {
            float[] u = new float[count];
            for (int i = 0; i < count; i++) {
                u[i] = r.nextFloat();
            }
            uniforms = Nd4j.create(u, shape, 'c');
            if (dataType != DataType.FLOAT) {
                uniforms = uniforms.castTo(dataType);
            }
        }
        return p.gt(uniforms).castTo(dataType);
    }

    private INDArray checked(INDArray x, int columns, String what) {
        if (x.rank() != 2 || x.columns() != columns) {
            throw new IllegalArgumentException("expected a batch of " + what + " vectors [n x " + columns + "], got "
                    + Arrays.toString(x.shape()));
        }
        return x.dataType() == dataType ? x : x.castTo(dataType);
    }

    // ---- parameters ----

    /** The weights W {@code [visible x hidden]}: the live array (changes with every update; dup() to keep). */
    public INDArray weights() {
        return weights;
    }

    /** The visible bias b {@code [1 x visible]}: the live array. */
    public INDArray visibleBias() {
        return visibleBias;
    }

    /** The hidden bias c {@code [1 x hidden]}: the live array. */
    public INDArray hiddenBias() {
        return hiddenBias;
    }

    /** The receptive fields: hidden unit j's weights as row j, {@code [hidden x visible]} (a copy of Wᵀ). */
    public INDArray filters() {
        return weights.transpose().dup('c');
    }

    /**
     * Copies the given parameters in (shapes must match). The momentum of the updates is reset to zero and the
     * persistent chains are dropped (they restart from the next batch); the update counter is kept.
     */
    public void setParameters(INDArray w, INDArray b, INDArray c) {
        requireShape(w, weights, "weights");
        requireShape(b, visibleBias, "visible bias");
        requireShape(c, hiddenBias, "hidden bias");
        weights.assign(w);
        visibleBias.assign(b);
        hiddenBias.assign(c);
        weightVelocity.assign(0);
        visibleVelocity.assign(0);
        hiddenVelocity.assign(0);
        fantasy = null;
    }

    private static void requireShape(INDArray given, INDArray current, String what) {
        if (!Arrays.equals(given.shape(), current.shape())) {
            throw new IllegalArgumentException("the " + what + " must have shape " + Arrays.toString(current.shape())
                    + ", not " + Arrays.toString(given.shape()));
        }
    }

    /**
     * What an exact resume needs beyond the parameters: the momentum velocities, the update count (it seeds the
     * sampling) and the persistent chains (null before the first PCD update).
     */
    public record TrainingState(INDArray weightVelocity, INDArray visibleVelocity, INDArray hiddenVelocity,
                                long updates, INDArray fantasy) {
    }

    /** A copy of the training state. */
    public TrainingState trainingState() {
        return new TrainingState(weightVelocity.dup(), visibleVelocity.dup(), hiddenVelocity.dup(), updates,
                fantasy == null ? null : fantasy.dup());
    }

    /** Restores a training state saved by {@link #trainingState()} (after {@link #setParameters}). */
    public void restoreTrainingState(TrainingState state) {
        requireShape(state.weightVelocity(), weightVelocity, "weight velocity");
        requireShape(state.visibleVelocity(), visibleVelocity, "visible bias velocity");
        requireShape(state.hiddenVelocity(), hiddenVelocity, "hidden bias velocity");
        if (state.updates() < 0) {
            throw new IllegalArgumentException("the update count cannot be negative: " + state.updates());
        }
        if (state.fantasy() != null && state.fantasy().columns() != visible) {
            throw new IllegalArgumentException("the persistent chains must have " + visible + " columns, not "
                    + state.fantasy().columns());
        }
        weightVelocity.assign(state.weightVelocity());
        visibleVelocity.assign(state.visibleVelocity());
        hiddenVelocity.assign(state.hiddenVelocity());
        updates = state.updates();
        fantasy = state.fantasy() == null ? null : state.fantasy().castTo(dataType).dup();
    }

    /** The persistent chains' current visible states {@code [n x visible]} (live), or null before the first PCD update. */
    public INDArray fantasyParticles() {
        return fantasy;
    }

    public int visible() {
        return visible;
    }

    public int hidden() {
        return hidden;
    }

    public DataType dataType() {
        return dataType;
    }

    /** Updates applied so far. */
    public long updates() {
        return updates;
    }

    public double momentum() {
        return momentum;
    }

    /** Momentum of the updates, in [0, 1); 0.5 unless set. */
    public void setMomentum(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), not " + momentum);
        }
        this.momentum = momentum;
    }

    public double weightDecay() {
        return weightDecay;
    }

    /** L2 weight decay on W (not the biases); 0 unless set. */
    public void setWeightDecay(double weightDecay) {
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be 0 or positive, not " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    @Override
    public String toString() {
        return "RBM " + visible + "-" + hidden;
    }
}
