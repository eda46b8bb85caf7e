package org.latentlab.train.aae;

import org.junit.jupiter.api.Test;
import org.latentlab.data.ExampleSet;
import org.latentlab.metrics.TwoSampleTest;
import org.latentlab.model.OptimizerSpec;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a short run on 2-D codes the adversarial autoencoder's code of held-out examples passes for draws of its
 * prior: the kernel two-sample test (MMD², Gaussian kernel of width the prior draws' median distance, threshold from
 * 200 permutations, level α = 0.05) does not reject, while the same test rejects the untrained encoder's code.
 */
class AaeMatchesPriorTest {

    private static final int HELD = 250;

    @Test
    void shortRunCodeFollowsTheGaussianPriorAndAnUntrainedOneDoesNot() {
        ToyCodes all = new ToyCodes(2000 + HELD, 3);
        ExampleSet train = all.range(0, 2000);
        ExampleSet held = all.range(2000, 2000 + HELD);
        AaeSettings s = new AaeSettings(List.of(32, 32), List.of(32, 32), 2, AaePrior.GAUSSIAN, false, 256,
                OptimizerSpec.adam(1e-3, 0.9), OptimizerSpec.adam(2e-4, 0.5));
        AaeTrainer t = new AaeTrainer(s, train, 5, DataType.FLOAT);
        double[] x = new double[HELD * ToyCodes.DIM];
        for (int i = 0; i < HELD; i++) {
            float[] e = held.example(i);
            for (int j = 0; j < ToyCodes.DIM; j++) {
                x[i * ToyCodes.DIM + j] = e[j];
            }
        }
        double[] prior = new double[HELD * 2];
        AaePrior.GAUSSIAN.sample(HELD, 2, null, new Random(99), prior);
        double width = TwoSampleTest.medianDistance(prior, 2);

        TwoSampleTest.Result before = TwoSampleTest.test(t.encode(x, HELD), prior, 2, width, 200, 0.05, 7);
        assertTrue(before.rejects(), "the untrained code already passes for the prior: " + before);

        for (int i = 0; i < 2000; i++) {
            t.iterate();
        }
        TwoSampleTest.Result after = TwoSampleTest.test(t.encode(x, HELD), prior, 2, width, 200, 0.05, 7);
        assertFalse(after.rejects(), "after 2000 iterations the code still fails the test: " + after);
    }
}
