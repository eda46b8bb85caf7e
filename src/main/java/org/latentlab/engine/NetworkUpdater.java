package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A network's optimiser step, θ ← θ − u(g): DL4J's updater blocks of the network (each a run of parameters with one
 * optimiser configuration; its state lives in the network's updater state array) turn the flat gradient into the
 * update in place, exactly as DL4J's own training does, without DL4J's per-step split of the gradient into named
 * variables; then θ −= update. Because the arithmetic and the state arrays are DL4J's, a checkpoint written with
 * the network keeps the optimiser's moments and resumes bit for bit. Adam's blocks run as a compiled
 * {@link AdamStep} (the same arithmetic as libnd4j's fused op, several times faster here).
 *
 * <p>The updater is looked up at every step: DL4J replaces it (keeping its state) when a learning rate changes.
 */
final class NetworkUpdater {

    private final MultiLayerNetwork network;
    private final INDArray params;
    private final INDArray gradient;
    /** Compiled Adam steps by updater block, rebuilt when DL4J replaces its updater. */
    private final java.util.List<AdamStep> adamSteps = new java.util.ArrayList<>();

    NetworkUpdater(MultiLayerNetwork network) {
        this.network = network;
        this.params = network.params();
        // DL4J keeps θ as [P] and the gradient as [1, P] (or the other way round): one view of the same shape
        INDArray g = network.getGradientsViewArray();
        this.gradient = java.util.Arrays.equals(g.shape(), params.shape()) ? g : g.reshape(params.shape());
    }

    /**
     * The compiled Adam step of block {@code index}, when its updater is Adam over a state that is set up and no
     * regularisation applies to its parameters (what the lab builds); null otherwise (DL4J's block does the step).
     */
    private AdamStep adamStep(int index, UpdaterBlock block) {
        if (!(block.getGradientUpdater() instanceof AdamUpdater adam) || adam.getConfig().getClass() != Adam.class
                || block.isUpdaterViewRequiresInitialization() || adam.getM() == null) {
            return null;
        }
        for (UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) {
            java.util.List<?> r = p.getLayer().getConfig().getRegularizationByParam(p.getParamName());
            if (r != null && !r.isEmpty()) {
                return null;
            }
        }
        while (adamSteps.size() <= index) {
            adamSteps.add(null);
        }
        AdamStep step = adamSteps.get(index);
        if (step == null || !step.over(adam.getConfig(), block.getGradientView(), adam.getV())) {
            if (step != null) {
                step.close();
            }
            step = new AdamStep(adam.getConfig(), block.getGradientView(), adam.getM(), adam.getV());
            adamSteps.set(index, step);
        }
        return step;
    }

    void update(int iteration) {
        if (!(network.getUpdater() instanceof BaseMultiLayerUpdater<?> updater)) {
            throw new IllegalStateException("the network has no layer-wise updater");
        }
        java.util.List<UpdaterBlock> blocks = updater.getUpdaterBlocks();
        for (int b = 0; b < blocks.size(); b++) {
            UpdaterBlock block = blocks.get(b);
            if (block.skipDueToPretrainConfig(false)) {
                continue;
            }
            AdamStep adam = adamStep(b, block);
            if (adam != null) {
                adam.run(iteration, 0);
            } else {
                block.update(iteration, 0);
            }
        }
        params.subi(gradient);
    }
}
