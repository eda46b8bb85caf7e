package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Random;

/**
 * The compiled Adam step against DL4J's own {@code AdamUpdater} (libnd4j's fused op) over ten steps from the same
 * gradients: the update and both moments, in float and double.
 */
class AdamStepTest {

    private static INDArray data(long seed, int n, DataType type) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * (i % 7 == 0 ? 1e-4 : 1);
        }
        return Nd4j.create(v, new long[] {1, n}, DataType.DOUBLE).castTo(type);
    }

    private static double relative(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue()
                / Math.max(1e-30, b.castTo(DataType.DOUBLE).amaxNumber().doubleValue());
    }

    @Test
    void theCompiledStepIsDl4jsAdam() {
        int n = 1_003;
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double tolerance = type == DataType.DOUBLE ? 1e-13 : 1e-5;
            Adam config = new Adam(2e-3, 0.5, 0.999, 1e-8);
            AdamUpdater reference = new AdamUpdater(config);
            INDArray refState = Nd4j.zeros(type, 1, 2 * n);
            reference.setStateViewArray(refState, new long[] {1, n}, 'c', true);
            INDArray state = Nd4j.zeros(type, 1, 2 * n);
            INDArray m = state.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n));
            INDArray v = state.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 2 * n));
            INDArray gradient = Nd4j.create(type, 1, n);
            try (AdamStep step = new AdamStep(config, gradient, m, v)) {
                for (int t = 0; t < 10; t++) {
                    INDArray g = data(t, n, type);
                    INDArray expected = g.dup();
                    reference.applyUpdater(expected, t, 0);
                    gradient.assign(g);
                    step.run(t, 0);
                    String at = type + " step " + t;
                    assertTrue(relative(gradient, expected) < tolerance, at + ": update " + relative(gradient, expected));
                    assertTrue(relative(m, reference.getM()) < tolerance, at + ": first moment");
                    assertTrue(relative(v, reference.getV()) < tolerance, at + ": second moment");
                }
            }
        }
    }
}
