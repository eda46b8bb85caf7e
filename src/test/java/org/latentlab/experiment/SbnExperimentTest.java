package org.latentlab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.train.sbn.SbnSettings;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sigmoid belief net experiment files: the presets are listed as their own family (on the autoencoder bench, not
 * among the GANs or the autoencoder-only tools), read back as written, and a bad file gives one message naming the
 * file and the field.
 */
class SbnExperimentTest {

    private static final String SOURCE = "sbn.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void presetsAreTheirOwnFamilyOnTheModelBench() {
        for (String name : List.of("mnist-sbn", "mnist-sbn-shallow")) {
            assertEquals(Family.SBN, Presets.family(name));
            assertTrue(Presets.sbns().contains(name), name);
            assertTrue(Presets.modelBench().contains(name), name);
            assertTrue(Presets.onModelBench(name), name);
            assertFalse(Presets.gans().contains(name), name + " is not a GAN");
            assertFalse(Presets.reconstructions().contains(name), name + " is not an autoencoder / VAE / RBM");
        }
        assertEquals(List.of("mnist-sbn", "mnist-sbn-shallow"), Presets.sbns(), "in listing order");
        assertTrue(Presets.NAMES.indexOf("mnist-sbn-shallow") < Presets.NAMES.indexOf("mnist-aae-gaussian"),
                "the adversarial autoencoders come after");
        SbnExperiment s = Presets.loadSbn("mnist-sbn");
        assertEquals(List.of(100, 20), s.sbn().hidden());
        assertEquals(20, s.codeDim());
        assertEquals(1000, s.heldOut());
        assertEquals(List.of(100), Presets.loadSbn("mnist-sbn-shallow").sbn().hidden());
    }

    @Test
    void roundTripsThroughJson() {
        SbnExperiment s = Presets.loadSbn("mnist-sbn").withIterations(77).withSeed(5).withIntervals(7, 11)
                .withSettings(new SbnSettings(List.of(30, 10, 3), 0.05, 0.2, 8)).withName("edited");
        String json = ExperimentFiles.toJson(s);
        assertTrue(json.startsWith("{\n  \"family\" : \"sbn\","), json);
        assertEquals(s, ExperimentFiles.parseSbn(json, SOURCE));
        assertEquals(s, ExperimentFiles.parse(json, SOURCE));
        assertEquals(s, ExperimentFiles.parseModel(json, SOURCE));
        assertInstanceOf(SbnExperiment.class, ExperimentFiles.parse(Presets.text("mnist-sbn-shallow"), SOURCE));
    }

    @Test
    void aMissingHeldOutTakesTheDefault() {
        SbnExperiment s = ExperimentFiles.parseSbn(edit(root -> root.remove("heldOut")), SOURCE);
        assertEquals(SbnExperiment.DEFAULT_HELD_OUT, s.heldOut());
    }

    @Test
    void badFieldsAreNamed() {
        assertFailure("sbn.hidden: layer 2 has 0 units", root -> sbn(root).putArray("hidden").add(100).add(0));
        assertFailure("sbn.hidden: give at least one", root -> sbn(root).putArray("hidden"));
        assertFailure("sbn.generativeRate: -0.1", root -> sbn(root).put("generativeRate", -0.1));
        assertFailure("sbn.recognitionRate: 20.0", root -> sbn(root).put("recognitionRate", 20.0));
        assertFailure("sbn.batch: 0 images", root -> sbn(root).put("batch", 0));
        assertFailure("sbn: the wake-sleep settings are missing", root -> root.remove("sbn"));
        assertFailure("iterations: 1 to", root -> root.put("iterations", 0));
        assertFailure("sampleInterval:", root -> root.put("sampleInterval", 0));
        assertFailure("checkpointInterval:", root -> root.put("checkpointInterval", -3));
        assertFailure("heldOut: at least 10", root -> root.put("heldOut", 5));
        assertFailure("name: letters, digits", root -> root.put("name", "a b"));
        assertFailure("dataset: a sigmoid belief net models binary pixels",
                root -> root.putObject("dataset").put("kind", "toy").put("name", "ring8"));
    }

    @Test
    void otherReadersSayWhereAnSbnExperimentGoes() {
        String json = Presets.text("mnist-sbn");
        String asAutoencoder = assertThrows(LabException.class,
                () -> ExperimentFiles.parseReconstruction(json, SOURCE)).getMessage();
        assertTrue(asAutoencoder.startsWith(SOURCE + ": this is a sigmoid belief net experiment"), asAutoencoder);
        String asGan = assertThrows(LabException.class, () -> ExperimentFiles.parseGan(json, SOURCE)).getMessage();
        assertTrue(asGan.startsWith(SOURCE + ": this is a sigmoid belief net experiment"), asGan);
        String ganAsSbn = assertThrows(LabException.class,
                () -> ExperimentFiles.parseSbn(Presets.text("ring8-nsgan"), SOURCE)).getMessage();
        assertEquals(SOURCE + ": this is a GAN experiment, not a sigmoid belief net (\"family\": \"sbn\")", ganAsSbn);
    }

    private static void assertFailure(String part, Consumer<ObjectNode> change) {
        String message = assertThrows(LabException.class, () -> ExperimentFiles.parseSbn(edit(change), SOURCE))
                .getMessage();
        assertTrue(message.startsWith(SOURCE + ": "), message);
        assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
    }

    private static ObjectNode sbn(ObjectNode root) {
        return (ObjectNode) root.get("sbn");
    }

    private static String edit(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Presets.text("mnist-sbn"));
            change.accept(root);
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
