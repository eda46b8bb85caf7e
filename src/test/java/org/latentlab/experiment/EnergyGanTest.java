package org.latentlab.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.train.Backend;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The energy-based GAN as an experiment: the file's one-line refusals (D's output size, the code layer, the
 * settings that need one score per example), its round trip, and a resume from a checkpoint that equals an
 * uninterrupted run bit for bit.
 */
class EnergyGanTest {

    private static GanExperiment ring;
    private static DataSource ringData;

    @TempDir
    Path runDir;

    @BeforeAll
    static void setUp() {
        Backend.init();
        ring = Presets.loadGan("ring8-ebgan-pt");
        ringData = ExperimentData.open(ring, Path.of("."));
    }

    private static String parseError(String preset, String from, String to) {
        String json = Presets.text(preset);
        assertTrue(json.contains(from), from);
        LabException e = assertThrows(LabException.class, () -> ExperimentFiles.parseGan(json.replace(from, to),
                "test"));
        return e.getMessage();
    }

    private static void says(String message, String expected) {
        assertTrue(message.contains(expected), message);
    }

    @Test
    void theFileSaysWhatToChange() {
        says(parseError("ring8-ebgan-pt", "\"name\" : \"d_out\",\n      \"units\" : 2",
                "\"name\" : \"d_out\",\n      \"units\" : 3"), "it must output the data's 2 values");
        says(parseError("mnist-ebgan", "\"name\" : \"d_out\",\n      \"units\" : 784",
                "\"name\" : \"d_out\",\n      \"units\" : 1"), "end D with a dense layer of 784 units");
        says(parseError("ring8-ebgan-pt", "\"codeLayer\" : \"d_code\"", "\"codeLayer\" : \"code\""),
                "energy.codeLayer names layer 'code', which is not a hidden layer of the discriminator: use one of"
                        + " [d_enc, d_code, d_dec]");
        says(parseError("ring8-ebgan-pt", "\"codeLayer\" : \"d_code\"", "\"codeLayer\" : \"\""),
                "name the encoder's last layer of D in energy.codeLayer");
        says(parseError("ring8-ebgan", "\"margin\" : 0.5", "\"margin\" : 0"), "energy.margin must be a positive");
        says(parseError("ring8-ebgan", "\"loss\" : \"hinge\"", "\"loss\" : \"nonsaturating\""),
                "set training.loss to \"hinge\", not \"nonsaturating\"");
        says(parseError("ring8-ebgan", "\"r1Gamma\" : 0.0", "\"r1Gamma\" : 1.0"),
                "R1 penalises the gradient of D's score");
        says(parseError("ring8-ebgan", "\"featureMatching\" : \"\"", "\"featureMatching\" : \"d_enc\""),
                "set featureMatching to \"\"");
        says(parseError("ring8-ebgan", "\"packing\" : 1", "\"packing\" : 2"), "set packing to 1");
        // label smoothing is refused by the hinge loss itself (it applies to probabilistic losses)
        says(parseError("ring8-ebgan", "\"labelSmoothing\" : false", "\"labelSmoothing\" : true"),
                "not hinge");
        String exact = Presets.text("ring8-ebgan").replace("\"unrollSteps\" : 0", "\"unrollSteps\" : 2")
                .replace("\"unrollGradient\" : \"first-order\"", "\"unrollGradient\" : \"exact\"");
        says(assertThrows(LabException.class, () -> ExperimentFiles.parseGan(exact, "test")).getMessage(),
                "use the first-order form");
        // a score D in an energy file: the size is named
        says(parseError("ring8-nsgan", "\"checkpointInterval\" : 2000", "\"checkpointInterval\" : 2000, \"energy\" :"
                + " {\"margin\" : 1}"), "it must output the data's 2 values, not 1:");
    }

    @Test
    void theSpecRoundTripsWithItsEnergyBlock() {
        GanExperiment back = ExperimentFiles.parseGan(ExperimentFiles.mapper().valueToTree(ring).toString(), "t");
        assertEquals(ring, back);
        assertTrue(back.energyBased());
        assertEquals("d_code", back.energy().codeLayer());
        assertEquals(0.1, back.energy().pullAwayScale(), 0);
        assertFalse(ExperimentFiles.mapper().valueToTree(Presets.loadGan("ring8-nsgan")).has("energy"),
                "a score GAN's file has no energy field");
        for (String name : new String[] {"mnist-ebgan", "mnist-ebgan-pt", "ring8-ebgan"}) {
            assertTrue(Presets.gans().contains(name), name);
            assertTrue(Presets.loadGan(name).energyBased(), name);
        }
        assertFalse(Presets.loadGan("mnist-ebgan").energy().pullAway());
        assertTrue(Presets.loadGan("mnist-ebgan-pt").energy().pullAway());
    }

    @Test
    void aResumedEnergyRunMatchesAnUninterruptedOne() {
        GanTrainer straight = build();
        iterate(straight, 20);
        GanTrainer b = build();
        iterate(b, 10);
        Checkpoint.save(runDir, b);
        GanTrainer c = build();
        assertTrue(Checkpoint.restoreLatest(runDir, c));
        iterate(c, 10);
        assertArrayEquals(straight.generator().params().dup().toFloatVector(),
                c.generator().params().dup().toFloatVector(), "G parameters");
        assertArrayEquals(straight.discriminator().params().dup().toFloatVector(),
                c.discriminator().params().dup().toFloatVector(), "D parameters");
        assertArrayEquals(straight.discriminator().getUpdater().getStateViewArray().dup().toFloatVector(),
                c.discriminator().getUpdater().getStateViewArray().dup().toFloatVector(), "D's Adam moments");
        assertEquals(straight.lastStats().generatorLoss, c.lastStats().generatorLoss, 0, "G's loss");
        assertTrue(Double.isFinite(straight.energy().orElseThrow().lastPullAway()));
    }

    private static GanTrainer build() {
        return ExperimentRunner.buildTrainer(ring, ringData, DataType.FLOAT);
    }

    private static void iterate(GanTrainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }
}
