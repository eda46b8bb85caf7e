package org.latentlab.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.data.ExampleSet;
import org.latentlab.metrics.TwoSampleTest;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.train.Backend;
import org.latentlab.train.aae.AaePrior;
import org.latentlab.train.aae.AaeSettings;
import org.latentlab.train.aae.AaeTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adversarial autoencoder presets' two optimisers hold a code to its prior on data that, like digits, fall into
 * separated clusters. Each phase has an Adam optimiser of its own, and Adam's steps scale with its rate whatever the
 * size of the gradient, so the rates set how fast each phase moves the encoder: with the reconstruction phase five
 * times faster than the regularisation phase (Adam 0.001 against 0.0002) the encoder spreads the clusters apart
 * faster than the discriminator can pull them back, and the code ends far wider than N(0, I); with equal rates it
 * settles on the prior. Tiny networks (32-32), 600 iterations, 250 held-out codes against 250 prior draws; a
 * network this narrow moves its code less per Adam step than the presets' 1000-unit ones, so both rates are scaled by
 * the same factor {@link #SPEED}, which keeps the ratio of the two phases that this test is about.
 */
class AaePresetOptimisersTest {

    private static final int DIM = 20;
    private static final int HELD = 250;
    private static final int ITERATIONS = 600;
    /** Both phases' rates times this on the tiny networks. */
    private static final double SPEED = 2;

    @BeforeAll
    static void backend() {
        Backend.init();
    }

    /** The code's root mean square and its MMD² against N(0, I) after a short run with these optimisers. */
    private static double[] train(OptimizerSpec reconstruction, OptimizerSpec regularisation) {
        TenClusters all = new TenClusters(2000 + HELD, DIM, 3);
        ExampleSet train = all.range(0, 2000);
        ExampleSet held = all.range(2000, 2000 + HELD);
        AaeSettings s = new AaeSettings(List.of(32, 32), List.of(32, 32), 2, AaePrior.GAUSSIAN, false, 100,
                reconstruction, regularisation);
        AaeTrainer t = new AaeTrainer(s, train, 5, DataType.FLOAT);
        for (int i = 0; i < ITERATIONS; i++) {
            t.iterate();
        }
        double[] x = new double[HELD * DIM];
        for (int i = 0; i < HELD; i++) {
            float[] e = held.example(i);
            for (int j = 0; j < DIM; j++) {
                x[i * DIM + j] = e[j];
            }
        }
        double[] codes = t.encode(x, HELD);
        double[] prior = new double[HELD * 2];
        AaePrior.GAUSSIAN.sample(HELD, 2, null, new Random(99), prior);
        double squares = 0;
        for (double c : codes) {
            squares += c * c;
        }
        double width = TwoSampleTest.medianDistance(prior, 2);
        return new double[] {Math.sqrt(squares / codes.length), TwoSampleTest.mmd2(codes, prior, 2, width)};
    }

    @Test
    void presetsOptimisersKeepTheCodeOnItsPrior() {
        Set<List<OptimizerSpec>> pairs = new LinkedHashSet<>();
        for (String name : Presets.aaes()) {
            AaeSettings s = Presets.loadAae(name).aae();
            pairs.add(List.of(s.reconstructionOptimizer(), s.regularisationOptimizer()));
        }
        for (List<OptimizerSpec> p : pairs) {
            double[] r = train(faster(p.get(0), 1), faster(p.get(1), 1));
            String what = "reconstruction " + p.get(0) + ", regularisation " + p.get(1) + ": code rms " + r[0]
                    + " (the prior's 1), MMD² " + r[1];
            assertTrue(r[0] > 0.6 && r[0] < 1.5, what);
            assertTrue(r[1] < 0.08, what);
        }
    }

    @Test
    void aReconstructionPhaseFiveTimesFasterSpreadsTheCodeBeyondItsPrior() {
        AaeSettings s = Presets.loadAae("mnist-aae-gaussian").aae();
        OptimizerSpec regularisation = faster(s.regularisationOptimizer(), 1);
        OptimizerSpec reconstruction = faster(s.reconstructionOptimizer()
                .withLearningRate(s.regularisationOptimizer().learningRate()), 5);
        double[] r = train(reconstruction, regularisation);
        assertTrue(r[0] > 2 && r[1] > 0.2, "reconstruction " + reconstruction + ", regularisation " + regularisation
                + ": code rms " + r[0] + ", MMD² " + r[1]);
    }

    /** The optimiser with its rate times {@link #SPEED} times {@code factor}. */
    private static OptimizerSpec faster(OptimizerSpec o, double factor) {
        return o.withLearningRate(o.learningRate() * SPEED * factor);
    }
}
