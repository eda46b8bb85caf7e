package org.latentlab.experiment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The f-GAN presets on the 8-Gaussian ring (KL against reverse KL, Nowozin et al. 2016) are ring8-nsgan with another
 * loss, and train 300 iterations with every loss and score finite. No claim about what they converge to.
 */
class FGanPresetsTest {

    private static final int ITERATIONS = 300;

    @ParameterizedTest
    @CsvSource({"ring8-fgan-kl, fgan-kl", "ring8-fgan-reverse-kl, fgan-reverse-kl"})
    void thePresetIsTheNonSaturatingRingWithAnFGanLossAndTrainsWithoutNaN(String name, String lossId) {
        GanExperiment spec = Presets.loadGan(name);
        GanLoss loss = GanLoss.parse(lossId);
        assertEquals(loss, spec.training().loss());
        assertTrue(Presets.gans().contains(name), name + " is listed");
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        String expected = ExperimentFiles.toJson(plain).replace("\"ring8-nsgan\"", "\"" + name + "\"")
                .replace("\"nonsaturating\"", "\"" + lossId + "\"").replace(plain.description(), spec.description());
        assertEquals(expected, ExperimentFiles.toJson(spec), "only the name, description and loss differ");

        GanTrainer trainer = GanRecipe.INSTANCE.buildTrainer(spec, ToyDistribution.named("ring8"), DataType.FLOAT);
        for (int i = 1; i <= ITERATIONS; i++) {
            trainer.iterate();
            GanTrainer.StepStats s = trainer.lastStats();
            for (double v : new double[] {s.discriminatorLoss, s.generatorLoss, s.realScore, s.fakeScore}) {
                assertTrue(Double.isFinite(v), name + " at iteration " + i + ": D " + s.discriminatorLoss + ", G "
                        + s.generatorLoss + ", D(x) " + s.realScore + ", D(G(z)) " + s.fakeScore);
            }
            assertTrue(s.realScore >= 0 && s.realScore <= 1 && s.fakeScore >= 0 && s.fakeScore <= 1,
                    name + ": the implied P(real) is a probability");
        }
        assertEquals(ITERATIONS, trainer.iteration());
    }
}
