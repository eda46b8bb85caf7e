package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Seeds;
import org.latentlab.engine.TrainingNetwork;
import org.latentlab.model.VirtualBatchNormLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

/**
 * G's training-mode passes as the GAN trainer runs them. With virtual batch normalisation in G (Salimans et al. 2016,
 * "Improved techniques for training GANs", section 3.4) a fixed reference batch of R codes goes before every batch
 * of codes, its output rows are dropped before D sees the batch, and the examples' loss reaches them only through
 * the reference statistics; without the layer, G's own passes. Shares the trainer's step arrays; one owner thread.
 */
final class GeneratorPasses {

    private final TrainingNetwork g;
    /** Virtual batch norm's fixed reference codes [R, latent], or null when G has no such layer. */
    private final INDArray referenceCodes;
    private final StepArrays step;
    private final int latentDim;
    private final int dataDim;

    private GeneratorPasses(TrainingNetwork g, INDArray referenceCodes, StepArrays step, int latentDim, int dataDim) {
        this.g = g;
        this.referenceCodes = referenceCodes;
        this.step = step;
        this.latentDim = latentDim;
        this.dataDim = dataDim;
    }

    /** G's passes over {@code g}, with the reference batch drawn from {@code seed} when G has virtual batch norm. */
    static GeneratorPasses of(MultiLayerNetwork generator, TrainingNetwork g, int latentDim, int dataDim, long seed,
                              StepArrays step) {
        return new GeneratorPasses(g, referenceCodes(generator, g, latentDim, seed, generator.params().dataType()),
                step, latentDim, dataDim);
    }

    /**
     * Virtual batch norm's reference batch: R codes from N(0, I) drawn from the run's seed alone (not from the
     * per-update draws), so a resumed run has the same ones; null when G has no virtual batch norm layer.
     */
    private static INDArray referenceCodes(MultiLayerNetwork generator, TrainingNetwork g, int latentDim, long seed,
                                           DataType dataType) {
        java.util.Set<Integer> sizes = new java.util.TreeSet<>();
        for (int i = 0; i < generator.getnLayers(); i++) {
            if (generator.getLayer(i).conf().getLayer() instanceof VirtualBatchNormLayer v) {
                sizes.add(v.getReferenceBatch());
            }
        }
        if (sizes.isEmpty()) {
            return null;
        }
        if (sizes.size() > 1) {
            throw new LabException("G's virtual batch norm layers share one reference batch, but they ask for "
                    + sizes + " codes: give them all the same referenceBatch");
        }
        if (!g.onEngine()) {
            throw new LabException("virtual batch norm needs G on the lab's engine, and G has a layer the engine does"
                    + " not run: remove the virtual batch norm layers or that layer");
        }
        int r = sizes.iterator().next();
        return Latent.gaussian(r, latentDim, new Random(Seeds.seed(seed, -1)), dataType);
    }

    /**
     * G's training-mode samples for a batch of codes, flat [n, d]: with virtual batch norm, the reference codes go
     * first and their rows are dropped (a view of the live output); otherwise G's output itself.
     */
    INDArray forward(INDArray z) {
        if (referenceCodes == null) {
            return g.forward(z);
        }
        int r = (int) referenceCodes.rows();
        int n = (int) z.rows();
        INDArray input = step.get("gInput", r + n, latentDim);
        input.get(NDArrayIndex.interval(0, r), NDArrayIndex.all()).assign(referenceCodes);
        input.get(NDArrayIndex.interval(r, r + n), NDArrayIndex.all()).assign(z);
        return g.forward(input).get(NDArrayIndex.interval(r, r + n), NDArrayIndex.all());
    }

    /** G's backward pass from dL/dx of the samples of the last {@link #forward} (0 on reference rows). */
    void backward(INDArray fakeGradient) {
        if (referenceCodes == null) {
            g.backward(fakeGradient);
            return;
        }
        int r = (int) referenceCodes.rows();
        int n = (int) fakeGradient.rows();
        INDArray gradient = step.get("gOutputGradient", r + n, dataDim);
        gradient.get(NDArrayIndex.interval(0, r), NDArrayIndex.all()).assign(0);
        gradient.get(NDArrayIndex.interval(r, r + n), NDArrayIndex.all()).assign(fakeGradient);
        g.backward(gradient);
    }

    /** Virtual batch norm: one training-mode pass of the reference batch stores its statistics in G's state. */
    void storeReferenceStatistics() {
        if (referenceCodes != null) {
            g.forward(referenceCodes);
        }
    }

    /** The reference codes [R, latent], or null when G has no virtual batch norm layer. */
    INDArray referenceCodes() {
        return referenceCodes;
    }
}
