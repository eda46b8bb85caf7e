package org.latentlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ImageScale;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autoencoder / VAE / RBM experiment files: every bundled preset parses, round-trips through JSON to an equal
 * record and builds a trainer that runs; bad files give one {@link LabException} naming the file, the place in it
 * and what is wrong; a GAN file read as a model experiment (and the reverse) is told apart clearly.
 */
class ReconstructionExperimentTest {

    private static final String SOURCE = "edited.json";

    /** Data sets by their spec: MNIST is read once for all the presets that use it. */
    private static final Map<DatasetSpec, DataSource> DATA = new HashMap<>();

    static List<String> modelPresets() {
        return Presets.reconstructions();
    }

    @ParameterizedTest
    @MethodSource("modelPresets")
    void presetParsesAndRoundTripsThroughJson(String name) {
        ReconstructionExperiment spec = Presets.loadReconstruction(name);
        assertEquals(name, spec.name());
        assertTrue(Presets.reconstructs(name));

        String json = ExperimentFiles.toJson(spec);
        ReconstructionExperiment back = ExperimentFiles.parseReconstruction(json, SOURCE);

        assertEquals(spec, back);
        assertEquals(json, ExperimentFiles.toJson(back), "writing is stable");
        assertFalse(ExperimentFiles.isGan(json, SOURCE), "a model experiment is not taken for a GAN");
    }

    @ParameterizedTest
    @MethodSource("modelPresets")
    synchronized void presetBuildsATrainerThatRuns(String name) {
        ReconstructionExperiment spec = Presets.loadReconstruction(name);
        DataSource data = DATA.computeIfAbsent(spec.dataset(),
                d -> ExperimentData.open(d, Path.of("."), ImageScale.ZERO_TO_ONE));
        ExperimentData.Split split = ExperimentData.split(data, spec.heldOut(), spec.seed());
        ExperimentRunner.checkFits(spec, split.train());

        Trainer trainer = ExperimentRunner.buildTrainer(spec, split.train(), DataType.FLOAT);
        trainer.setDiagnostics(true); // the RBM's noise free energy and the AE's gradient norm are measured then
        trainer.iterate();
        trainer.iterate();

        assertEquals(2, trainer.iteration());
        assertFalse(trainer.isFaulted());
        if (trainer instanceof AutoencoderTrainer t) {
            assertEquals(spec.codeDim(), t.codeDim());
            assertFalse(t.lastLosses().isEmpty());
            t.lastLosses().forEach((k, v) -> assertTrue(Double.isFinite(v), name + ": " + k + " = " + v));
            assertTrue(Double.isFinite(t.lastGradNorm()) || t.phase().contains("pretraining"),
                    name + ": gradient norm " + t.lastGradNorm());
            assertEquals(spec.family() == Family.VAE ? AutoencoderTrainer.Kind.VAE
                    : AutoencoderTrainer.Kind.AUTOENCODER, t.kind());
            System.out.printf("%-28s %-34s %s%n", name, t.phase(), t.lastLosses());
        } else {
            RbmTrainer r = assertInstanceOf(RbmTrainer.class, trainer, name);
            RbmTrainer.Stats s = r.lastStats();
            assertTrue(Double.isFinite(s.reconstructionError()) && Double.isFinite(s.dataFreeEnergy())
                    && Double.isFinite(s.noiseFreeEnergy()) && Double.isFinite(s.gradientNorm()), name + ": " + s);
            System.out.printf("%-28s rbm %s%n", name, s);
        }
    }

    @Test
    void equalityNoticesAChangedField() {
        // guards the round-trip test: equals must not be trivially true
        String edited = edit("mnist-ae-sparse", root -> training(root).put("sparsityTarget", 0.1));
        assertNotEquals(Presets.loadReconstruction("mnist-ae-sparse"), ExperimentFiles.parseReconstruction(edited, SOURCE));
    }

    @Test
    void vaeEncoderWithAnOddOutputIsRefused() {
        String message = failure(edit("mnist-vae", root -> lastLayer(root, "encoder").put("units", 39)));

        assertNamesSource(message);
        assertContains(message, "encoder");
        assertContains(message, "39");
        assertContains(message, "40");
    }

    @Test
    void sparseKlWithoutATargetNamesSparsityTarget() {
        String message = failure(edit("mnist-ae-sparse", root -> training(root).put("sparsityTarget", 0)));

        assertNamesSource(message);
        assertContains(message, "training");
        assertContains(message, "sparsityTarget");
        assertContains(message, "line");
    }

    @Test
    void unknownFamilyListsTheKnownOnes() {
        String message = failure(edit("mnist-ae", root -> root.put("family", "transformer")));

        assertNamesSource(message);
        assertContains(message, "family");
        assertContains(message, "transformer");
        assertContains(message, "autoencoder, vae, rbm");
    }

    @Test
    void badBatchSizeNamesTheField() {
        String message = failure(edit("mnist-vae", root -> training(root).put("batchSize", 0)));

        assertNamesSource(message);
        assertContains(message, "training.batchSize");
        assertContains(message, "not 0");
    }

    @Test
    void unknownFieldInTheTrainingBlockIsNamed() {
        String message = failure(edit("mnist-dae", root -> training(root).put("bogus", 1)));

        assertNamesSource(message);
        assertContains(message, "unknown field 'bogus'");
        assertContains(message, "training");
    }

    @Test
    void vaeWithASparsityPenaltyIsRefused() {
        String message = failure(edit("mnist-vae", root -> training(root).put("penalty", "sparse-l1")
                .put("penaltyWeight", 0.1)));

        assertNamesSource(message);
        assertContains(message, "VAE");
        assertContains(message, "sparse-l1");
    }

    @Test
    void codeSizesThatDoNotMatchAreRefused() {
        String message = failure(edit("mnist-ae", root -> lastLayer(root, "encoder").put("units", 63)));

        assertNamesSource(message);
        assertContains(message, "63");
        assertContains(message, "decoder takes");
    }

    @Test
    void rbmExperimentWithATrainingBlockIsRefused() {
        ObjectNode training = (ObjectNode) tree("mnist-ae").get("training");
        String message = failure(edit("mnist-rbm", root -> root.set("training", training)));

        assertNamesSource(message);
        assertContains(message, "rbm");
        assertContains(message, "training");
    }

    @Test
    void ganFileReadAsAReconstructionExperimentSaysSo() {
        String message = assertThrows(LabException.class,
                () -> ExperimentFiles.parseReconstruction(Presets.text("ring8-nsgan"), SOURCE)).getMessage();
        System.out.println("GAN file read with parseModel: " + message);

        assertNamesSource(message);
        assertContains(message, "GAN experiment");
    }

    @Test
    void ganFileWithAnExplicitFamilyReadAsAReconstructionExperimentSaysSo() {
        String json = Presets.text("ring8-nsgan").replaceFirst("\\{", "{\n  \"family\" : \"gan\",");
        String message = assertThrows(LabException.class, () -> ExperimentFiles.parseReconstruction(json, SOURCE))
                .getMessage();

        assertNamesSource(message);
        assertContains(message, "GAN experiment");
    }

    @Test
    void modelFileReadAsAGanExperimentSaysSo() {
        for (String name : List.of("mnist-ae", "mnist-vae", "mnist-rbm")) {
            String message = assertThrows(LabException.class,
                    () -> ExperimentFiles.parseGan(Presets.text(name), SOURCE)).getMessage();

            assertNamesSource(message);
            assertContains(message, "autoencoder / VAE / RBM experiment");
        }
    }

    @Test
    void encoderThatDoesNotFitTheDataIsNamed() {
        ReconstructionExperiment ring = Presets.loadReconstruction("ring8-ae-2d");
        ReconstructionExperiment mnistAe = Presets.loadReconstruction("mnist-ae");
        ReconstructionExperiment mismatched = new ReconstructionExperiment("mismatch", "", mnistAe.family(), 1, ring.dataset(),
                mnistAe.encoder(), mnistAe.decoder(), mnistAe.training(), null, 10, 5, 5, 0);
        DataSource data = ExperimentData.open(ring.dataset(), Path.of("."), ImageScale.ZERO_TO_ONE);

        String message = assertThrows(LabException.class, () -> ExperimentRunner.checkFits(mismatched, data)).getMessage();

        assertContains(message, "mismatch");
        assertContains(message, "784");
        assertContains(message, "2 values per example");
    }

    private static JsonNode tree(String preset) {
        try {
            return ExperimentFiles.mapper().readTree(Presets.text(preset));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** A preset's JSON with one edit, written back as indented text (so that messages can give lines). */
    private static String edit(String preset, Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) tree(preset);
        change.accept(root);
        try {
            String json = ExperimentFiles.mapper().writeValueAsString(root);
            assertNotEquals(ExperimentFiles.mapper().writeValueAsString(tree(preset)), json, "the edit must apply");
            return json;
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode training(ObjectNode root) {
        return (ObjectNode) root.get("training");
    }

    private static ObjectNode lastLayer(ObjectNode root, String network) {
        JsonNode layers = root.get(network).get("layers");
        return (ObjectNode) layers.get(layers.size() - 1);
    }

    private static String failure(String json) {
        String message = assertThrows(LabException.class, () -> ExperimentFiles.parseReconstruction(json, SOURCE))
                .getMessage();
        System.out.println("message: " + message);
        return message;
    }

    private static void assertNamesSource(String message) {
        assertTrue(message.startsWith(SOURCE + ": "), message);
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
    }
}
