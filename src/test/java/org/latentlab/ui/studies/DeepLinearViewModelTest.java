package org.latentlab.ui.studies;

import org.junit.jupiter.api.Test;
import org.latentlab.analysis.deeplinear.DeepLinearSpectra;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepLinearViewModelTest {

    @Test
    void theSpectraFollowTheDepth() {
        DeepLinearViewModel vm = new DeepLinearViewModel();
        List<DeepLinearSpectra.Row> rows = vm.spectra().get();
        assertEquals("0 (×10)", rows.get(0).summary());
        assertEquals("0 (×9), 20", rows.get(1).summary());
        vm.depth().set(2);
        rows = vm.spectra().get();
        assertEquals("-2, 2", rows.get(0).summary(), "depth 2: the origin is a strict saddle");
        assertEquals(2, rows.size(), "depth 2: the saddle of two zero weights is the origin");
    }

    @Test
    void theSliceHoldsTheOtherWeights() {
        DeepLinearViewModel vm = new DeepLinearViewModel();
        vm.depth().set(4);
        vm.others().set(0.5);
        vm.first().set(2);
        vm.second().set(4);
        var s = vm.slice().get();
        assertEquals(1, s.i());
        assertEquals(3, s.j());
        int n = s.axis().length;
        double wi = s.axis()[n - 1];
        double wj = s.axis()[n - 1];
        double p = 0.25 * wi * wj;
        assertEquals((1 - p) * (1 - p), s.loss()[n - 1][n - 1], 1e-12);
        assertTrue(vm.message().get().contains("0.25"), vm.message().get());
        vm.second().set(2);
        assertTrue(vm.message().get().startsWith("choose two different weights"), vm.message().get());
        assertEquals(s, vm.slice().get(), "the last valid slice stays");
    }
}
