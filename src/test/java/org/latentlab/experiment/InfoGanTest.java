package org.latentlab.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.train.Backend;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.InfoGanCodes;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * InfoGAN (Chen et al. 2016) as an experiment: the file's validation with one-line messages, the round trip of the
 * "infogan" block, an exact resume from a checkpoint (G, D, Q and Q's Adam moments), and the information bound in
 * metrics.csv's sense (at most ln K).
 */
class InfoGanTest {

    private static GanExperiment ring;
    private static DataSource ringData;

    @TempDir
    Path runDir;

    @BeforeAll
    static void setUp() {
        Backend.init();
        ring = Presets.loadGan("ring8-infogan");
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
    void theFileSaysWhatToChange() {
        assertTrue(parseError("ring8-infogan", "\"layer\" : \"d2\"", "\"layer\" : \"d9\"")
                .contains("infogan.layer names 'd9', which is not a hidden layer of the discriminator: use one of"
                        + " [d1, d2]"));
        assertTrue(parseError("ring8-infogan", "\"layer\" : \"d2\"", "\"layer\" : \"d_out\"")
                .contains("which is not a hidden layer"));
        assertTrue(parseError("ring8-infogan", "\"categorical\" : 8", "\"categorical\" : 10")
                .contains("generator.input holds the noise and 10 code values: make it noise + 10"));
        assertTrue(parseError("ring8-infogan", "\"categorical\" : 8", "\"categorical\" : 1")
                .contains("infogan.categorical must be 2..1000"));
        assertTrue(parseError("mnist-infogan", "\"continuous\" : 2", "\"continuous\" : -1")
                .contains("infogan.continuous must be 0..16"));
        assertTrue(parseError("mnist-infogan", "\"lambda\" : 1.0", "\"lambda\" : 0.0")
                .contains("infogan.lambda must be > 0"));
        assertTrue(parseError("ring8-infogan", "\"gpLambda\" : 0.0", "\"gpLambda\" : 0.0, \"packing\" : 2")
                .contains("InfoGAN cannot use packing"));
        assertTrue(parseError("ring8-infogan", "\"gpLambda\" : 0.0", "\"gpLambda\" : 0.0, \"unrollSteps\" : 3")
                .contains("InfoGAN cannot use unrolling"));
        assertTrue(parseError("ring8-infogan", "\"infogan\" : {", "\"conditional\" : {\"classes\" : 8},"
                + " \"infogan\" : {").contains("either conditional or an InfoGAN"));
    }

    @Test
    void theSpecRoundTripsWithItsCodes() {
        GanExperiment back = ExperimentFiles.parseGan(ExperimentFiles.mapper().valueToTree(ring).toString(), "t");
        assertEquals(ring, back);
        assertEquals(8, back.infogan().categorical());
        assertEquals(2, back.latentDim(), "the noise: G's 10 inputs less the 8 code values");
        GanExperiment mnist = Presets.loadGan("mnist-infogan");
        assertEquals(62, mnist.latentDim(), "the paper's 62 noise values");
        assertEquals(new InfoGanSpec(10, 2, "d2", 128, 1, 1), mnist.infogan());
        assertTrue(!ExperimentFiles.mapper().valueToTree(Presets.loadGan("ring8-nsgan")).has("infogan"),
                "a file without InfoGAN has no infogan field");
    }

    @Test
    void aResumedInfoGanRunMatchesAnUninterruptedOne() {
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
        assertArrayEquals(q(straight).params().dup().toFloatVector(), q(c).params().dup().toFloatVector(),
                "Q parameters");
        assertArrayEquals(q(straight).getUpdater().getStateViewArray().dup().toFloatVector(),
                q(c).getUpdater().getStateViewArray().dup().toFloatVector(), "Q's Adam moments");
        double bound = c.lastStats().informationBound;
        assertTrue(bound <= Math.log(8) + 1e-9 && Double.isFinite(bound), "ln K − CE is at most ln 8: " + bound);
        assertEquals(straight.lastStats().informationBound, bound, 0.0);
    }

    @Test
    void theCodeSweepHasARowPerValueAndTheContinuousCodeAlongEachRow() {
        InfoGanCodes codes = new InfoGanCodes(3, 4, 2, DataType.DOUBLE);
        org.nd4j.linalg.api.ndarray.INDArray z = org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0.1, 0.2,
                0.3}});
        org.nd4j.linalg.api.ndarray.INDArray in = InfoGanViews.sweepCodes(codes, 1, 5, z);
        assertEquals(20, in.rows());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3}, codes.labelsOf(in));
        double[] c = codes.continuousOf(in);
        assertArrayEquals(new double[] {0, -2, 0, -1, 0, 0, 0, 1, 0, 2}, java.util.Arrays.copyOf(c, 10), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3},
                java.util.Arrays.copyOf(in.getRow(17).toDoubleVector(), 3), 1e-12, "one noise for the whole sweep");
    }

    private static org.deeplearning4j.nn.multilayer.MultiLayerNetwork q(GanTrainer t) {
        return t.infoGan().orElseThrow().qNetwork();
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
