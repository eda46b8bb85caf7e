package org.latentlab.train.sbn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.core.Monitor;
import org.latentlab.testing.FlatImages;

import java.util.ArrayList;
import java.util.List;

/** Wake-sleep on two 4x4 patterns: the held-out bound rises towards their exact log-likelihood, statuses are told. */
class WakeSleepTrainerTest {

    /** Two patterns, each image 16 pixels: the left half on, or the right half on. */
    private static FlatImages halves(int n) {
        float[] px = new float[n * 16];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < 16; j++) {
                boolean left = j % 4 < 2;
                px[k * 16 + j] = (k % 2 == 0) == left ? 1 : 0;
            }
        }
        return new FlatImages("halves", px, 1, 4, 4);
    }

    @Test
    void boundRisesFromChanceTowardsOneBitPerImage() {
        WakeSleepSettings s = new WakeSleepSettings(List.of(4), 0.2, 10, 1500, 500, 3);
        WakeSleepTrainer t = new WakeSleepTrainer(s, halves(40), halves(10), 10);
        List<WakeSleepStatus> told = new ArrayList<>();
        WakeSleepStatus last = t.run(Monitor.NONE, told::add);
        assertEquals(List.of(0, 500, 1000, 1500), told.stream().map(WakeSleepStatus::iteration).toList());
        double start = last.curve().get(0).bound();
        double end = last.last().bound();
        // at the start every pixel is about even odds: about 16 log 2 = 11.1 nats; two equally likely images have
        // log p(x) = -log 2 = -0.69, which the bound cannot exceed
        assertTrue(start < -8, "starts near chance: " + start);
        assertTrue(end > -3 && end <= -Math.log(2) + 0.05, "ends near -log 2: " + end);
        assertEquals(4, last.generativeFilters().length);
        assertEquals(16, last.recognitionFilters()[0].length);
        assertEquals(WakeSleepTrainer.SAMPLES, last.samples().length);
    }

    @Test
    void sameSeedSameRun() {
        WakeSleepSettings s = new WakeSleepSettings(List.of(3, 2), 0.1, 5, 50, 50, 9);
        double a = new WakeSleepTrainer(s, halves(20), halves(4), 4).run(Monitor.NONE, x -> { }).last().bound();
        double b = new WakeSleepTrainer(s, halves(20), halves(4), 4).run(Monitor.NONE, x -> { }).last().bound();
        assertEquals(a, b, 0.0);
    }

    @Test
    void stopsWhenCancelled() {
        WakeSleepSettings s = new WakeSleepSettings(List.of(3), 0.1, 5, 1000, 10, 9);
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(Monitor.Cancelled.class, () -> new WakeSleepTrainer(s, halves(20), halves(4), 4)
                .run(cancelled, x -> { }));
    }

    @Test
    void settingsSayWhatToFix() {
        assertMessage(() -> new WakeSleepSettings(List.of(), 0.1, 20, 100, 10, 1), "at least one hidden layer");
        assertMessage(() -> new WakeSleepSettings(List.of(100, 0), 0.1, 20, 100, 10, 1), "1 to 2000 units, not 0");
        assertMessage(() -> new WakeSleepSettings(List.of(100), 0, 20, 100, 10, 1), "learning rate must be above 0");
        assertMessage(() -> new WakeSleepSettings(List.of(100), Double.NaN, 20, 100, 10, 1), "learning rate");
        assertMessage(() -> new WakeSleepSettings(List.of(100), 0.1, 0, 100, 10, 1), "batch must hold 1 to");
        assertMessage(() -> new WakeSleepSettings(List.of(100), 0.1, 20, 0, 10, 1), "iterations must be 1 to");
        assertMessage(() -> new WakeSleepSettings(List.of(100), 0.1, 20, 100, 0, 1), "measure the bound every");
        assertEquals("wake-sleep hidden 100-20, rate 0.1, batch 20, 12,000 iterations, seed 1",
                WakeSleepSettings.mnist().toString());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String part) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }
}
