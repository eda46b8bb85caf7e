package org.latentlab.ui.geometry;

import org.junit.jupiter.api.Test;
import org.latentlab.analysis.toy.OptimizerPath;
import org.latentlab.analysis.toy.ToyFunction;
import org.latentlab.core.DirectTaskRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The toy surfaces without a screen: sampling, a path with its verdicts, typed formulas and bad settings. */
class ToySurfaceViewModelTest {

    private static ToySurfaceViewModel plotted() {
        ToySurfaceViewModel vm = new ToySurfaceViewModel(new DirectTaskRunner());
        vm.replot();
        return vm;
    }

    @Test
    void theSaddleIsSampledAndExplained() {
        ToySurfaceViewModel vm = plotted();
        assertNotNull(vm.gridProperty().get());
        assertEquals(201, vm.gridProperty().get().n());
        assertTrue(vm.reportProperty().get().startsWith("L = −x² + 3y²"), vm.reportProperty().get());
        assertTrue(vm.statusProperty().get().contains("click a point to run gradient descent"),
                vm.statusProperty().get());
    }

    @Test
    void aPathFromLeftOfTheSaddleRunsOffWithSaddleCurvatureAtBothEnds() {
        ToySurfaceViewModel vm = plotted();
        vm.runFrom(-0.8, 0.1);
        String report = vm.reportProperty().get();
        assertTrue(report.contains("λ1 = -2.0000") && report.contains("λ2 = 6.0000"), report);
        assertTrue(report.contains("diverged"), report);
        assertEquals(1, vm.paths().size());
        assertNotNull(vm.probeProperty().get());
        vm.runFrom(0.5, 0.5);
        assertEquals(1, vm.paths().size(), "earlier paths are not kept unless asked");
        vm.keepPathsProperty().set(true);
        vm.runFrom(0.2, 0.2);
        assertEquals(2, vm.paths().size());
        vm.clearPaths();
        assertTrue(vm.paths().isEmpty());
    }

    @Test
    void typingAFormulaChoosesItAndGarbageIsSaidNotDrawn() {
        ToySurfaceViewModel vm = plotted();
        SurfaceGrid saddle = vm.gridProperty().get();
        vm.expressionProperty().set("x*y +");
        assertEquals(ToySurfaceViewModel.Choice.TYPED, vm.choiceProperty().get());
        assertEquals("typed formula chosen: press Enter or Plot to draw it", vm.statusProperty().get());
        vm.replot();
        assertTrue(vm.statusProperty().get().startsWith("cannot plot 'x*y +'"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().endsWith("(still showing L = −x² + 3y²)"), vm.statusProperty().get());
        assertSame(saddle, vm.gridProperty().get());
        vm.expressionProperty().set("x^2 + y^2");
        vm.plotTyped();
        assertTrue(vm.reportProperty().get().startsWith("L = x^2 + y^2"), vm.reportProperty().get());
    }

    @Test
    void choosingAFunctionDrawsIt() {
        ToySurfaceViewModel vm = plotted();
        vm.select(ToyFunction.MONKEY_SADDLE);
        assertTrue(vm.reportProperty().get().startsWith("L = x³ − 3xy²"), vm.reportProperty().get());
    }

    @Test
    void badStepSettingsAreRefused() {
        ToySurfaceViewModel vm = plotted();
        vm.setMethod(OptimizerPath.Method.MOMENTUM, 0.05, 100);
        vm.stepSizeProperty().set("-1");
        vm.runFrom(0.5, 0.5);
        assertEquals("step size η: a positive number", vm.statusProperty().get());
        vm.stepSizeProperty().set("0.05");
        vm.stepsProperty().set("0");
        vm.runFrom(0.5, 0.5);
        assertEquals("steps: a whole number from 1 to 100000", vm.statusProperty().get());
        assertTrue(vm.paths().isEmpty());
    }
}
