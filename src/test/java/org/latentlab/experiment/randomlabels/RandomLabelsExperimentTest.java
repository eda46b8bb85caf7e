package org.latentlab.experiment.randomlabels;

import org.junit.jupiter.api.Test;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.DatasetSpec;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.classifier.ClassifierSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small MLP memorises 50 MNIST digits with shuffled labels and with Gaussian images; the files are written. */
public class RandomLabelsExperimentTest {

    public static ClassifierSpec mlp() {
        NetworkSpec net = new NetworkSpec("mlp-128", Shape.image(1, 28, 28), List.of(
                new LayerSpec.Flatten("f"),
                new LayerSpec.Dense("features", 128, Activation.RELU),
                new LayerSpec.Dense("logits", 10, Activation.IDENTITY)));
        return new ClassifierSpec(null, "tiny-random-labels", "test", 3, DatasetSpec.images("mnist"), net,
                new ClassifierSettings(10, OptimizerSpec.adam(3e-3, 0.9), 0), 300, 1000);
    }

    @Test
    void aSmallNetworkFitsFiftyShuffledLabelsExactly(@org.junit.jupiter.api.io.TempDir Path dir) {
        RandomLabelsOptions o = new RandomLabelsOptions(50, 100, 300, 50, 0.5, true);
        List<RandomLabelsResult> seen = new ArrayList<>();
        RandomLabelsResult r = RandomLabelsExperiment.run(mlp(), o, Path.of("."), Monitor.NONE, seen::add);
        assertEquals(List.of("true labels", "50 % shuffled", "all shuffled", "Gaussian inputs"),
                r.runs().stream().map(RandomLabelsResult.Run::name).toList());
        RandomLabelsResult.Run shuffled = r.runs().get(2);
        assertTrue(shuffled.changed() > 25, "most of 50 shuffled labels differ: " + shuffled.changed());
        assertEquals(1.0, shuffled.lastTrain(), "training accuracy on the shuffled labels");
        assertTrue(shuffled.fittedAt() > 0 && shuffled.fittedAt() <= 300, "fitted at " + shuffled.fittedAt());
        assertTrue(shuffled.train()[0] < 0.5, "not fitted before training: " + shuffled.train()[0]);
        assertEquals(0, shuffled.iterations()[0]);
        assertEquals(300, shuffled.iterations()[shuffled.iterations().length - 1]);
        assertEquals(1.0, r.runs().get(3).lastTrain(), "Gaussian images memorised");
        assertTrue(r.runs().get(0).lastHeldOut() > shuffled.lastHeldOut() + 0.2, "true labels generalise,"
                + " shuffled ones do not: " + r.runs().get(0).lastHeldOut() + " against " + shuffled.lastHeldOut());
        // live: a growing result after every point, then the finished one
        assertEquals(4 * 7 + 1, seen.size());
        assertFalse(seen.get(0).finished());
        assertEquals(1, seen.get(0).runs().get(0).iterations().length);
        assertTrue(seen.get(seen.size() - 1).finished());
        for (Path p : RandomLabelsFiles.write(r, dir)) {
            assertTrue(Files.isRegularFile(p), p.toString());
        }
        assertTrue(RandomLabelsFiles.table(r).contains("| all shuffled | 100.0 |"), RandomLabelsFiles.table(r));
    }
}
