package org.latentlab.train;

import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.engine.ExampleTable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/**
 * What {@link GanTrainer}'s steps draw: real batches and G's input codes, from the trainer's generator (re-seeded by
 * the trainer at each update) in a fixed order. Owned by the trainer on its thread.
 */
final class GanBatches {

    private final DataSource data;
    private final int dataDim;
    private final int latentDim;
    private final DataType dataType;
    private final StepArrays step;
    private final Random rng;
    private final GanVariant variant;
    /** A finite data set as one native table, real batches gathered from it; made on first use. */
    private java.util.Optional<ExampleTable> table;

    GanBatches(DataSource data, int latentDim, DataType dataType, StepArrays step, Random rng, GanVariant variant) {
        this.data = data;
        this.dataDim = data.dimension();
        this.latentDim = latentDim;
        this.dataType = dataType;
        this.step = step;
        this.rng = rng;
        this.variant = variant;
    }

    /** A batch of real examples in a step array (overwritten by the next step). */
    INDArray reals(int n) {
        if (table == null) {
            table = data instanceof ExampleSet set ? ExampleTable.of(set, dataType) : java.util.Optional.empty();
        }
        if (table.isPresent()) {
            return table.get().sample(n, rng);
        }
        float[] values = new float[n * dataDim];
        data.sample(n, rng, values);
        return step.filled("real", n, dataDim, values);
    }

    /**
     * G's input for n codes z ~ N(0, I), the same draws as {@link GanTrainer#sampleLatent}, as the variant makes it:
     * z in a step array, or (conditional GAN, InfoGAN) a fresh array with the columns the variant draws after z.
     */
    INDArray codes(int n) {
        double[] z = new double[n * latentDim];
        for (int i = 0; i < z.length; i++) {
            z[i] = dataType == DataType.DOUBLE ? rng.nextGaussian() : (float) rng.nextGaussian();
        }
        return variant.generatorInput(z, n, rng);
    }
}
