package org.latentlab.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.train.Backend;
import org.latentlab.train.BiganView;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BiGAN as an experiment (Donahue et al. 2017): the file's validation, the spec's round trip, an exact resume
 * from a checkpoint (E included), and a short run on the ring after which G(E(x)) of held-out points lies much
 * nearer x than at the start (E ≈ G⁻¹ at the game's optimum is not testable quickly; this is its visible part).
 */
class BiganExperimentTest {

    private static GanExperiment ring;
    private static DataSource ringData;

    @TempDir
    Path runDir;

    @BeforeAll
    static void setUp() {
        Backend.init();
        ring = Presets.loadGan("ring8-bigan");
        ringData = ExperimentData.open(ring, Path.of("."));
    }

    private static String parseError(String from, String to) {
        String json = Presets.text("ring8-bigan");
        assertTrue(json.contains(from), from);
        LabException e = assertThrows(LabException.class, () -> ExperimentFiles.parseGan(json.replace(from, to),
                "test"));
        return e.getMessage();
    }

    @Test
    void theFileSaysWhatToChange() {
        assertTrue(parseError("\"input\": [\n      4\n    ]", "\"input\": [2]").contains("a BiGAN's discriminator"
                + " takes the example's 2 values followed by the 2 code values: set discriminator.input to [4],"
                + " not 2"));
        assertTrue(parseError("\"name\": \"e_out\",\n          \"units\": 2", "\"name\": \"e_out\", \"units\": 3")
                .contains("bigan.encoder outputs 3 but the generator takes a code of 2: end E with a dense layer"
                        + " of 2 units"));
        assertTrue(parseError("\"loss\": \"nonsaturating\"", "\"loss\": \"lsgan\"")
                .contains("a BiGAN cannot use the lsgan loss"));
        assertTrue(parseError("\"heldOut\": 1000", "\"heldOut\": 5").contains("bigan.heldOut must be 10..100000"));
        assertTrue(parseError("\"bigan\": {", "\"conditional\": {\"classes\": 8}, \"bigan\": {")
                .contains("either conditional or a BiGAN"));
    }

    @Test
    void theSpecRoundTripsWithItsEncoder() {
        GanExperiment back = ExperimentFiles.parseGan(ExperimentFiles.mapper().valueToTree(ring).toString(), "t");
        assertEquals(ring, back);
        assertTrue(back.learnsEncoder());
        assertEquals(2, back.bigan().encoder().output().size());
        assertTrue(!ExperimentFiles.mapper().valueToTree(Presets.loadGan("ring8-nsgan")).has("bigan"),
                "a GAN without an encoder has no bigan field");
    }

    @Test
    void aResumedBiganRunMatchesAnUninterruptedOne() {
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
        var e1 = straight.bigan().orElseThrow().encoder();
        var e2 = c.bigan().orElseThrow().encoder();
        assertArrayEquals(e1.params().dup().toFloatVector(), e2.params().dup().toFloatVector(), "E parameters");
        assertArrayEquals(e1.getUpdater().getStateViewArray().dup().toFloatVector(),
                e2.getUpdater().getStateViewArray().dup().toFloatVector(), "E's Adam moments");
    }

    /**
     * After a short run the held-out error of G(E(x)) falls to under half its value at the first parameters: the
     * preset's networks narrowed to 64 units, batch 128, learning rate 1e-3, whose error stays under half its start
     * from iteration 300 to 1000 and more (measured every 100), so the margin does not hang on one iteration.
     */
    @Test
    void aShortRunLowersTheHeldOutReconstructionError() {
        String json = Presets.text("ring8-bigan").replace("\"units\": 128", "\"units\": 64")
                .replace("\"batchSize\": 256", "\"batchSize\": 128").replace("\"learningRate\": 0.0002",
                        "\"learningRate\": 0.001");
        GanExperiment small = ExperimentFiles.parseGan(json, "test");
        assertEquals(128, small.training().batchSize(), "the narrowed experiment");
        GanTrainer t = ExperimentRunner.buildTrainer(small, ringData, DataType.FLOAT);
        BiganViews views = new BiganViews(ringData, null, ring.seed());
        double start = views.heldOutMse(t);
        iterate(t, ITERATIONS);
        double end = views.heldOutMse(t);
        assertTrue(end < 0.5 * start, "held-out MSE " + start + " -> " + end);
        BiganView v = views.view(t);
        assertTrue(v.points());
        assertEquals(BiganViews.ENCODED, v.encoded());
        assertEquals(BiganViews.ENCODED, v.labels().length, "ring8's points carry their mode");
        assertEquals(8, v.labelNames().size());
        assertEquals(end, v.heldOutMse(), 1e-12);
    }

    private static final int ITERATIONS = 600;

    private static GanTrainer build() {
        return ExperimentRunner.buildTrainer(ring, ringData, DataType.FLOAT);
    }

    private static void iterate(GanTrainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }
}
