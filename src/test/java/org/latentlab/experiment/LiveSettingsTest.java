package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.data.DataSource;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.geometry.TinyRuns;
import org.latentlab.train.Backend;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings a paused run may change, per family: each is a setting of the family's experiment file, each one
 * changed alone is taken by a freshly built trainer (and is then the trainer's setting), and the settings that shape a
 * network or the optimiser's state are refused.
 */
class LiveSettingsTest {

    private static final ObjectMapper JSON = ExperimentFiles.mapper();

    @BeforeAll
    static void backend() {
        Backend.init();
    }

    @Test
    void theListsNameWhatEachFamilysTrainerTakesMidRun() {
        assertTrue(LiveSettings.whilePaused(Family.GAN).containsAll(Set.of(
                "training.discriminatorOptimizer.learningRate", "training.generatorOptimizer.learningRate",
                "training.discriminatorSteps", "training.r1Gamma", "training.historicalAveraging",
                "training.unrollSteps")));
        assertTrue(LiveSettings.whilePaused(Family.VAE).containsAll(Set.of("training.beta",
                "training.optimizer.learningRate", "training.corruptionLevel", "training.penaltyWeight",
                "training.sparsityTarget")));
        assertEquals(LiveSettings.whilePaused(Family.AUTOENCODER), LiveSettings.whilePaused(Family.VAE));
        assertEquals(Set.of("rbm.k", "rbm.learningRate", "rbm.momentum", "rbm.weightDecay"),
                LiveSettings.whilePaused(Family.RBM));
        for (String fixed : List.of("training.packing", "training.spectralNorm", "training.loss",
                "training.batchSize", "training.generatorOptimizer.beta1")) {
            assertFalse(LiveSettings.isLiveSafe(Family.GAN, fixed), fixed);
        }
        for (String fixed : List.of("training.penalty", "training.tiedWeights", "training.pretraining",
                "training.reconstruction", "training.batchSize")) {
            assertFalse(LiveSettings.isLiveSafe(Family.VAE, fixed), fixed);
        }
        assertFalse(LiveSettings.isLiveSafe(Family.RBM, "rbm.hidden"));
        assertFalse(LiveSettings.isLiveSafe(Family.RBM, "rbm.persistent"));
        assertEquals(List.of("rbm", "iterations", "sampleInterval", "checkpointInterval", "seed"),
                LiveSettings.beforeRun(Family.RBM));
    }

    @Test
    void aGanTrainerTakesEachLiveSetting() throws Exception {
        GanExperiment spec = TinyRuns.ringGan(100);
        takesEach(spec, () -> ExperimentRunner.buildTrainer(spec, data(spec), DataType.FLOAT));
    }

    @Test
    void anAutoencoderAndAVaeTrainerTakeEachLiveSetting() throws Exception {
        for (Family f : List.of(Family.AUTOENCODER, Family.VAE)) {
            ReconstructionExperiment spec = TinyRuns.ringModel(f, 100, 50);
            takesEach(spec, () -> ExperimentRunner.buildTrainer(spec, data(spec), DataType.FLOAT));
        }
    }

    @Test
    void anRbmTrainerTakesEachLiveSetting() throws Exception {
        ReconstructionExperiment spec = Presets.loadReconstruction("mnist-rbm");
        takesEach(spec, () -> ExperimentRunner.buildTrainer(spec, data(spec), DataType.FLOAT));
    }

    @Test
    void aChangeOutsideTheListIsRefused() {
        GanExperiment spec = TinyRuns.ringGan(100);
        GanExperiment packed = spec.withTraining(spec.training().withDiscriminatorSteps(2)).withIterations(7);
        List<SettingsChanges.Entry> changes = SettingsChanges.diff(spec, packed, 5);
        assertEquals(List.of("training.discriminatorSteps", "iterations"),
                changes.stream().map(SettingsChanges.Entry::field).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SettingsChanges.checkLive(Family.GAN, changes));
        assertTrue(e.getMessage().startsWith("iterations cannot change during a run"), e.getMessage());
    }

    private interface Build {
        Trainer get();
    }

    private static DataSource data(Experiment<?> spec) {
        DataSource all = ExperimentData.open(spec.dataset(), Path.of("."), ImageScale.ZERO_TO_ONE);
        int heldOut = spec instanceof ReconstructionExperiment r ? r.heldOut() : 0;
        return heldOut == 0 ? all : ExperimentData.split(all, heldOut, spec.seed()).train();
    }

    /** Changes each live-safe setting alone (a number halved or raised by one, a layer named) on a fresh trainer. */
    private static void takesEach(Experiment<?> spec, Build build) throws Exception {
        Trainer trainer = build.get();
        for (String path : LiveSettings.whilePaused(spec.family())) {
            ObjectNode tree = JSON.valueToTree(spec);
            String[] parts = path.split("\\.");
            ObjectNode parent = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = (ObjectNode) parent.get(parts[i]);
            }
            JsonNode old = parent.get(parts[parts.length - 1]);
            JsonNode changed = changedValue(spec, path, old);
            parent.set(parts[parts.length - 1], changed);
            Experiment<?> next = JSON.treeToValue(tree, spec.getClass());
            List<SettingsChanges.Entry> diff = SettingsChanges.diff(spec, next, 0);
            assertEquals(List.of(path), diff.stream().map(SettingsChanges.Entry::field).toList());
            SettingsChanges.checkLive(spec.family(), diff);
            SettingsChanges.apply(trainer, next);
            JsonNode inForce = JSON.valueToTree(settingsOf(trainer));
            JsonNode expected = ((JsonNode) JSON.valueToTree(next)).get(LiveSettings.block(spec.family()));
            assertEquals(expected, inForce, path + " taken by the trainer");
            SettingsChanges.apply(trainer, spec); // back, so each change is alone
        }
    }

    private static JsonNode changedValue(Experiment<?> spec, String path, JsonNode old) {
        if (path.equals("training.featureMatching")) {
            return TextNode.valueOf(GanExperiment.featureMatchingLayers(((GanExperiment) spec).discriminator()).get(0));
        }
        if (path.equals("training.sparsityTarget")) {
            return DoubleNode.valueOf(0.05);
        }
        if (old.isIntegralNumber()) {
            return IntNode.valueOf(old.asInt() + 1);
        }
        double v = old.asDouble();
        return DoubleNode.valueOf(v == 0 ? 0.1 : v / 2);
    }

    private static Object settingsOf(Trainer t) {
        if (t instanceof GanTrainer g) {
            return g.settings();
        }
        if (t instanceof AutoencoderTrainer a) {
            return a.settings();
        }
        return ((RbmTrainer) t).settings();
    }
}
