package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DL4J network trained on the engine: one compiled plan per batch size it meets ({@link DensePlan} for a chain of
 * dense layers, {@link ChainPlan} for a chain with convolutions, batch normalisation and the like), all sharing the
 * network's own flat parameter and gradient arrays, so DL4J's inference, checkpoints and optimiser state see every
 * update without a copy. A GAN's discriminator meets two sizes (real and generated examples together in its own
 * step, generated ones alone in the generator's); the few most recent plans are kept.
 */
final class PlannedNetwork implements TrainingNetwork {

    /** Plans kept at once; a run uses one or two batch sizes. */
    private static final int PLANS_KEPT = 4;

    /** The passes of one compiled plan, on flat examples [batch, size]. */
    interface BatchPlan extends AutoCloseable {
        INDArray forward(INDArray input);

        INDArray backward(INDArray outputGradient);

        INDArray inputGradient(INDArray outputGradient);

        /** See {@link TrainingNetwork#inputDirectionalGradient}; the live result belongs to the plan. */
        INDArray inputDirectionalGradient(INDArray u);

        /** See {@link TrainingNetwork#parameterDirectionalPass}; the live results belong to the plan. */
        ParameterDirectionalPass parameterDirectionalPass(INDArray v,
                                                          java.util.function.UnaryOperator<INDArray> rOutputGradient);

        /** Compiles the R-operator now; throws UnsupportedOperationException naming a layer without one. */
        void compileCurvature();

        @Override
        void close();
    }

    /** Compiles a plan for a batch size over the network's parameter and gradient vectors. */
    @FunctionalInterface
    interface Compiler {
        BatchPlan compile(int batch, INDArray params, INDArray gradient);
    }

    private final MultiLayerNetwork network;
    private final Compiler compiler;
    private final INDArray params;
    private final INDArray gradient;
    private final NetworkUpdater updater;
    private final Map<Integer, BatchPlan> plans = new LinkedHashMap<>(8, 0.75f, true);
    private BatchPlan current;

    PlannedNetwork(MultiLayerNetwork network, DenseChain chain) {
        this(network, (batch, params, gradient) -> dense(new DensePlan(chain, batch, params, gradient)));
    }

    PlannedNetwork(MultiLayerNetwork network, Chain chain) {
        this(network, (batch, params, gradient) -> new ChainPlan(chain, batch, params, gradient));
    }

    private PlannedNetwork(MultiLayerNetwork network, Compiler compiler) {
        this.network = network;
        this.compiler = compiler;
        if (network.getGradientsViewArray() == null) {
            network.initGradientsView();
        }
        this.params = network.params();
        this.gradient = network.getGradientsViewArray();
        this.updater = new NetworkUpdater(network);
    }

    /** A prefix of a network: its parameters and gradient the heads of the network's, no optimiser. */
    private PlannedNetwork(MultiLayerNetwork network, Compiler compiler, INDArray params, INDArray gradient) {
        this.network = network;
        this.compiler = compiler;
        this.params = params;
        this.gradient = gradient;
        this.updater = null;
    }

    /** See {@link TrainingNetwork#prefix}. */
    static java.util.Optional<TrainingNetwork> prefix(MultiLayerNetwork network, String layer) {
        int last = -1;
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            String name = network.getLayer(i).conf().getLayer().getLayerName();
            names.add(name);
            if (layer.equals(name)) {
                last = i;
            }
        }
        if (last < 0) {
            throw new IllegalArgumentException("the network has no layer '" + layer + "'; its layers are " + names);
        }
        java.util.Optional<Chain> chain = Chain.of(network, last + 1);
        if (chain.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (network.getGradientsViewArray() == null) {
            network.initGradientsView();
        }
        long count = chain.get().parameters();
        INDArray params = DenseChain.segment(network.params(), 0, count);
        INDArray gradient = DenseChain.segment(network.getGradientsViewArray(), 0, count);
        Chain c = chain.get();
        return java.util.Optional.of(new PlannedNetwork(network,
                (batch, p, g) -> new ChainPlan(c, batch, p, g), params, gradient));
    }

    private static BatchPlan dense(DensePlan plan) {
        int inputs = plan.chain().inputs();
        return new BatchPlan() {
            @Override
            public INDArray forward(INDArray input) {
                return plan.forward(input.rank() == 2 ? input : input.reshape(input.size(0), inputs));
            }

            @Override
            public INDArray backward(INDArray outputGradient) {
                plan.backward(outputGradient);
                return plan.inputGradient();
            }

            @Override
            public INDArray inputGradient(INDArray outputGradient) {
                plan.outputGradient().assign(outputGradient);
                return plan.backwardToInput();
            }

            @Override
            public INDArray inputDirectionalGradient(INDArray u) {
                plan.direction().assign(0);
                plan.rForwardAlongInput(u.rank() == 2 ? u : u.reshape(u.size(0), inputs));
                plan.rOutputGradient().assign(0);
                return plan.rBackward();
            }

            @Override
            public ParameterDirectionalPass parameterDirectionalPass(
                    INDArray v, java.util.function.UnaryOperator<INDArray> rOutputGradient) {
                plan.direction().assign(v.reshape(plan.direction().shape()));
                INDArray rOutput = plan.rForward();
                plan.rOutputGradient().assign(rOutputGradient.apply(rOutput));
                INDArray product = plan.rBackward();
                return new ParameterDirectionalPass(product, plan.rInputGradient());
            }

            @Override
            public void compileCurvature() {
                plan.direction();
            }

            @Override
            public void close() {
                plan.close();
            }
        };
    }

    @Override
    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public boolean onEngine() {
        return true;
    }

    private BatchPlan plan(int batch) {
        BatchPlan plan = plans.get(batch);
        if (plan == null) {
            if (plans.size() >= PLANS_KEPT) {
                Map.Entry<Integer, BatchPlan> eldest = plans.entrySet().iterator().next();
                eldest.getValue().close();
                plans.remove(eldest.getKey());
            }
            plan = compiler.compile(batch, params, gradient);
            plans.put(batch, plan);
        }
        return plan;
    }

    @Override
    public INDArray forward(INDArray input) {
        current = plan((int) input.size(0));
        return current.forward(input);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        return current.backward(outputGradient);
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return current.inputGradient(outputGradient);
    }

    @Override
    public INDArray inputDirectionalGradient(INDArray u) {
        if (current == null) {
            throw new IllegalStateException("a forward and a backward pass come first");
        }
        return current.inputDirectionalGradient(u);
    }

    @Override
    public ParameterDirectionalPass parameterDirectionalPass(
            INDArray v, java.util.function.UnaryOperator<INDArray> rOutputGradient) {
        if (current == null) {
            throw new IllegalStateException("a forward and a backward pass come first");
        }
        return current.parameterDirectionalPass(v, rOutputGradient);
    }

    @Override
    public java.util.Optional<String> secondDerivativesUnavailable() {
        try (BatchPlan probe = compiler.compile(1, params, gradient)) {
            probe.compileCurvature();
            return java.util.Optional.empty();
        } catch (UnsupportedOperationException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    @Override
    public INDArray gradient() {
        return gradient;
    }

    @Override
    public void update(int iteration) {
        if (updater == null) {
            throw new UnsupportedOperationException("a prefix of a network is not trained on its own: train the"
                    + " whole network");
        }
        updater.update(iteration);
    }

    @Override
    public void close() {
        plans.values().forEach(BatchPlan::close);
        plans.clear();
    }
}
