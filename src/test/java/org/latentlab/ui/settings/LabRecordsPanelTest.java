package org.latentlab.ui.settings;

import org.junit.jupiter.api.Test;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.LiveSettings;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.train.RunState;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated panel on the lab's own experiment records: their fields, and their constructors' messages. */
class LabRecordsPanelTest {

    private static SettingsPanelModel panel(Record experiment, Family family) {
        SettingsPanelModel m = new SettingsPanelModel((a, b, before) -> null);
        m.show(experiment, "x", LiveSettings.beforeRun(family), LiveSettings.whilePaused(family));
        m.follow(RunState.READY, false);
        return m;
    }

    @Test
    void aGanExperimentsTrainingBlockAndRunSettings() {
        GanExperiment spec = Presets.loadGan("ring8-nsgan");
        SettingsPanelModel m = panel(spec, Family.GAN);
        SettingGroup form = m.formProperty().get();
        assertEquals(List.of("iterations", "sampleInterval", "checkpointInterval", "seed"),
                form.fields().stream().map(SettingField::path).toList());
        assertEquals(List.of("training"), form.groups().stream().map(SettingGroup::path).toList());
        assertEquals(List.of("training.generatorOptimizer", "training.discriminatorOptimizer"),
                form.groups().get(0).groups().stream().map(SettingGroup::path).toList());
        assertTrue(m.field("training.loss").choices().contains("wgan-gp"));
        assertEquals("nonsaturating", m.field("training.loss").textProperty().get());
        assertEquals("0.001", m.field("training.discriminatorOptimizer.learningRate").textProperty().get());

        String refused = m.set("training.packing", "2");
        assertTrue(refused.startsWith("training.packing is 2, so the discriminator must take"), refused);
        assertEquals("training.discriminatorSteps (k) must be 1..100, not 0", m.set("training.discriminatorSteps", "0"));
        assertNull(m.set("training.discriminatorSteps", "3"));
        assertNull(m.set("training.loss", "wgan-gp"));
        GanExperiment draft = (GanExperiment) m.draft();
        assertEquals(3, draft.training().discriminatorSteps());
        assertEquals(10.0, draft.training().gpLambda(), "WGAN-GP's λ defaults to 10 in GanSettings' constructor");
        assertEquals("10", m.field("training.gpLambda").textProperty().get(), "the field shows the record's value");
    }

    @Test
    void anRbmExperimentsBlockWithItsHiddenSizes() {
        ReconstructionExperiment spec = Presets.loadReconstruction("mnist-dbn");
        SettingsPanelModel m = panel(spec, Family.RBM);
        assertEquals(List.of("rbm"), m.formProperty().get().groups().stream().map(SettingGroup::path).toList(),
                "an RBM experiment has no autoencoder training block");
        assertEquals(SettingField.Kind.LIST, m.field("rbm.hidden").kind());
        assertEquals("hidden layer 2 has 0 units; every RBM needs at least 1 hidden unit",
                m.set("rbm.hidden", "500, 0"));
        assertNull(m.set("rbm.hidden", "300, 100"));
        assertEquals(List.of(300, 100), ((ReconstructionExperiment) m.draft()).rbm().hidden());
        m.follow(RunState.PAUSED, true);
        assertNull(m.set("rbm.k", "5"));
        assertTrue(m.set("rbm.persistent", "true").startsWith("rbm.persistent cannot change now"));
    }
}
