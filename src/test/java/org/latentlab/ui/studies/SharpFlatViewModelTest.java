package org.latentlab.ui.studies;

import org.junit.jupiter.api.Test;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.DatasetSpec;
import org.latentlab.experiment.sharpflat.SharpFlatOptions;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.classifier.ClassifierSettings;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharpFlatViewModelTest {

    @Test
    void aRunPublishesItsResultAndSaysSo() {
        SharpFlatViewModel vm = new SharpFlatViewModel(new DirectTaskRunner(), Path.of("."));
        NetworkSpec net = new NetworkSpec("tiny", Shape.image(1, 28, 28), List.of(new LayerSpec.Flatten("flat"),
                new LayerSpec.Dense("hidden", 6, Activation.RELU), new LayerSpec.Dense("logits", 10,
                        Activation.IDENTITY)));
        ClassifierSpec spec = new ClassifierSpec(null, "tiny-sharp-flat", "test", 2, DatasetSpec.images("mnist"), net,
                new ClassifierSettings(8, OptimizerSpec.adam(1e-2, 0.9), 0), 10, 500);
        vm.run(spec, new SharpFlatOptions(48, 32, 8, 24, 2, 0, 1, 4, 1, 0.5, 5));
        assertFalse(vm.running().get());
        assertNotNull(vm.result().get(), vm.status().get());
        assertEquals(2, vm.result().get().arms().size());
        assertTrue(vm.status().get().startsWith("done in"), vm.status().get());
        assertEquals(1.0, vm.progress().get());
    }

    @Test
    void theSizesAreTheQuickLookAndTheLecture() {
        assertEquals(1, SharpFlatViewModel.Size.QUICK.options().seeds());
        assertEquals(3, SharpFlatViewModel.Size.LECTURE.options().seeds());
        assertTrue(SharpFlatViewModel.Size.LECTURE.options().largeBatch()
                > 10 * SharpFlatViewModel.Size.LECTURE.options().smallBatch());
    }
}
