package org.latentlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.latent.CodePrior;
import org.latentlab.latent.ModelKind;

import java.util.List;
import java.util.Random;

/**
 * An InfoGAN's G in the studio (Chen et al. 2016): its random codes draw the continuous codes (the code's last
 * values) from U(−1, 1) and the noise from N(0, 1), and its first latent map is c1 × c2.
 */
class InfoGanStudioCodesTest {

    private static LoadedModel infoGan(int codeSize, int continuous) {
        return new LoadedModel("g", "", ModelKind.GAN_GENERATOR, codeSize, null, null, false,
                CodePrior.standardNormal(codeSize), null, null, null, false, null, null, List.of(),
                List.of("0", "1", "2"), true, continuous);
    }

    @Test
    void continuousCodesAreUniformOnMinusOneToOneAndTheNoiseIsGaussian() {
        LoadedModel l = infoGan(6, 2);
        double[][] z = l.randomCodes(4000, new Random(3));
        boolean noiseOutside = false;
        double sum = 0;
        double sumSq = 0;
        for (double[] row : z) {
            for (int j = 4; j < 6; j++) {
                assertTrue(row[j] >= -1 && row[j] <= 1, "c" + (j - 3) + " = " + row[j]);
                sum += row[j];
                sumSq += row[j] * row[j];
            }
            for (int j = 0; j < 4; j++) {
                noiseOutside |= Math.abs(row[j]) > 1;
            }
        }
        int n = 2 * z.length;
        assertEquals(0.0, sum / n, 0.03, "U(-1, 1) has mean 0");
        assertEquals(1.0 / 3, sumSq / n, 0.03, "U(-1, 1) has variance 1/3");
        assertTrue(noiseOutside, "the noise stays N(0, 1)");
        double[] one = l.randomCode(new Random(5));
        assertTrue(Math.abs(one[4]) <= 1 && Math.abs(one[5]) <= 1);
    }

    @Test
    void theFirstMapIsTheTwoContinuousCodesAndOtherwiseTheFirstTwoDimensions() {
        LatentMapViewModel.MapSpec info = new LatentMapViewModel(new StudioSession(StudioRunners.direct())).defaultMap(infoGan(6, 2));
        assertFalse(info.principalPlane());
        assertEquals(4, info.dimX());
        assertEquals(5, info.dimY());
        LatentMapViewModel.MapSpec plain = new LatentMapViewModel(new StudioSession(StudioRunners.direct())).defaultMap(infoGan(6, 0));
        assertEquals(0, plain.dimX());
        assertEquals(1, plain.dimY());
    }
}
