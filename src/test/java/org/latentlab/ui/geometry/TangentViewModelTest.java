package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.experiment.geometry.TinyRuns;
import org.latentlab.train.Backend;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tangent section without a screen: a tiny MNIST autoencoder (784-4-784) in every column. */
class TangentViewModelTest {

    @TempDir
    static Path runs;
    static Path mnist;
    static Path ring;

    @BeforeAll
    static void train() {
        Backend.init();
        mnist = TinyRuns.train(TinyRuns.mnistModel(30), runs);
        ring = TinyRuns.train(TinyRuns.ringModel(Family.AUTOENCODER, 10, 10), runs);
    }

    private static TangentViewModel openAll() {
        TangentViewModel vm = new TangentViewModel(new DirectTaskRunner(), runs);
        vm.pointsProperty().set("20");
        vm.openAll(mnist);
        return vm;
    }

    @Test
    void everyColumnGetsTangentsADecodeAndItsSensitivity() {
        TangentViewModel vm = openAll();
        assertEquals(TangentViewModel.OPENED, vm.comparedProperty().get());
        assertNotNull(vm.digitProperty().get());
        assertEquals(0, vm.digitProperty().get().index());
        assertTrue(vm.barScaleProperty().get() > 0);
        for (int c = 0; c < TangentViewModel.COLUMNS; c++) {
            TangentColumnModel col = vm.column(c);
            assertTrue(col.sourceProperty().get().startsWith("tiny-mnist-ae (autoencoder, code 4"),
                    col.sourceProperty().get());
            assertEquals(4, col.tangentsProperty().get().tangents().length, "a code of 4 has rank 4 at most");
            assertNotNull(col.movedProperty().get(), "x + t·v decoded in column " + c);
            assertEquals(20, col.sensitivityProperty().get().onManifold().length);
        }
        assertEquals(4, vm.vectorMaxProperty().get());
        assertEquals("done", vm.tasks().messageProperty().get(), "the sensitivity, computed last");
        vm.computeTangents();
        assertEquals("tangents at test digit 0", vm.tasks().messageProperty().get());
    }

    @Test
    void movingAlongATangentDecodesTheMovedDigit() {
        TangentViewModel vm = openAll();
        TangentColumnModel.Moved before = vm.column(0).movedProperty().get();
        vm.vectorProperty().set(2);
        vm.tProperty().set(3);
        TangentColumnModel.Moved after = vm.column(0).movedProperty().get();
        assertEquals(3.0, after.t());
        assertEquals(1, after.vector());
        assertEquals("t = 3.00", vm.tTextProperty().get());
        assertEquals(28, after.height());
        assertFalse(Arrays.equals(before.input(), after.input()), "x + t·v differs from x");
        assertFalse(Arrays.equals(before.decoded(), after.decoded()));
    }

    @Test
    void anotherDigitRecomputesTheTangents() {
        TangentViewModel vm = openAll();
        double[] first = vm.column(1).tangentsProperty().get().input();
        vm.indexProperty().set(5);
        assertEquals(5, vm.column(1).tangentsProperty().get().index());
        assertFalse(Arrays.equals(first, vm.column(1).tangentsProperty().get().input()));
        vm.shownProperty().set(2);
        assertEquals(2, vm.column(2).tangentsProperty().get().tangents().length);
        assertEquals(2, vm.vectorMaxProperty().get());
    }

    @Test
    void badInputAndModelsWithoutImagesAreRefused() {
        TangentViewModel vm = new TangentViewModel(new DirectTaskRunner(), runs);
        vm.computeTangents();
        assertEquals("first train the three models here or open a run in a column",
                vm.tasks().messageProperty().get());
        vm.iterationsProperty().set("1");
        vm.trainAll();
        assertEquals("iterations: a whole number from 2 to 100000", vm.tasks().messageProperty().get());
        vm.open(0, ring);
        assertTrue(vm.tasks().messageProperty().get().startsWith("tangent images need grey-scale image data"),
                vm.tasks().messageProperty().get());
        vm.open(0, mnist);
        vm.sigmaProperty().set("0");
        vm.computeSensitivity();
        assertEquals("σ: a positive number", vm.tasks().messageProperty().get());
    }
}
