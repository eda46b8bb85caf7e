package org.latentlab.experiment.sweep;

import org.junit.jupiter.api.Test;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.GanSettings;
import org.latentlab.train.UnrollGradient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled sweeps that reproduce PacGAN's Table 1 (Lin et al. 2018) and VEEGAN's ring and grid rows
 * (Srivastava et al. 2017) expand, without training, into runs that carry the papers' settings: networks, optimiser,
 * batch, iterations, packing and unrolling, ten random seeds per combination.
 */
class PaperSweepsTest {

    private static GanExperiment experiment(SweepPlan plan, int combination) {
        return (GanExperiment) plan.combinations().get(combination).experiment();
    }

    @Test
    void pacganSweepsTrainThePapersNetworksOnPacksOfOneToFour() {
        for (String name : List.of("pacgan-ring", "pacgan-grid")) {
            SweepPlan plan = SweepFiles.plan(name);
            assertEquals(List.of("GAN", "PacGAN2", "PacGAN3", "PacGAN4"),
                    plan.combinations().stream().map(SweepPlan.Combination::label).toList(), name);
            assertEquals(40, plan.runs().size(), name);
            assertEquals(10, plan.runs().stream().map(SweepPlan.Run::seed).distinct().count(), name);
            for (int m = 1; m <= 4; m++) {
                GanExperiment e = experiment(plan, m - 1);
                GanSettings t = e.training();
                assertEquals(400_000, e.iterations(), name);
                assertEquals(m, t.packing(), name);
                assertEquals(100 * m, t.batchSize(), name + ": 100 packs of m samples");
                assertEquals(1e-4, t.generatorOptimizer().learningRate(), 0.0);
                assertEquals(0.8, t.discriminatorOptimizer().beta1(), 0.0);
                NetworkSpec d = e.discriminator();
                assertEquals(Shape.vector(2 * m), d.input(), name);
                assertEquals(3, d.layers().stream().filter(l -> l.equals(new LayerSpec.Maxout(l.name(), 200, 5)))
                        .count(), name + ": three maxout layers of 200 units x 5 pieces");
                NetworkSpec g = e.generator();
                assertEquals(Shape.vector(2), g.input());
                assertEquals(4, g.layers().stream().filter(l -> l instanceof LayerSpec.BatchNorm).count());
                assertEquals(4, g.layers().stream().filter(l -> l instanceof LayerSpec.Dense d1 && d1.units() == 400)
                        .count());
            }
        }
        assertEquals("ring8-pacgan", experiment(SweepFiles.plan("pacgan-ring"), 0).dataset().name());
        assertEquals("grid25", experiment(SweepFiles.plan("pacgan-grid"), 0).dataset().name());
    }

    @Test
    void veeganSweepsCompareThePlainGanWithTheExactUnrolledGan() {
        for (String name : List.of("veegan-ring", "veegan-grid")) {
            SweepPlan plan = SweepFiles.plan(name);
            assertEquals(List.of("GAN", "Unrolled GAN"),
                    plan.combinations().stream().map(SweepPlan.Combination::label).toList(), name);
            assertEquals(20, plan.runs().size(), name);
            GanExperiment plain = experiment(plan, 0);
            GanExperiment unrolled = experiment(plan, 1);
            assertEquals(0, plain.training().unrollSteps());
            assertEquals(5, unrolled.training().unrollSteps());
            assertEquals(UnrollGradient.EXACT, unrolled.training().unrollGradient());
            assertEquals(500, plain.training().batchSize());
            assertEquals(254, plain.latentDim());
            assertEquals(plain.generator(), unrolled.generator());
            assertTrue(plain.description().contains("VEEGAN"), plain.description());
        }
        assertEquals("ring8", experiment(SweepFiles.plan("veegan-ring"), 0).dataset().name());
        assertEquals("grid25", experiment(SweepFiles.plan("veegan-grid"), 0).dataset().name());
    }
}
