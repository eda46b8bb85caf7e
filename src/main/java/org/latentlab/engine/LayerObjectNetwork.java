package org.latentlab.engine;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A network with a layer kind the engine does not compile (DL4J layers the lab does not build), driven through DL4J's
 * layer objects: {@code feedForward} in training mode and {@code backpropGradient} with the output gradient as
 * its epsilon. The optimiser step is the engine's ({@link NetworkUpdater}), the same as for planned networks.
 */
final class LayerObjectNetwork implements TrainingNetwork {

    private final MultiLayerNetwork network;
    private final NetworkUpdater updater;
    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    private long[] outputShape;

    LayerObjectNetwork(MultiLayerNetwork network) {
        this.network = network;
        if (network.getGradientsViewArray() == null) {
            network.initGradientsView();
        }
        this.updater = new NetworkUpdater(network);
    }

    @Override
    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public boolean onEngine() {
        return false;
    }

    @Override
    public INDArray forward(INDArray input) {
        network.setInput(input);
        List<INDArray> activations = network.feedForward(true, false);
        INDArray out = activations.get(activations.size() - 1);
        outputShape = out.shape();
        return flat(out);
    }

    @Override
    public INDArray backward(INDArray outputGradient) {
        Pair<Gradient, INDArray> back = network.backpropGradient(outputGradient.reshape(outputShape), noWorkspaces);
        return flat(back.getSecond());
    }

    @Override
    public INDArray inputGradient(INDArray outputGradient) {
        return backward(outputGradient);
    }

    @Override
    public INDArray gradient() {
        return network.getGradientsViewArray();
    }

    @Override
    public void update(int iteration) {
        updater.update(iteration);
    }

    @Override
    public void close() {
        // nothing compiled
    }

    private static INDArray flat(INDArray a) {
        return a.rank() == 2 ? a : a.reshape(a.size(0), a.length() / a.size(0));
    }
}
