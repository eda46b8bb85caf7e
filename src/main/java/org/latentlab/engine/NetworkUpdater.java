package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's optimiser step, θ ← θ − u(g): DL4J's updater blocks of the network (each a run of parameters with one
 * optimiser configuration; its state lives in the network's updater state array) turn the flat gradient into the
 * update in place, exactly as DL4J's own training does, without DL4J's per-step split of the gradient into named
 * variables; then θ −= update. Because the arithmetic and the state arrays are DL4J's, a checkpoint written with
 * the network keeps the optimiser's moments and resumes bit for bit.
 *
 * <p>The updater is looked up at every step: DL4J replaces it (keeping its state) when a learning rate changes.
 */
final class NetworkUpdater {

    private final MultiLayerNetwork network;
    private final INDArray params;
    private final INDArray gradient;

    NetworkUpdater(MultiLayerNetwork network) {
        this.network = network;
        this.params = network.params();
        // DL4J keeps θ as [P] and the gradient as [1, P] (or the other way round): one view of the same shape
        INDArray g = network.getGradientsViewArray();
        this.gradient = java.util.Arrays.equals(g.shape(), params.shape()) ? g : g.reshape(params.shape());
    }

    void update(int iteration) {
        if (!(network.getUpdater() instanceof BaseMultiLayerUpdater<?> updater)) {
            throw new IllegalStateException("the network has no layer-wise updater");
        }
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            if (!block.skipDueToPretrainConfig(false)) {
                block.update(iteration, 0);
            }
        }
        params.subi(gradient);
    }
}
