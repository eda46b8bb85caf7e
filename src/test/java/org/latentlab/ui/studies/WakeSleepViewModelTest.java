package org.latentlab.ui.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.testing.FlatImages;
import org.latentlab.train.sbn.WakeSleepSettings;
import org.latentlab.train.sbn.WakeSleepTrainer;

import java.util.List;

/** The wake-sleep study's ViewModel with the run on the caller's thread and small images. */
class WakeSleepViewModelTest {

    private static WakeSleepTrainer tiny(WakeSleepSettings s) {
        float[] px = new float[20 * 784];
        for (int k = 0; k < 20; k++) {
            for (int j = 0; j < 784; j++) {
                px[k * 784 + j] = (j + k) % 7 == 0 ? 1 : 0;
            }
        }
        FlatImages images = new FlatImages("stripes", px, 1, 28, 28);
        return new WakeSleepTrainer(new WakeSleepSettings(List.of(5, 3), s.learningRate(), 4, s.iterations(),
                s.measureEvery(), 1), images, images, 5);
    }

    @Test
    void aRunEndsWithItsCurveFiltersAndALineSayingHowTheBoundMoved() {
        WakeSleepViewModel vm = new WakeSleepViewModel(new DirectTaskRunner(), WakeSleepViewModelTest::tiny);
        vm.iterationsText().set("40");
        vm.train();
        assertFalse(vm.running());
        assertNotNull(vm.latest());
        assertEquals(40, vm.latest().iteration());
        assertEquals(21, vm.latest().curve().size(), "measured at the start and every 2 of 40 iterations");
        assertTrue(vm.message().startsWith("done: held-out bound"), vm.message());
        assertEquals(5, vm.latest().generativeFilters().length);
    }

    @Test
    void aWrongFieldIsALineNotARun() {
        WakeSleepViewModel vm = new WakeSleepViewModel(new DirectTaskRunner(), WakeSleepViewModelTest::tiny);
        vm.learningRateText().set("-1");
        vm.train();
        assertNull(vm.latest());
        assertEquals("learning rate: a positive number", vm.message());
    }

    @Test
    void clampingTheHouseOnMakesExactlyOneCauseLikely() {
        WakeSleepViewModel vm = new WakeSleepViewModel(new DirectTaskRunner());
        assertTrue(vm.effectOn());
        List<WakeSleepViewModel.Row> on = vm.rows();
        assertEquals(4, on.size());
        assertTrue(on.get(1).exact() > 0.49 && on.get(2).exact() > 0.49 && on.get(3).exact() < 1e-4);
        assertEquals(0.25, on.get(3).factorised(), 1e-3);
        assertTrue(vm.lesson().contains("explains the other away"), vm.lesson());
        vm.setEffectOn(false);
        assertTrue(vm.rows().get(0).exact() > 0.999);
        assertTrue(vm.lesson().contains("Clamp the house on"), vm.lesson());
    }
}
