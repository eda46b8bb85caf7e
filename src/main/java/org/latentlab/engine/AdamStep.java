package org.latentlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam's update (Kingma and Ba 2015) of one updater block, in place on DL4J's arrays and with DL4J's arithmetic:
 * m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², g ← α_t m / (√v + ε) with α_t = lr·√(1 − β₂^(t+1)) / (1 − β₁^(t+1))
 * (libnd4j's {@code adam_updater}, which DL4J's {@code AdamUpdater} calls), but as a few vectorised elementwise ops
 * compiled once: libnd4j's fused op computes about 8 ns a parameter here, these about 1. m and v are the views of
 * the network's updater state that DL4J's updater holds, so checkpoints keep the moments as before.
 */
final class AdamStep implements AutoCloseable {

    private final Adam config;
    private final INDArray gradient;
    /** α_t, the scalar the update reads. */
    private final INDArray alpha;
    private final INDArray scratch;
    private final INDArray v;
    private final Kernel[] moments;
    private final Kernel[] update;
    private final Sqrt sqrt;

    AdamStep(Adam config, INDArray gradient, INDArray m, INDArray v) {
        this.config = config;
        this.gradient = gradient;
        this.v = v;
        org.nd4j.linalg.api.buffer.DataType type = gradient.dataType();
        INDArray beta1 = Nd4j.scalar(type, config.getBeta1());
        // 1 − β in the data type from β in the data type, as libnd4j computes them
        INDArray oneMinusBeta1 = beta1.rsub(1);
        INDArray beta2 = Nd4j.scalar(type, config.getBeta2());
        INDArray oneMinusBeta2 = beta2.rsub(1);
        INDArray epsilon = Nd4j.scalar(type, config.getEpsilon());
        this.alpha = Nd4j.scalar(type, 0.0);
        this.scratch = gradient.ulike();
        INDArray numerator = gradient.ulike();
        this.moments = new Kernel[] {
                Kernel.multiply(m, beta1, m),
                Kernel.multiply(gradient, oneMinusBeta1, numerator),
                Kernel.add(m, numerator, m),
                Kernel.multiply(gradient, gradient, scratch),
                Kernel.multiply(scratch, oneMinusBeta2, scratch),
                Kernel.multiply(v, beta2, v),
                Kernel.add(v, scratch, v)};
        this.sqrt = new Sqrt(v, scratch);
        this.update = new Kernel[] {
                Kernel.add(scratch, epsilon, scratch),
                Kernel.multiply(m, alpha, numerator),
                Kernel.of("divide", new INDArray[] {numerator, scratch}, gradient)};
    }

    /** The block's gradient turned into its update; {@code iteration} counts the updates made before. */
    void run(int iteration, int epoch) {
        for (Kernel k : moments) {
            k.run();
        }
        double lr = config.getLearningRate(iteration, epoch);
        double a;
        if (gradient.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            // in float, as libnd4j computes α_t for float parameters
            float b1t = (float) Math.pow((float) config.getBeta1(), iteration + 1);
            float b2t = (float) Math.pow((float) config.getBeta2(), iteration + 1);
            a = (float) ((float) lr * (float) Math.sqrt(1f - b2t) / (1f - b1t));
        } else {
            a = lr * Math.sqrt(1 - Math.pow(config.getBeta2(), iteration + 1))
                    / (1 - Math.pow(config.getBeta1(), iteration + 1));
        }
        if (!Double.isFinite(a) || a == 0) {
            a = config.getEpsilon(); // libnd4j's guard, kept so the step is the same
        }
        alpha.assign(a);
        Nd4j.exec(sqrt);
        for (Kernel k : update) {
            k.run();
        }
    }

    /** Whether this step was compiled for these arrays (DL4J replaces its updater when a learning rate changes). */
    boolean over(Adam config, INDArray gradient, INDArray v) {
        return this.config == config && this.gradient == gradient && this.v == v;
    }

    @Override
    public void close() {
        for (Kernel k : moments) {
            k.close();
        }
        for (Kernel k : update) {
            k.close();
        }
    }
}
