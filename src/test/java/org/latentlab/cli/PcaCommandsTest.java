package org.latentlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.CsvTable;
import org.latentlab.experiment.pca.PcaFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pca-baseline} on a saved run trained here, and both commands refusing what they cannot do. */
class PcaCommandsTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private String stderr() {
        return console.err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSavedRunIsComparedWithPcaOfItsCodeSize() throws IOException {
        Path runs = tmp.resolve("runs");
        assertEquals(0, ConsoleCapture.train(Duration.ofSeconds(120), "mnist-ae", "--iterations", "40", "--runs",
                runs.toString()));
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path out = tmp.resolve("out");
        int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Main.execute("pca-baseline",
                run.toString(), "--held-out", "50", "--out", out.toString()));
        assertEquals(0, code, stderr());
        CsvTable t = CsvTable.read(out.resolve(PcaFiles.CSV));
        assertEquals(2, t.rows().size());
        for (var row : t.rows()) {
            assertEquals("64", row.get(1), "mnist-ae has a 64-D code: PCA keeps 64 components");
            assertEquals("50", row.get(2));
            double mse = Double.parseDouble(row.get(3));
            assertTrue(mse > 0 && mse < 0.2, "a mean squared error of pixels in [0, 1]: " + mse);
        }
        assertTrue(Files.size(out.resolve(PcaFiles.ROWS_PNG)) > 0);
        assertTrue(Files.notExists(out.resolve(PcaFiles.SCATTER_PNG)), "no scatters for a 64-D code");
    }

    @Test
    void badValuesAreOneLineEach() {
        assertEquals(1, Main.execute("pretraining", "--seeds", "0"));
        assertTrue(stderr().contains("--seeds must be 1 to 20"), stderr());
        assertEquals(1, Main.execute("pretraining", "mnist-rbm"));
        assertTrue(stderr().contains("mnist-rbm is not an autoencoder"), stderr());
        assertEquals(1, Main.execute("pca-baseline", "no-such-model"));
        assertTrue(stderr().contains("neither a run folder nor an autoencoder preset"), stderr());
    }
}
