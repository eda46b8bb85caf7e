package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.train.Metric;
import org.latentlab.train.cyclegan.CycleGanTrainer;
import org.latentlab.train.vaegan.VaeGanTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run folder's metrics rows read back as the curves a reopened run draws before it trains again. */
class RecordedCurvesTest {

    @TempDir
    Path dir;

    @Test
    void rowsUpToTheCheckpointBecomeLossAndMetricCurvesSkippingEmptyCellsAndCutRows() throws IOException {
        Files.writeString(dir.resolve("metrics.csv"), String.join("\n",
                "iteration,elapsed_s,d_loss,g_loss,penalty,modes_covered,js_grid",
                "20,0.5,1.25,0.75,,3,0.4",
                "40,1.0,1.5,0.5,,,",
                "60,1.5,1.0,1.0,,8,0.1",
                "80,2.0,2.0", // cut off by a killed process
                "100,2.5,9,9,,9,9", // after the checkpoint resumed from
                ""));
        RecordedCurves r = RecordedCurves.read(dir, 80, c -> c.equals("penalty") ? null : c);

        assertEquals(List.of("d_loss", "g_loss"), List.copyOf(r.losses().keySet()), "penalty is not drawn");
        assertArrayEquals(new double[] {20, 40, 60}, r.loss("d_loss").x());
        assertArrayEquals(new double[] {1.25, 1.5, 1.0}, r.loss("d_loss").y());
        assertArrayEquals(new double[] {0.75, 0.5, 1.0}, r.loss("g_loss").y());
        assertArrayEquals(new double[] {20, 60}, r.measured(Metric.MODES_COVERED).x(), "no measurement at 40");
        assertArrayEquals(new double[] {3, 8}, r.measured(Metric.MODES_COVERED).y());
        assertArrayEquals(new double[] {0.4, 0.1}, r.measured(Metric.JENSEN_SHANNON).y());
        assertTrue(r.measured(Metric.WASSERSTEIN_1).isEmpty());
    }

    @Test
    void aFolderWithoutMetricsHasNothingRecorded() {
        assertSame(RecordedCurves.EMPTY, RecordedCurves.read(dir, 100, c -> c));
        assertTrue(RecordedCurves.EMPTY.isEmpty());
    }

    @Test
    void theFamiliesFindTheLossPartsTheirStatusesNameFromTheColumnsTheyWrite() {
        for (String part : List.of(CycleGanTrainer.GAN_G, CycleGanTrainer.GAN_F, CycleGanTrainer.CYCLE,
                CycleGanTrainer.IDENTITY, CycleGanTrainer.LOSS_D_A, CycleGanTrainer.LOSS_D_B)) {
            assertEquals(part, CycleGanRecipe.INSTANCE.lossPart(CycleGanRecipe.INSTANCE.column(part)));
        }
        for (String part : List.of(VaeGanTrainer.ENCODER_LOSS, VaeGanTrainer.DECODER_LOSS,
                VaeGanTrainer.DISCRIMINATOR_LOSS)) {
            assertEquals(part, VaeGanRecipe.INSTANCE.lossPart(VaeGanRecipe.INSTANCE.column(part)));
        }
        assertNull(VaeGanRecipe.INSTANCE.lossPart(VaeGanRecipe.INSTANCE.column("KL")), "a term the bench does not draw");
        assertEquals("encoder adversarial", AaeRecipe.INSTANCE.lossPart("encoder_adversarial_batch"));
        assertEquals("negative bound", SbnRecipe.INSTANCE.lossPart("negative_bound_batch"));
        assertNull(SbnRecipe.INSTANCE.lossPart("modes_covered"), "a measurement, not a loss part");
    }
}
