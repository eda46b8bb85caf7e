package org.latentlab.experiment.manifold;

import org.junit.jupiter.api.Test;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A denoising autoencoder trained briefly on the noisy unit circle: its arrows r(x) − x point towards the circle.
 * The oracle is the circle itself: the nearest point of the unit circle to x is x/|x|.
 */
class CurveFieldTrainingTest {

    /** The nearest point of the unit circle (the noise-free curve of the {@code circle} distribution). */
    static final NearestPoint UNIT_CIRCLE = (x, y) -> {
        double r = Math.hypot(x, y);
        return new double[] {x / r, y / r};
    };

    @Test
    void denoisingArrowsPointBackToTheCircle() {
        ReconstructionExperiment dae = Presets.loadReconstruction("curve-dae-2d");
        List<CurveAutoencoders.Snapshot> seen = new ArrayList<>();
        long t0 = System.nanoTime();
        CurveAutoencoders.Snapshot last = CurveAutoencoders.trainSideBySide(List.of(dae), ITERATIONS, 500,
                Monitor.NONE, seen::add);
        System.out.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        ReconstructionField f = last.fields().get(0);
        // Between 0.1 and 0.5 from the circle: outside the data's own noise (sigma 0.05) and within the corruption
        // (sigma 0.3) the autoencoder was trained on. There the optimal denoiser E[x | x~] points to the circle
        // (Alain and Bengio 2014), and 0.8 = cos 37 degrees leaves room for a short training's error.
        FieldAgreement a = FieldAgreement.of(f, UNIT_CIRCLE, 0.1, 0.5);
        FieldAgreement untrained = FieldAgreement.of(seen.get(0).fields().get(0), UNIT_CIRCLE, 0.1, 0.5);
        System.out.println("trained " + a + ", untrained " + untrained);
        assertTrue(a.points() > 50, "the band holds " + a.points() + " grid points");
        assertTrue(a.meanCosine() > 0.8, "mean cosine " + a.meanCosine());
        assertTrue(untrained.meanCosine() < 0.5, "an untrained autoencoder's arrows do not point to the circle: "
                + untrained.meanCosine());
        assertEquals(ITERATIONS / 500 + 1, seen.size(), "a snapshot before training, every 500 iterations");
    }

    static final long ITERATIONS = 2000;
}
