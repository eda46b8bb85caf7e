package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code wake-sleep} through {@link Main#execute}: the explaining-away table, a short MNIST run, a refused rate. */
class WakeSleepCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void explainingAwayPrintsBothTablesAndWritesThem() throws Exception {
        Path out = dir.resolve("ea");
        assertEquals(0, Main.execute("wake-sleep", "--explaining-away", "--out", out.toString()));
        String text = console.out.toString();
        assertTrue(text.contains("house jumps ON") && text.contains("house jumps OFF"), text);
        assertTrue(text.contains("correlation of the causes under the exact posterior: -0.9998"), text);
        List<String> rows = Files.readAllLines(out.resolve("posterior.csv"));
        assertEquals(9, rows.size());
        assertTrue(rows.get(6).startsWith("1,1,0,0.4999"), rows.get(6));
    }

    @Test
    void aShortMnistRunWritesItsCurveAndPictures() {
        Path out = dir.resolve("mnist");
        assertEquals(0, Main.execute("wake-sleep", "--hidden", "10,5", "--iterations", "20", "--measure-every",
                "10", "--out", out.toString()), console.err.toString());
        for (String f : List.of("curve.csv", "curve.png", "samples.png", "filters.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(console.out.toString().contains("held-out bound -"), console.out.toString());
    }

    @Test
    void aZeroRateIsOneLineSayingWhatToGive() {
        assertEquals(1, Main.execute("wake-sleep", "--learning-rate", "0", "--out", dir.resolve("x").toString()));
        assertTrue(console.err.toString().contains("the learning rate must be above 0"), console.err.toString());
    }
}
