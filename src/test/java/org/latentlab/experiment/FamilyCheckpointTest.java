package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checkpoint parts the families with a trainer of their own share: state.json's layout (a run written before
 * resumes only if it stays), the intact checkpoint kept, a network's parameters and Adam moments restored exactly,
 * and each damage named.
 */
class FamilyCheckpointTest {

    private static MultiLayerNetwork net(int hidden, long seed) {
        NetworkSpec spec = new NetworkSpec("net", Shape.vector(3), List.of(
                new LayerSpec.Dense("h", hidden, Activation.TANH, 0),
                new LayerSpec.Dense("out", 2, Activation.IDENTITY, 0)));
        MultiLayerNetwork n = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.9), seed, DataType.FLOAT);
        Nd4j.getRandom().setSeed(seed);
        n.getUpdater().getStateViewArray().assign(Nd4j.rand(DataType.FLOAT,
                n.getUpdater().getStateViewArray().shape()));
        return n;
    }

    private static Path save(Path run, long iteration, MultiLayerNetwork n) {
        return FamilyCheckpoint.save(run, iteration, Map.<String, Object>of("updates", 2 * iteration),
                Map.of("rate", 0.5), tmp -> FamilyCheckpoint.writeNetwork(tmp, "G.zip", n));
    }

    @Test
    void stateHoldsIterationCountersThenSettingsAndAnIntactCheckpointIsKept(@TempDir Path run) throws Exception {
        Path dir = save(run, 7, net(4, 1));
        JsonNode state = ExperimentFiles.mapper().readTree(dir.resolve(FamilyCheckpoint.STATE).toFile());
        List<String> keys = new ArrayList<>();
        state.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("iteration", "updates", "settings"), keys);
        assertEquals(7, state.get("iteration").asLong());
        assertEquals(14, state.get("updates").asLong());
        assertEquals(0.5, state.at("/settings/rate").asDouble());
        assertEquals(null, Checkpoints.damage(dir), "sealed");

        byte[] before = Files.readAllBytes(dir.resolve("G.zip"));
        save(run, 7, net(4, 99));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("G.zip")), "the intact checkpoint is kept");
    }

    @Test
    void aNetworkComesBackWithItsParametersAndOptimiserState(@TempDir Path run) {
        MultiLayerNetwork saved = net(4, 1);
        Path dir = save(run, 3, saved);
        MultiLayerNetwork fresh = net(4, 2);
        assertNotEquals(saved.params(), fresh.params());
        AtomicLong iteration = new AtomicLong(-1);
        FamilyCheckpoint.restore(dir, state -> {
            FamilyCheckpoint.loadNetwork(dir, "G.zip", fresh);
            iteration.set(FamilyCheckpoint.iteration(state));
        });
        assertEquals(3, iteration.get());
        assertArrayEquals(saved.params().toFloatVector(), fresh.params().toFloatVector());
        assertArrayEquals(saved.getUpdater().getStateViewArray().toFloatVector(),
                fresh.getUpdater().getStateViewArray().toFloatVector());
    }

    @Test
    void damageIsNamed(@TempDir Path run) throws Exception {
        Path dir = save(run, 3, net(4, 1));
        LabException size = assertThrows(LabException.class, () -> FamilyCheckpoint.restore(dir,
                state -> FamilyCheckpoint.loadNetwork(dir, "G.zip", net(5, 1))));
        assertTrue(size.getMessage().contains("the checkpoint's G has 26 parameters but the experiment's G has 32"),
                size.getMessage());
        LabException missing = assertThrows(LabException.class, () -> FamilyCheckpoint.restore(dir,
                state -> FamilyCheckpoint.loadNetwork(dir, "F.zip", net(4, 1))));
        assertTrue(missing.getMessage().contains("checkpoint incomplete, F.zip is missing"), missing.getMessage());

        Files.writeString(dir.resolve(FamilyCheckpoint.STATE), "{\"iteration\": \"soon\"}");
        LabException state = assertThrows(LabException.class, () -> FamilyCheckpoint.restore(dir, s -> { }));
        assertTrue(state.getMessage().contains("'iteration' is missing or not a whole number"), state.getMessage());
    }
}
