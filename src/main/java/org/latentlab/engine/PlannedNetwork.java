package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DL4J network of dense layers trained on the engine: one {@link DensePlan} per batch size it meets, all sharing
 * the network's own flat parameter and gradient arrays, so DL4J's inference, checkpoints and optimiser state see
 * every update without a copy. A GAN's discriminator meets two sizes (real and generated examples together in its
 * own step, generated ones alone in the generator's); the few most recent plans are kept.
 */
final class PlannedNetwork implements TrainingNetwork {

    /** Plans kept at once; a run uses one or two batch sizes. */
    private static final int PLANS_KEPT = 4;

    private final MultiLayerNetwork network;
    private final DenseChain chain;
    private final INDArray params;
    private final INDArray gradient;
    private final NetworkUpdater updater;
    private final Map<Integer, DensePlan> plans = new LinkedHashMap<>(8, 0.75f, true);
    private DensePlan current;

    PlannedNetwork(MultiLayerNetwork network, DenseChain chain) {
        this.network = network;
        this.chain = chain;
        if (network.getGradientsViewArray() == null) {
            network.initGradientsView();
        }
        this.params = network.params();
        this.gradient = network.getGradientsViewArray();
        this.updater = new NetworkUpdater(network);
    }

    @Override
    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public boolean onEngine() {
        return true;
    }

    /** The chain compiled for this network. */
    DenseChain chain() {
        return chain;
    }

    private DensePlan plan(int batch) {
        DensePlan plan = plans.get(batch);
        if (plan == null) {
            if (plans.size() >= PLANS_KEPT) {
                Map.Entry<Integer, DensePlan> eldest = plans.entrySet().iterator().next();
                eldest.getValue().close();
                plans.remove(eldest.getKey());
            }
            plan = new DensePlan(chain, batch, params, gradient);
            plans.put(batch, plan);
        }
        return plan;
    }

    @Override
    public INDArray forward(INDArray input) {
        current = plan((int) input.size(0));
        return current.forward(input.rank() == 2 ? input : input.reshape(input.size(0), chain.inputs()));
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        current.backward(outputGradient);
        return current.inputGradient();
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        current.outputGradient().assign(outputGradient);
        return current.backwardToInput();
    }

    @Override
    public INDArray gradient() {
        return gradient;
    }

    @Override
    public void update(int iteration) {
        updater.update(iteration);
    }

    @Override
    public void close() {
        plans.values().forEach(DensePlan::close);
        plans.clear();
    }
}
