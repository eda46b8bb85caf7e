package org.latentlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.LayerSpec;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * The minibatch-discrimination preset: ring8-nsgan with one layer more in D, training on the engine with finite
 * losses; and the one loss that refuses the layer.
 */
class MinibatchPresetTest {

    @Test
    void theMinibatchPresetIsRing8WithTheLayerInDAndTrains() {
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        GanExperiment mbd = Presets.loadGan("ring8-minibatch");
        assertEquals(plain.generator(), mbd.generator());
        assertEquals(plain.training(), mbd.training());
        List<LayerSpec> layers = mbd.discriminator().layers();
        assertTrue(layers.get(2) instanceof LayerSpec.MinibatchDiscrimination, layers.toString());
        GanTrainer trainer = ExperimentRunner.buildTrainer(mbd, ToyDistribution.named("ring8"), DataType.FLOAT);
        for (int i = 0; i < 100; i++) {
            trainer.iterate();
        }
        assertTrue(Double.isFinite(trainer.lastStats().discriminatorLoss));
        assertTrue(Double.isFinite(trainer.lastStats().generatorLoss));
    }

    @Test
    void wganGpRefusesItNamingTheLayer() {
        GanExperiment mbd = Presets.loadGan("ring8-minibatch");
        GanSettings t = mbd.training();
        GanSettings gp = new GanSettings(GanLoss.WGAN_GP, t.discriminatorSteps(), t.batchSize(),
                t.generatorOptimizer(), t.discriminatorOptimizer(), false, 0, 0, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GanExperiment(
                mbd.name(), mbd.description(), mbd.seed(), mbd.dataset(), mbd.generator(), mbd.discriminator(), gp,
                mbd.iterations(), mbd.sampleInterval(), mbd.checkpointInterval()));
        assertTrue(e.getMessage().contains("'d_minibatch'"), e.getMessage());
    }
}
