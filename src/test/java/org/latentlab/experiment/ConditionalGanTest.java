package org.latentlab.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ToyDistribution;
import org.latentlab.train.Backend;
import org.latentlab.train.ConditionalBatches;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Latent;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conditional GAN as an experiment: the file's validation, an exact resume from a checkpoint, and a short run on
 * the ring whose labels are the modes, after which each label's samples lie nearest their own mode.
 */
class ConditionalGanTest {

    private static GanExperiment ring;
    private static DataSource ringData;

    @TempDir
    Path runDir;

    @BeforeAll
    static void setUp() {
        Backend.init();
        ring = Presets.loadGan("ring8-cgan");
        ringData = ExperimentData.open(ring, Path.of("."));
    }

    private static String parseError(String preset, String from, String to) {
        String json = Presets.text(preset);
        assertTrue(json.contains(from), from);
        LabException e = assertThrows(LabException.class, () -> ExperimentFiles.parseGan(json.replace(from, to),
                "test"));
        return e.getMessage();
    }

    @Test
    void theFileSaysWhichInputSizeToSet() {
        String json = Presets.text("ring8-cgan");
        int dInput = json.lastIndexOf("\"input\" : [ 10 ]");
        String twoInputs = json.substring(0, dInput) + "\"input\" : [ 2 ]" + json.substring(dInput + 16);
        LabException e = assertThrows(LabException.class, () -> ExperimentFiles.parseGan(twoInputs, "test"));
        assertTrue(e.getMessage().contains("the discriminator takes the example's 2 values and 8 label values: set"
                + " discriminator.input to [10]"), e.getMessage());
        assertTrue(parseError("ring8-cgan", "\"classes\" : 8", "\"classes\" : 12")
                .contains("generator.input holds the latent code and 12 label values"));
        assertTrue(parseError("fashion-cdcgan", "\"input\" : [ 11, 28, 28 ]", "\"input\" : [ 1, 28, 28 ]")
                .contains("the image's 1 channel(s) and 10 label planes: set discriminator.input to [11, 28, 28]"));
        assertTrue(parseError("ring8-cgan", "\"classes\" : 8", "\"classes\" : 1")
                .contains("conditional.classes must be 2..1000"));
        assertTrue(parseError("ring8-cgan", "\"loss\" : \"nonsaturating\"", "\"loss\" : \"wgan-gp\"")
                .contains("a conditional GAN cannot use the wgan-gp loss"));
        assertTrue(parseError("ring8-cgan", "\"gpLambda\" : 0.0", "\"gpLambda\" : 0.0, \"packing\" : 2")
                .contains("a conditional GAN cannot use packing"));
    }

    @Test
    void theDataSetMustHaveAsManyLabelledClasses() {
        GanExperiment spiral = ExperimentFiles.parseGan(Presets.text("ring8-cgan")
                .replace("\"name\" : \"ring8\"", "\"name\" : \"spiral\""), "test");
        LabException none = assertThrows(LabException.class, () -> ExperimentRunner.buildTrainer(spiral,
                ToyDistribution.named("spiral"), DataType.FLOAT));
        assertTrue(none.getMessage().contains("a conditional GAN needs labelled data"), none.getMessage());
        GanExperiment grid = ExperimentFiles.parseGan(Presets.text("ring8-cgan")
                .replace("\"name\" : \"ring8\"", "\"name\" : \"grid25\""), "test");
        LabException count = assertThrows(LabException.class, () -> ExperimentRunner.buildTrainer(grid,
                ToyDistribution.named("grid25"), DataType.FLOAT));
        assertTrue(count.getMessage().contains("conditional.classes is 8 but the data set"), count.getMessage());
        assertTrue(count.getMessage().contains("has 25 classes"), count.getMessage());
    }

    @Test
    void theSpecRoundTripsWithItsLabels() {
        GanExperiment back = ExperimentFiles.parseGan(ExperimentFiles.mapper().valueToTree(ring).toString(), "t");
        assertEquals(ring, back);
        assertEquals(8, back.conditional().classes());
        assertEquals(2, back.latentDim());
        assertTrue(!ExperimentFiles.mapper().valueToTree(Presets.loadGan("ring8-nsgan")).has("conditional"),
                "an unconditional file has no conditional field");
    }

    @Test
    void aResumedConditionalRunMatchesAnUninterruptedOne() {
        GanTrainer straight = build();
        iterate(straight, 30);
        GanTrainer b = build();
        iterate(b, 15);
        Checkpoint.save(runDir, b);
        GanTrainer c = build();
        assertTrue(Checkpoint.restoreLatest(runDir, c));
        iterate(c, 15);
        assertArrayEquals(straight.generator().params().dup().toFloatVector(),
                c.generator().params().dup().toFloatVector(), "G parameters");
        assertArrayEquals(straight.discriminator().params().dup().toFloatVector(),
                c.discriminator().params().dup().toFloatVector(), "D parameters");
        assertArrayEquals(straight.generator().getUpdater().getStateViewArray().dup().toFloatVector(),
                c.generator().getUpdater().getStateViewArray().dup().toFloatVector(), "G's Adam moments");
    }

    /**
     * After 400 iterations each label's samples lie nearest their own mode: the fraction over all labels must pass
     * 0.6, against 1/8 for a G that ignores its label.
     */
    @Test
    void eachLabelsSamplesLieNearestTheirOwnMode() {
        GanTrainer t = build();
        iterate(t, 400);
        ConditionalBatches c = t.conditional().orElseThrow();
        List<double[]> modes = ((ToyDistribution) ringData).modes();
        int perLabel = 200;
        int hits = 0;
        for (int label = 0; label < 8; label++) {
            float[] x = t.generate(c.codes(Latent.gaussian(perLabel, 2, new Random(label), DataType.FLOAT), label))
                    .dup().data().asFloat();
            for (int i = 0; i < perLabel; i++) {
                hits += nearest(modes, x[2 * i], x[2 * i + 1]) == label ? 1 : 0;
            }
        }
        double fraction = hits / (8.0 * perLabel);
        assertTrue(fraction > 0.6, "fraction nearest their own mode " + fraction);
    }

    private static int nearest(List<double[]> modes, double x, double y) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int k = 0; k < modes.size(); k++) {
            double d = Math.hypot(x - modes.get(k)[0], y - modes.get(k)[1]);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
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
