package org.latentlab.train;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exact gradient of the unrolled GAN (Metz et al. 2017, "Unrolled generative adversarial networks", eq. 7-12):
 * with the look-ahead θ_D^{i+1} = U(θ_D^i, θ_G) made K times from θ_D^0, the gradient of
 * f_K(θ_G) = L_G(θ_G, θ_D^K(θ_G)) is ∂L_G/∂θ_G + (dθ_D^K/dθ_G)ᵀ ∂L_G/∂θ_D^K, formed here by reverse mode through
 * the K optimiser steps.
 *
 * <p>Forward ({@link #record}, during the look-ahead): for each step i, D's input (real and generated packs, noise
 * included), G's codes, θ_D^i and D's optimiser state before the step. Backward ({@link #gradient}): from
 * a = ∂L_G/∂θ_D^K and G's direct gradient, for i = K−1 … 0, D is put at θ_D^i and its gradient g_i of L_D at step
 * i's batch formed again; the adjoint of θ_D^{i+1} is pulled back through the optimiser step written out
 * elementwise (DL4J's Adam as libnd4j's {@code adam_updater} computes it: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * α_t = lr·√(1−β₂ᵗ)/(1−β₁ᵗ), θ ← θ − α_t·m/(√v + ε); or plain SGD), giving the adjoints of g_i, m_i, v_i and θ_D^i;
 * the adjoint w of g_i then becomes H_DD·w (into θ_D^i's adjoint) and H_GD·w (into G's gradient) by one
 * Hessian-vector product of L_D at step i: Pearlmutter's R-pass along w on D
 * ({@link TrainingNetwork#parameterDirectionalPass}, with R{∂L/∂s} = l″(s)·R{s} for each score s), whose
 * R{∂L_D/∂x} at the generated rows, unpacked and sent back through G at step i's codes, is ∂/∂θ_G ⟨∇_{θ_D} L_D, w⟩.
 * Historical averaging on D adds 2λ·w to H_DD·w (its term λ‖θ − θ̄‖², θ̄ fixed during the look-ahead).
 *
 * <p>Costs per look-ahead step: one D forward and backward, one R-pass of D, one G forward and backward, and a
 * copy of θ_D and the optimiser state. Not thread-safe: the trainer's thread owns it.
 */
final class UnrolledGradient {

    /** One look-ahead step's inputs and D's state before it. */
    private record Step(INDArray input, int realPacks, INDArray codes, INDArray theta, INDArray state,
                        int iteration) {
    }

    private final MultiLayerNetwork discriminator;
    private final TrainingNetwork d;
    private final TrainingNetwork g;
    private final GeneratorPasses generatorPasses;
    private final List<Step> steps = new ArrayList<>();
    /** ∂L_G/∂θ_D^K, taken from D's backward pass of G's loss; null until then. */
    private INDArray discriminatorAdjoint;

    UnrolledGradient(MultiLayerNetwork discriminator, TrainingNetwork d, TrainingNetwork g,
                     GeneratorPasses generatorPasses) {
        this.discriminator = discriminator;
        this.d = d;
        this.g = g;
        this.generatorPasses = generatorPasses;
    }

    /**
     * Why the exact unrolled gradient cannot be formed for these networks, in one line saying what to change; empty
     * when it can.
     */
    static Optional<String> refusal(MultiLayerNetwork generator, MultiLayerNetwork discriminator, TrainingNetwork d,
                                    boolean discriminatorCouplesBatch) {
        String fix = ", or set training.unrollGradient to \"first-order\"";
        if (hasDropout(generator) || hasDropout(discriminator)) {
            return Optional.of("the exact unrolled gradient replays D's look-ahead, which dropout's random masks"
                    + " make irreproducible: remove dropout from G and D" + fix);
        }
        if (discriminatorCouplesBatch || has(generator, BatchNormalization.class)) {
            return Optional.of("the exact unrolled gradient needs each example scored on its own: remove batch"
                    + " normalisation and minibatch discrimination from G and D" + fix);
        }
        if (!d.onEngine() || d.secondDerivativesUnavailable().isPresent()) {
            return Optional.of("the exact unrolled gradient needs second derivatives of D, and "
                    + d.secondDerivativesUnavailable().orElse("D does not run on the lab's engine") + fix);
        }
        for (int i = 0; i < discriminator.getnLayers(); i++) {
            if (discriminator.getLayer(i).conf().getLayer() instanceof BaseLayer layer) {
                for (IUpdater u : new IUpdater[] {layer.getIUpdater(), layer.getBiasUpdater()}) {
                    if (u != null && !(u instanceof Adam) && !(u instanceof Sgd)) {
                        return Optional.of("the exact unrolled gradient differentiates D's optimiser steps for"
                                + " Adam and SGD only, not " + u.getClass().getSimpleName()
                                + ": set training.discriminatorOptimizer to adam or sgd" + fix);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasDropout(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer layer = net.getLayer(i).conf().getLayer();
            if (layer instanceof DropoutLayer || layer.getIDropout() != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(MultiLayerNetwork net, Class<?> layerType) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (layerType.isInstance(net.getLayer(i).conf().getLayer())) {
                return true;
            }
        }
        return false;
    }

    /** Starts a look-ahead: forgets the last one's steps. */
    void begin() {
        steps.clear();
        discriminatorAdjoint = null;
    }

    /**
     * Records look-ahead step i before D's update: D's packed input [realPacks + fakePacks, m·d] as D saw it (noise
     * included), G's codes for the generated examples, and D's parameters and optimiser state now.
     *
     * @param iteration the update count D's optimiser step is given (Adam's bias correction counts it)
     */
    void record(INDArray input, int realPacks, INDArray codes, int iteration) {
        INDArray state = discriminator.getUpdater().getStateViewArray();
        steps.add(new Step(input.dup('c'), realPacks, codes.dup('c'), flat(discriminator.params()).dup(),
                state == null ? null : flat(state).dup(), iteration));
    }

    /** Whether a look-ahead was recorded and waits for ∂L_G/∂θ_D^K. */
    boolean awaitsAdjoint() {
        return !steps.isEmpty() && discriminatorAdjoint == null;
    }

    /** Takes ∂L_G/∂θ_D^K from D's gradient of G's loss at the unrolled D (copied). */
    void takeAdjoint(INDArray discriminatorGradient) {
        discriminatorAdjoint = flat(discriminatorGradient).dup();
    }

    /**
     * The exact gradient of G's loss through the recorded look-ahead, a fresh [1, P_G] array: G's direct gradient
     * plus (dθ_D^K/dθ_G)ᵀ a. Leaves D's parameters at θ_D^0 (its optimiser state is not touched) and G's gradient
     * view overwritten.
     *
     * @param direct        ∂L_G/∂θ_G at the unrolled D (G's own terms included)
     * @param settings      the loss, its real target, the packing and historical averaging's λ
     * @param averageMean   historical averaging's θ̄ of D, or null when it is off
     */
    INDArray gradient(INDArray direct, GanSettings settings, INDArray averageMean) {
        if (discriminatorAdjoint == null) {
            throw new IllegalStateException("G's loss was not differentiated with respect to the unrolled D");
        }
        INDArray generatorTotal = flat(direct).dup();
        INDArray theta = discriminator.params();
        INDArray a = discriminatorAdjoint;
        // adjoints of the optimiser state after step i (m, v: DL4J's state layout), zero after the last step
        INDArray stateAdjoint = steps.get(0).state() == null ? null : Nd4j.zerosLike(steps.get(0).state());
        double lambda = settings.historicalAveraging();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            theta.assign(s.theta().reshape(theta.shape()));
            double[] secondDerivatives = discriminatorGradient(s, settings, averageMean, lambda);
            INDArray gi = flat(d.gradient()).dup();
            INDArray w = pullBackThroughOptimiser(s, gi, a, stateAdjoint);
            JointProduct product = jointProduct(s, secondDerivatives, w, settings);
            INDArray next = a.add(product.discriminator());
            generatorTotal.addi(product.generator());
            a = next;
        }
        theta.assign(steps.get(0).theta().reshape(theta.shape()));
        begin();
        return generatorTotal;
    }

    /** H_DD·w [1, P_D] and H_GD·w [1, P_G] of L_D at one look-ahead step, fresh arrays. */
    record JointProduct(INDArray discriminator, INDArray generator) {
    }

    /**
     * The joint Hessian-vector product of L_D at D's current parameters, on D's packed input (real packs first) and
     * the codes of its generated examples: {@link JointProduct}. Overwrites D's and G's gradient views (for tests of
     * the product on its own).
     */
    JointProduct jointProduct(INDArray input, int realPacks, INDArray codes, INDArray w, GanSettings settings,
                              INDArray averageMean) {
        Step s = new Step(input, realPacks, codes, null, null, 0);
        double[] second = discriminatorGradient(s, settings, averageMean, settings.historicalAveraging());
        return jointProduct(s, second, flat(w), settings);
    }

    /**
     * After {@link #discriminatorGradient} at step s: one R-pass of D along w gives H_DD·w (plus historical
     * averaging's 2λ·w) and R{∂L_D/∂x}, whose generated rows, unpacked and sent back through G at the step's codes,
     * give H_GD·w = ∂/∂θ_G ⟨∇_{θ_D} L_D, w⟩.
     */
    private JointProduct jointProduct(Step s, double[] secondDerivatives, INDArray w, GanSettings settings) {
        TrainingNetwork.ParameterDirectionalPass pass = d.parameterDirectionalPass(w,
                rOut -> rOut.mulColumnVector(column(secondDerivatives, rOut)));
        INDArray discriminatorProduct = flat(pass.hessianVector()).dup();
        double lambda = settings.historicalAveraging();
        if (lambda > 0) {
            discriminatorProduct.addi(w.mul(2 * lambda));
        }
        INDArray rInput = pass.rInputGradient();
        int fakePacks = (int) rInput.rows() - s.realPacks();
        INDArray fakeGradient = rInput.get(NDArrayIndex.interval(s.realPacks(), s.realPacks() + fakePacks),
                NDArrayIndex.all()).dup('c');
        int p = settings.packing();
        fakeGradient = fakeGradient.reshape('c', (long) fakePacks * p, fakeGradient.columns() / p);
        generatorPasses.forward(s.codes());
        generatorPasses.backward(fakeGradient);
        return new JointProduct(discriminatorProduct, flat(g.gradient()).dup());
    }

    /**
     * D's forward and backward pass of L_D at step s's batch, leaving g_i in D's gradient (historical averaging's
     * 2λ(θ − θ̄) included); returns l″(score)/count of each pack (the loss's second derivatives as the mean over
     * each half of the batch weighs them).
     */
    private double[] discriminatorGradient(Step s, GanSettings settings, INDArray averageMean, double lambda) {
        double[] scores = d.forward(s.input()).toDoubleVector();
        int real = s.realPacks();
        int fake = scores.length - real;
        GanLoss loss = settings.loss();
        double target = settings.realTarget();
        double[] eps = new double[scores.length];
        double[] second = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            boolean isReal = j < real;
            int count = isReal ? real : fake;
            eps[j] = (isReal ? loss.realLossDerivative(scores[j], target) : loss.fakeLossDerivative(scores[j]))
                    / count;
            second[j] = (isReal ? loss.realLossSecondDerivative(scores[j], target)
                    : loss.fakeLossSecondDerivative(scores[j])) / count;
        }
        d.backward(Nd4j.create(eps, new long[] {eps.length, 1}, s.input().dataType()));
        if (lambda > 0) {
            INDArray gradient = flat(d.gradient());
            gradient.addi(flat(discriminator.params()).sub(flat(averageMean)).muli(2 * lambda));
        }
        return second;
    }

    /**
     * Pulls the adjoint {@code a} of θ_D^{i+1} back through D's optimiser step i, block by block of DL4J's updater:
     * returns the adjoint w of g_i and updates {@code stateAdjoint} (the adjoints of m and v after step i) to those
     * before it. θ_D^i's own adjoint is {@code a} plus the curvature terms the caller adds.
     */
    private INDArray pullBackThroughOptimiser(Step s, INDArray gi, INDArray a, INDArray stateAdjoint) {
        if (!(discriminator.getUpdater() instanceof BaseMultiLayerUpdater<?> updater)) {
            throw new IllegalStateException("D has no layer-wise updater");
        }
        INDArray w = Nd4j.zerosLike(gi);
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            long from = block.getParamOffsetStart();
            long to = block.getParamOffsetEnd();
            if (to <= from) {
                continue;
            }
            if (block.getGradientUpdater() == null) {
                throw new IllegalStateException("D's updater is not initialised");
            }
            IUpdater config = block.getGradientUpdater().getConfig();
            INDArray aBlock = segment(a, from, to);
            INDArray wBlock = segment(w, from, to);
            if (config instanceof Sgd sgd) {
                wBlock.assign(aBlock.mul(-sgd.getLearningRate(s.iteration(), 0)));
            } else if (config instanceof Adam adam) {
                long length = to - from;
                long stateFrom = block.getUpdaterViewOffsetStart();
                INDArray m0 = segment(s.state(), stateFrom, stateFrom + length);
                INDArray v0 = segment(s.state(), stateFrom + length, stateFrom + 2 * length);
                INDArray mBar = segment(stateAdjoint, stateFrom, stateFrom + length);
                INDArray vBar = segment(stateAdjoint, stateFrom + length, stateFrom + 2 * length);
                adamBackward(adam, s.iteration(), segment(gi, from, to), m0, v0, aBlock, mBar, vBar, wBlock);
            } else {
                throw new IllegalStateException("no exact unrolled gradient through " + config.getClass()
                        .getSimpleName());
            }
        }
        return w;
    }

    /**
     * One Adam step's reverse mode, elementwise: with m₁ = β₁m₀ + (1−β₁)g, v₁ = β₂v₀ + (1−β₂)g², s = √v₁ and
     * θ₁ = θ₀ − α_t m₁/(s + ε): m̄ ← m̄ − α_t ā/(s + ε), v̄ ← v̄ + α_t ā m₁/(2s(s + ε)²) (0 where s = 0), then
     * w = ḡ = (1−β₁)m̄ + 2(1−β₂) g v̄ and the adjoints before the step m̄ ← β₁m̄, v̄ ← β₂v̄ (written in place).
     */
    static void adamBackward(Adam adam, int iteration, INDArray g, INDArray m0, INDArray v0, INDArray a,
                             INDArray mBar, INDArray vBar, INDArray w) {
        double beta1 = adam.getBeta1();
        double beta2 = adam.getBeta2();
        double epsilon = adam.getEpsilon();
        double alpha = adamStepSize(adam, iteration);
        INDArray m1 = m0.mul(beta1).addi(g.mul(1 - beta1));
        INDArray v1 = v0.mul(beta2).addi(g.mul(g).muli(1 - beta2));
        INDArray root = Transforms.sqrt(v1, true);
        INDArray denominator = root.add(epsilon);
        mBar.subi(a.mul(alpha).divi(denominator));
        // where v₁ = 0 (a parameter whose gradient has been exactly 0, a dead ReLU's weights) m₁ = 0 too and the
        // term is 0: √v₁ is replaced by 1 there to keep 0/0 out (a floor would underflow in float)
        INDArray rootOrOne = root.add(root.eq(0).castTo(root.dataType()));
        INDArray dv = a.mul(alpha).muli(m1).divi(denominator.mul(denominator).muli(rootOrOne).muli(2));
        vBar.addi(dv);
        w.assign(mBar.mul(1 - beta1).addi(g.mul(vBar).muli(2 * (1 - beta2))));
        mBar.muli(beta1);
        vBar.muli(beta2);
    }

    /** α_t = lr·√(1−β₂ᵗ)/(1−β₁ᵗ), t = iteration + 1, falling back to ε where it is not finite or 0 (as libnd4j). */
    static double adamStepSize(Adam adam, int iteration) {
        double lr = adam.getLearningRate(iteration, 0);
        double beta1T = Math.pow(adam.getBeta1(), iteration + 1);
        double beta2T = Math.pow(adam.getBeta2(), iteration + 1);
        double alpha = lr * Math.sqrt(1 - beta2T) / (1 - beta1T);
        return Double.isNaN(alpha) || Double.isInfinite(alpha) || alpha == 0 ? adam.getEpsilon() : alpha;
    }

    private static INDArray column(double[] values, INDArray like) {
        return Nd4j.create(values, new long[] {values.length, 1}, like.dataType());
    }

    private static INDArray flat(INDArray a) {
        return a.reshape(1, a.length());
    }

    private static INDArray segment(INDArray flatRow, long from, long to) {
        return flatRow.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to));
    }
}
