package org.latentlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.CsvTable;
import org.latentlab.train.Backend;

/** metrics.csv through {@link RunStore} without training: quoting, resume truncation and the run's clock. */
class RunStoreMetricsTest {

    private static final String ODD = "score, \"held-out\"\nper class";

    @TempDir
    Path runs;

    @BeforeAll
    static void backend() {
        Backend.init(); // the provenance names the ND4J backend
    }

    private static Map<String, Double> row(long iteration, double elapsed, double score) {
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("iteration", (double) iteration);
        r.put("elapsed_s", elapsed);
        r.put(ODD, score);
        return r;
    }

    @Test
    void aColumnWithCommaQuoteAndNewlineStillResumes() throws IOException {
        RunStore store = RunStore.create(runs, Presets.loadGan("ring8-nsgan"), "hash");
        store.appendRow(row(10, 1.5, 0.25));
        store.appendRow(row(20, 2.5, Double.NaN));
        store.appendRow(row(30, 3.5, 0.125));
        Path csv = store.dir().resolve("metrics.csv");
        assertEquals("iteration,elapsed_s,\"score, \"\"held-out\"\"\nper class\"\n10,1.50000,0.250000\n20,2.50000,\n"
                + "30,3.50000,0.125000\n", Files.readString(csv));
        assertEquals(3.5, store.lastElapsedSeconds());

        RunStore reopened = RunStore.open(store.dir());
        reopened.keepMetricsUpTo(20);
        assertEquals(2.5, reopened.lastElapsedSeconds());
        CsvTable table = CsvTable.read(csv);
        assertEquals(List.of("iteration", "elapsed_s", ODD), table.header());
        assertEquals(List.of("10", "20"), table.rows().stream().map(r -> r.get(0)).toList());

        reopened.appendRow(row(40, 4.5, 1));
        table = CsvTable.read(csv);
        assertEquals(List.of("40", "4.50000", "1"), table.rows().get(2).cells());
        assertEquals(4.5, reopened.lastElapsedSeconds());
    }

    @Test
    void aMalformedMetricsFileIsNamedWithItsLineOnResume() throws IOException {
        RunStore store = RunStore.create(runs, Presets.loadGan("ring8-nsgan"), "hash");
        store.appendRow(row(10, 1.5, 0.25));
        Path csv = store.dir().resolve("metrics.csv");
        // the header holds a line break, so it spans lines 1-2; the row of iteration 10 is line 3
        Files.writeString(csv, "20,\"2.5\n", java.nio.file.StandardOpenOption.APPEND);
        LabException e = assertThrows(LabException.class, () -> RunStore.open(store.dir()).keepMetricsUpTo(10));
        assertTrue(e.getMessage().contains("metrics.csv line 4:"), e.getMessage());
        assertEquals(0, store.lastElapsedSeconds(), "the clock restarts rather than failing");
    }
}
