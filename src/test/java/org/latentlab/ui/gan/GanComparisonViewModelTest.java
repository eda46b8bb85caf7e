package org.latentlab.ui.gan;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.data.CsvTable;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.FakeGanStatuses;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.Metric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runs kept side by side, without a screen: the bench's ViewModel is fed made-up statuses in the order the frame
 * timer would drain them, and the comparison keeps, limits, clears and exports what they said.
 */
class GanComparisonViewModelTest {

    @TempDir
    Path dir;

    private GanBenchViewModel bench;
    private GanComparisonViewModel vm;

    @BeforeEach
    void create() {
        bench = new GanBenchViewModel(new ExperimentRunner.Options(dir, Path.of("."), 20, 40), new DirectTaskRunner());
        vm = bench.comparison();
    }

    @AfterEach
    void close() {
        bench.close();
    }

    /**
     * A run of {@code spec} fed to the comparison: every iteration up to {@code iterations}, measured every 500 and
     * at the end (as a run that finishes is).
     */
    private void train(GanExperiment spec, long iterations) {
        vm.prepare(spec);
        for (long it = 1; it <= iterations; it++) {
            vm.record(it % 500 == 0 || it == iterations ? FakeGanStatuses.measured(it, iterations, 8)
                    : FakeGanStatuses.at(it, iterations));
        }
    }

    @Test
    void nothingIsKeptBeforeTheRunHasTrained() {
        assertFalse(vm.canKeepProperty().get());
        assertTrue(vm.keep().startsWith("nothing to keep yet"));
        vm.prepare(Presets.loadGan("ring8-nsgan"));
        vm.record(FakeGanStatuses.at(0, 100));
        assertFalse(vm.canKeepProperty().get(), "iteration 0 is nothing to keep");
        vm.record(FakeGanStatuses.at(1, 100));
        assertTrue(vm.canKeepProperty().get());
        vm.restart();
        assertFalse(vm.canKeepProperty().get(), "a reset run starts again from nothing");
        assertTrue(vm.kept().isEmpty());
    }

    @Test
    void aCollapsedRunAndItsCuredTwinAreKeptWithTheirMilestonesAndColours() {
        train(Presets.loadGan("ring8-nsgan"), 2_500);
        String said = vm.keep();
        assertTrue(said.startsWith("kept ring8-nsgan · seed 1 · no remedy at iteration 2,500"), said);
        train(Presets.loadGan("ring8-r1"), 1_200);
        vm.keep();

        List<GanComparisonViewModel.Compared> kept = vm.kept();
        assertEquals(2, kept.size());
        assertEquals("ring8-r1 · seed 1 · R1 γ=1", kept.get(1).run().label());
        assertEquals(List.of(1_000L, 2_000L), kept.get(0).run().milestones().stream().map(m -> m.target()).toList());
        assertEquals(List.of(1_000L), kept.get(1).run().milestones().stream().map(m -> m.target()).toList(),
                "the twin stopped before 2,000");
        assertEquals(5, kept.get(0).run().curve(Metric.MODES_COVERED).size(), "measured at 500 … 2,500");
        assertTrue(kept.get(0).colour() != kept.get(1).colour());
        assertEquals(List.of("1,000", "2,000", "last"), vm.table().stream().map(r -> r.title()).toList());
    }

    @Test
    void keepingTheSameRunTwiceTellsTheCopiesApart() {
        train(Presets.loadGan("ring8-nsgan"), 600);
        vm.keep();
        vm.keep();
        assertEquals("ring8-nsgan · seed 1 · no remedy (2)", vm.kept().get(1).run().label());
    }

    @Test
    void oneRunMoreThanTheLimitLetsTheOldestGoAndItsColourIsReused() {
        GanExperiment ring = Presets.loadGan("ring8-nsgan");
        for (int seed = 1; seed <= GanComparisonViewModel.LIMIT; seed++) {
            train(ring.withSeed(seed), 100);
            vm.keep();
        }
        assertEquals(GanComparisonViewModel.LIMIT, vm.kept().size());
        Set<Integer> colours = new HashSet<>();
        vm.kept().forEach(c -> colours.add(c.colour()));
        assertEquals(GanComparisonViewModel.LIMIT, colours.size(), "one colour each");
        int oldestColour = vm.kept().get(0).colour();

        train(ring.withSeed(99), 100);
        String said = vm.keep();
        assertTrue(said.contains("let the oldest, ring8-nsgan · seed 1 · no remedy, go"), said);
        assertEquals(GanComparisonViewModel.LIMIT, vm.kept().size());
        assertEquals("ring8-nsgan · seed 2 · no remedy", vm.kept().get(0).run().label());
        GanComparisonViewModel.Compared newest = vm.kept().get(GanComparisonViewModel.LIMIT - 1);
        assertEquals("ring8-nsgan · seed 99 · no remedy", newest.run().label());
        assertEquals(oldestColour, newest.colour(), "the colour let go is taken again; the others keep theirs");

        vm.remove(vm.kept().get(0));
        assertEquals(GanComparisonViewModel.LIMIT - 1, vm.kept().size());
        vm.clear();
        assertTrue(vm.kept().isEmpty());
        assertEquals(List.of("last"), vm.table().stream().map(r -> r.title()).toList());
    }

    @Test
    void theTableIsExportedAsCsvWithTheMeasuredValues() throws Exception {
        Path csv = dir.resolve("comparison.csv");
        vm.exportCsv(csv);
        assertFalse(Files.exists(csv), "nothing kept, nothing written");
        assertTrue(bench.messageProperty().get().startsWith("no kept runs"), bench.messageProperty().get());

        train(Presets.loadGan("ring8-nsgan"), 2_100);
        vm.keep();
        train(Presets.loadGan("ring8-pacgan"), 1_000);
        vm.keep();
        vm.exportCsv(csv);
        assertEquals("exported " + csv, bench.messageProperty().get());
        CsvTable t = CsvTable.read(csv);
        List<String> lines = t.rows().stream().map(r -> r.get(t.column("experiment")) + " "
                + r.get(t.column("milestone")) + " " + r.get(t.column("iteration")) + " "
                + r.get(t.column("modes_covered"))).toList();
        // modes covered of the made-up measurements: min(8, iteration / 250)
        assertEquals(List.of("ring8-nsgan 1000 1000 4.0", "ring8-nsgan 2000 2000 8.0", "ring8-nsgan last 2100 8.0",
                "ring8-pacgan 1000 1000 4.0", "ring8-pacgan last 1000 4.0"), lines);
        assertEquals("pack m=2", t.rows().get(3).get(t.column("remedies")));
    }
}
