package org.latentlab.ui.studies;

import org.junit.jupiter.api.Test;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.experiment.relu.ReluFitStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReluLectureViewModelTest {

    @Test
    void startTrainsTheFormsFitAndShowsItsExactPieces() {
        ReluLectureViewModel vm = new ReluLectureViewModel(new DirectTaskRunner());
        assertEquals("x^2", vm.function().get());
        vm.function().set("abs(x - 0.5)");
        vm.depth().set(2);
        vm.width().set(4);
        vm.iterations().set(300);
        vm.start();
        ReluFitStatus s = vm.fit().get();
        assertNotNull(s);
        assertFalse(vm.running().get());
        assertEquals(300, s.iteration());
        assertEquals("MLP 1-4-4-1 relu", s.net().toString());
        assertEquals(s.pieces().pieces(), s.count());
        assertTrue(vm.status().get().startsWith("done: " + s.count() + " linear pieces"), vm.status().get());
    }

    @Test
    void aTwoInputPresetShowsRegionsAndABadFormulaSaysWhatIsWrong() {
        ReluLectureViewModel vm = new ReluLectureViewModel(new DirectTaskRunner());
        vm.preset().set("relu-bump-2d");
        assertEquals(12, vm.width().get());
        vm.iterations().set(100);
        vm.start();
        assertNotNull(vm.fit().get().regions());
        assertTrue(vm.fit().get().count() > 1);
        ReluLectureViewModel bad = new ReluLectureViewModel(new DirectTaskRunner());
        bad.function().set("x + y");
        bad.start();
        assertNull(bad.fit().get());
        assertTrue(bad.status().get().contains("uses y"), bad.status().get());
    }
}
