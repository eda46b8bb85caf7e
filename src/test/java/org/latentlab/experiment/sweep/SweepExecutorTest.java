package org.latentlab.experiment.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.experiment.Presets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny sweep run on this machine, cut in three ways and continued: the same table as one uninterrupted. */
class SweepExecutorTest {

    static final String TINY = """
            {"name": "tiny", "base": "ring8-nsgan", "seeds": 2, "iterations": 60,
             "set": {"sampleInterval": 20, "checkpointInterval": 20, "training.batchSize": 64},
             "grid": {"training.discriminatorOptimizer.learningRate": [0.001, 0.0002]},
             "metrics": ["modes_covered", "reverse_kl", "d_loss"], "at": [40, 60]}""";

    static SweepPlan tinyPlan() {
        return SweepPlan.expand(SweepFiles.parse(TINY, "tiny.json"), Presets.load("ring8-nsgan"), "tiny.json",
                Path.of("."));
    }

    @Test
    void aCutSweepContinuesOnlyWhatIsMissingAndGivesTheSameTable(@TempDir Path tmp) throws Exception {
        SweepPlan plan = tinyPlan();
        Path whole = tmp.resolve("whole");
        List<SweepExecutor.Progress> seen = new ArrayList<>();
        List<SweepExecutor.Outcome> first = SweepExecutor.run(plan, whole, 1, seen::add);
        assertEquals(4, first.size());
        assertTrue(first.stream().allMatch(o -> o.finished() && !o.kept()), first.toString());
        assertEquals(4, seen.get(seen.size() - 1).done());
        SweepTable expected = SweepTable.of(plan, whole);
        assertEquals(2 * 3 * 2, expected.cells().size());
        assertTrue(expected.cells().stream().allMatch(c -> c.runs() == 2 && c.stats() != null), expected.cells()
                .toString());

        Path cut = tmp.resolve("cut");
        copyTree(whole, cut);
        Path runs = cut.resolve("runs");
        // c01-seed1 was killed after its checkpoint at 40; c02-seed1 before it saved any; c02-seed2 never started
        Path c01 = SweepExecutor.existingRun(runs.resolve("c01-seed1"));
        deleteTree(c01.resolve("checkpoints").resolve("iter-00000060"));
        assertEquals(40, SweepExecutor.savedIteration(c01));
        deleteTree(SweepExecutor.existingRun(runs.resolve("c02-seed1")).resolve("checkpoints"));
        deleteTree(runs.resolve("c02-seed2"));

        List<SweepExecutor.Outcome> second = SweepExecutor.run(plan, cut, 1, p -> { });
        assertTrue(second.stream().allMatch(SweepExecutor.Outcome::finished), second.toString());
        assertEquals(List.of(false, true, false, false), second.stream().map(SweepExecutor.Outcome::kept).toList());
        assertEquals(c01, second.get(0).runDir(), "the cut run continues in its own folder");
        SweepTable again = SweepTable.of(plan, cut);
        assertEquals(expected.cells(), again.cells());
    }

    @Test
    void runsTrainedSideBySideGiveTheTableOfRunsTrainedOneAtATime(@TempDir Path tmp) throws Exception {
        // two networks training on two threads of one process drifted apart after a few hundred iterations here;
        // side by side, each run has a process of its own
        String longer = TINY.replace("\"iterations\": 60", "\"iterations\": 300")
                .replace("\"at\": [40, 60]", "\"at\": [300]").replace("[0.001, 0.0002]", "[0.001]");
        SweepPlan plan = SweepPlan.expand(SweepFiles.parse(longer, "t.json"), Presets.load("ring8-nsgan"), "t.json",
                Path.of("."));
        SweepExecutor.run(plan, tmp.resolve("one"), 1, p -> { });
        SweepExecutor.run(plan, tmp.resolve("two"), 2, p -> { });
        assertEquals(SweepTable.of(plan, tmp.resolve("one")).cells(), SweepTable.of(plan, tmp.resolve("two")).cells());
    }

    @Test
    void aFolderOfAnotherSweepIsRefusedAndOneThatOnlyReportsOtherwiseIsTheSame(@TempDir Path tmp) {
        SweepPlan plan = tinyPlan();
        SweepExecutor.prepare(plan, tmp);
        String more = TINY.replace("\"seeds\": 2", "\"seeds\": 3");
        SweepPlan other = SweepPlan.expand(SweepFiles.parse(more, "t.json"), Presets.load("ring8-nsgan"), "t.json",
                Path.of("."));
        String m = assertThrows(LabException.class, () -> SweepExecutor.prepare(other, tmp)).getMessage();
        assertTrue(m.contains("holds another sweep's runs"), m);
        String reports = TINY.replace("\"at\": [40, 60]", "\"at\": [60]").replace("\"d_loss\"", "\"g_loss\"");
        SweepPlan same = SweepPlan.expand(SweepFiles.parse(reports, "t.json"), Presets.load("ring8-nsgan"),
                "t.json", Path.of("."));
        SweepExecutor.prepare(same, tmp);
        assertNotNull(SweepFiles.read(tmp.resolve("sweep.json")));
        assertFalse(Files.exists(tmp.resolve("runs").resolve("c01-seed1")));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
