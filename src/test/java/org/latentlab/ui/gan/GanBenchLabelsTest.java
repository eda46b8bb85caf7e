package org.latentlab.ui.gan;

import org.junit.jupiter.api.Test;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanStatus;
import org.latentlab.train.RunState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the GAN bench says, without a screen: the description after Apply, D's labels per loss, single steps. */
class GanBenchLabelsTest {

    private static GanStatus status(long iteration, int partialD, int partialG, GanSettings settings) {
        return new GanStatus(RunState.PAUSED, iteration, 1000, partialD, partialG, 0.7, 0.7, 0.5, 0.5,
                Double.NaN, Double.NaN, Double.NaN, settings, 1200, Double.NaN, null, null, "",
                false);
    }

    @Test
    void theDescriptionNamesTheLearningRatesInForce() {
        GanExperiment spec = Presets.loadGan("ring8-nsgan");
        GanSettings applied = spec.training().withLearningRates(0.0042, 0.0017).withDiscriminatorSteps(3);
        String before = GanBenchText.describe(spec, spec.training());
        String after = GanBenchText.describe(spec, applied);
        String oldRate = "lr=" + spec.training().discriminatorOptimizer().learningRate();
        assertTrue(before.contains(oldRate), before);
        assertTrue(after.contains("D Adam lr=0.0042") || after.contains("D RMSProp lr=0.0042")
                || after.contains("D SGD lr=0.0042"), after);
        assertTrue(after.contains("lr=0.0017"), after);
        assertTrue(after.contains("k = 3"), after);
        assertFalse(after.contains(oldRate + " "), "the old rate is gone: " + after);
    }

    @Test
    void aCriticIsNotCalledAProbability() {
        for (GanLoss loss : GanLoss.values()) {
            ScoreLabels l = ScoreLabels.of(loss);
            if (loss.probabilistic()) {
                assertTrue(l.heatLegend().contains("belief that a point is real"), l.heatLegend());
                assertEquals("D(x)", l.real());
            } else if (loss.fDivergence().isPresent()) {
                assertFalse(l.heatLegend().contains("belief"), loss + ": " + l.heatLegend());
                assertTrue(l.heatLegend().contains(loss.fDivergence().get().label()), l.heatLegend());
                assertTrue(l.axis().startsWith("implied"), loss + ": " + l.axis());
                assertTrue(l.heatToggle().contains("implied"), loss + ": " + l.heatToggle());
            } else {
                assertFalse(l.heatLegend().contains("belief"), loss + ": " + l.heatLegend());
                assertFalse(l.axis().contains("probab"), loss + ": " + l.axis());
                assertFalse(l.heatToggle().contains("D(x)"), loss + ": " + l.heatToggle());
                assertTrue(l.heatLegend().contains("not a probability") || loss == GanLoss.LSGAN, l.heatLegend());
            }
        }
        assertEquals("Critic scores", ScoreLabels.of(GanLoss.WGAN).chartTitle());
        assertEquals("Critic scores", ScoreLabels.of(GanLoss.WGAN_GP).chartTitle());
    }

    @Test
    void singleStepsGoBetweenIterationsInTheOrderMade() {
        GanSettings t = Presets.loadGan("ring8-nsgan").training();
        double it = GanCurves.chartX(status(7, 0, 0, t));
        double d1 = GanCurves.chartX(status(7, 1, 0, t));
        double d1g1 = GanCurves.chartX(status(7, 1, 1, t));
        double d5g5 = GanCurves.chartX(status(7, 5, 5, t));
        double next = GanCurves.chartX(status(8, 0, 0, t));
        assertEquals(7.0, it);
        assertTrue(it < d1 && d1 < d1g1 && d1g1 < d5g5 && d5g5 < next, it + " " + d1 + " " + d1g1 + " " + d5g5);
        String label = GanBenchText.iteration(status(7, 2, 1, t));
        assertTrue(label.startsWith("it 7 +2 D +1 G / 1,000"), label);
        assertTrue(label.contains("– it/s"), label);
        assertFalse(label.contains("NaN"), label);
    }

    @Test
    void anEnergyBasedRunSaysEnergiesAndAnInfoGanSaysItsDotsAreColouredByCode() {
        GanExperiment ebgan = Presets.loadGan("ring8-ebgan");
        String line = GanBenchText.losses(status(7, 0, 0, ebgan.training()), ebgan);
        assertTrue(line.contains("mean E(x), real") && line.contains("mean E(G(z))"), line);
        assertFalse(line.contains("s(x)"), line);
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        assertTrue(GanBenchText.losses(status(7, 0, 0, plain.training()), plain).contains("D(G(z))"));
        String info = ScoreLabels.of(Presets.loadGan("ring8-infogan")).heatLegend();
        assertTrue(info.contains("categorical code"), info);
        assertFalse(info.contains("purple dots"), info);
        assertTrue(ScoreLabels.of(plain).heatLegend().contains("purple dots: G(z)"));
    }
}
