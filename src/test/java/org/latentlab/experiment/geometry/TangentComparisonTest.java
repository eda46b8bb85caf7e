package org.latentlab.experiment.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ManifoldSensitivity;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.Backend;
import org.latentlab.train.ae.AutoencoderSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * The tangent bench's three autoencoders are one network trained alike, differing only in regularisation, and the
 * contractive one comes out less sensitive to its input than the plain one (Rifai et al. 2011), as the screen says.
 */
class TangentComparisonTest {

    @TempDir
    Path runs;

    @Test
    void theThreeDifferOnlyInRegularisation() {
        List<ReconstructionExperiment> m = TangentComparison.models(700);
        ReconstructionExperiment plain = m.get(0);
        for (ReconstructionExperiment e : m) {
            assertEquals(plain.encoder(), e.encoder());
            assertEquals(plain.decoder(), e.decoder());
            assertEquals(plain.dataset(), e.dataset());
            assertEquals(plain.seed(), e.seed());
            assertEquals(700, e.iterations());
            assertEquals(196, e.codeDim());
            assertEquals(plain.training().optimizer(), e.training().optimizer());
            assertEquals(plain.training().batchSize(), e.training().batchSize());
            assertEquals(plain.training().reconstruction(), e.training().reconstruction());
        }
        assertEquals(AutoencoderSettings.Penalty.NONE, plain.training().penalty());
        assertEquals(AutoencoderSettings.Corruption.NONE, plain.training().corruption());
        assertEquals(AutoencoderSettings.Corruption.MASKING, m.get(1).training().corruption());
        assertEquals(AutoencoderSettings.Penalty.NONE, m.get(1).training().penalty());
        assertEquals(AutoencoderSettings.Penalty.CONTRACTIVE, m.get(2).training().penalty());
        assertEquals(AutoencoderSettings.Corruption.NONE, m.get(2).training().corruption());
        String said = TangentComparison.describe(700);
        assertTrue(said.contains("784-196-784") && said.contains("700 iterations each")
                && said.contains("differ only in regularisation"), said);
    }

    @Test
    void theContractiveEncoderIsLessSensitiveThanThePlainOne() {
        Backend.init();
        int iterations = 300;
        double[] onManifold = new double[2];
        double[] topShare = new double[2];
        TangentComparison.Variant[] compared = {TangentComparison.Variant.PLAIN,
                TangentComparison.Variant.CONTRACTIVE};
        for (int i = 0; i < 2; i++) {
            ReconstructionExperiment spec = TangentComparison.model(compared[i], iterations).withIntervals(iterations,
                    iterations);
            long t0 = System.nanoTime();
            Path run = TinyRuns.train(spec, runs);
            double seconds = (System.nanoTime() - t0) / 1e9;
            SavedModel model = SavedModel.open(run);
            ManifoldSensitivity s = ManifoldSensitivity.of(model, 100, ManifoldSensitivity.OffManifold.NOISY_EXAMPLES,
                    0.3, 1, Monitor.NONE);
            onManifold[i] = s.medians()[0];
            try (GeometryJobs jobs = new GeometryJobs(model)) {
                TangentResult t = jobs.tangents(0, 1, Monitor.NONE);
                double[] sv = t.singularValues();
                double total = 0;
                for (double v : sv) {
                    total += v * v;
                }
                double top = 0;
                for (int k = 0; k < 10; k++) {
                    top += sv[k] * sv[k];
                }
                topShare[i] = top / total;
            }
            System.out.printf("%s, %d iterations in %.1f s: %s; top 10 of %d singular values hold %.1f %% of"
                    + " ‖J‖²_F%n", compared[i], iterations, seconds, s, 196, 100 * topShare[i]);
        }
        // measured: 3.89 vs 2.99 after 300 iterations (seed 1), 8.3 vs 5.4 after 1500: the gap widens with training
        assertTrue(onManifold[1] < 0.85 * onManifold[0], "median ‖∂c/∂x‖_F on test digits: contractive "
                + onManifold[1] + " vs plain " + onManifold[0]);
        // and its sensitivity is concentrated in fewer directions: a sharper singular-value spectrum
        assertTrue(topShare[1] > topShare[0], "share of ‖J‖²_F in the top 10 directions: contractive "
                + topShare[1] + " vs plain " + topShare[0]);
    }
}
