package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.train.Backend;

/**
 * {@code bench --vs-pytorch} without PyTorch: the table's arithmetic and layout on made-up rates, the alternation of
 * rounds against a stand-in for the script that speaks its protocol, and the one-line messages when python, PyTorch
 * or the script is missing.
 */
class VersusPyTorchTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** ND4J announces itself on stderr when it loads: before the capture, not inside a command's one line. */
    @BeforeAll
    static void loadNd4j() {
        Backend.init();
    }

    private String stderr() {
        return console.err.toString(StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.execute(args),
                "did not return within 60 s: " + String.join(" ", args));
    }

    private void assertOneLineError(int code, String... parts) {
        String err = stderr();
        assertEquals(1, code, err);
        assertEquals(1, err.strip().lines().count(), "one line:\n" + err);
        assertTrue(err.startsWith("error: "), err);
        for (String part : parts) {
            assertTrue(err.contains(part), "'" + part + "' missing in:\n" + err);
        }
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, SideBySide.median(new double[] {5, 1, 3}));
        assertEquals(2.5, SideBySide.median(new double[] {4, 1, 3, 2}));
        assertEquals(7, SideBySide.median(new double[] {7}));
        assertThrows(IllegalArgumentException.class, () -> SideBySide.median(new double[0]));
    }

    @Test
    void ratioIsLabSpeedOverPyTorchSpeedInEveryUnit() {
        // it/s: the lab makes 50 iterations a second, PyTorch 100: half as fast
        SideBySide.Row training = new SideBySide.Row("gan", SideBySide.Unit.PER_SECOND, new double[] {40, 50, 60},
                new double[] {100, 90, 110}, "");
        assertEquals(0.5, training.ratio(), 1e-12);
        assertEquals("0.50x", SideBySide.ratio(training));
        // ms: 10 ms in the lab (100 /s), 5 ms in PyTorch (200 /s): the same half, not 2x
        SideBySide.Row hvp = new SideBySide.Row("hvp", SideBySide.Unit.MILLIS, new double[] {100},
                new double[] {200}, "");
        assertEquals(0.5, hvp.ratio(), 1e-12);
        // the lab faster: above 1
        SideBySide.Row fast = new SideBySide.Row("jac", SideBySide.Unit.SECONDS, new double[] {3, 3, 3},
                new double[] {1, 1, 2}, "");
        assertEquals("3.00x", SideBySide.ratio(fast));
        assertTrue(Double.isNaN(new SideBySide.Row("x", SideBySide.Unit.PER_SECOND, new double[] {1},
                new double[0], "no such net").ratio()));
    }

    @Test
    void cellsShowTheMedianAndTheRangeInTheRowsUnit() {
        assertEquals("50.0 it/s (40.0–60.0)", SideBySide.cell(new double[] {60, 40, 50}, SideBySide.Unit.PER_SECOND));
        // rates of 50, 100 and 200 per second are 20, 10 and 5 ms: the range runs from the fastest time up
        assertEquals("10.0 ms (5.00–20.0)", SideBySide.cell(new double[] {50, 200, 100}, SideBySide.Unit.MILLIS));
        assertEquals("2.00 s", SideBySide.cell(new double[] {0.5}, SideBySide.Unit.SECONDS));
        assertEquals("—", SideBySide.cell(new double[0], SideBySide.Unit.MILLIS));
        assertEquals("1234", SideBySide.number(1234.4));
        assertEquals("0.123", SideBySide.number(0.1234));
    }

    @Test
    void theTableLinesUpAndSaysWhyARowHasNoPyTorchFigure() {
        String table = SideBySide.table(List.of(
                new SideBySide.Row("ring8-nsgan, batch 256", SideBySide.Unit.PER_SECOND, new double[] {110, 104, 113},
                        new double[] {293, 341, 300}, ""),
                new SideBySide.Row("ring8-wgan, batch 256", SideBySide.Unit.PER_SECOND, new double[] {90},
                        new double[0], "the yardstick has no ring8-wgan")));
        List<String> lines = table.lines().toList();
        assertEquals(4, lines.size(), table);
        assertTrue(lines.get(0).startsWith("| workload "), table);
        assertTrue(lines.get(1).matches("\\|( -+ \\|)+"), table);
        assertTrue(lines.stream().allMatch(l -> l.length() == lines.get(0).length()), "aligned:\n" + table);
        assertTrue(lines.get(2).contains("110 it/s (104–113)") && lines.get(2).contains("300 it/s (293–341)")
                && lines.get(2).contains("0.37x"), table);
        assertTrue(lines.get(3).contains("— (the yardstick has no ring8-wgan)") && lines.get(3).endsWith("— |"),
                table);
    }

    /** A stand-in for the script: answers its protocol with a fixed rate and logs each command. */
    private Path fakePython(Path log) throws IOException {
        Path fake = tmp.resolve("fake-python");
        Files.writeString(fake, "#!/bin/sh\n"
                + "echo '{\"torch\": \"0.0-fake\", \"blas\": \"FakeBLAS\", \"threads\": 1}'\n"
                + "while read cmd name rest; do\n"
                + "  echo \"torch $cmd $name\" >> '" + log + "'\n"
                + "  case \"$cmd\" in\n"
                + "    prepare) echo '{\"ok\": true}' ;;\n"
                + "    window) echo '{\"rate\": 250.0, \"iterations\": 1}' ;;\n"
                + "    release) echo '{\"ok\": true}' ;;\n"
                + "    quit) exit 0 ;;\n"
                + "  esac\n"
                + "done\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        return fake;
    }

    @Test
    void labAndPyTorchRoundsAlternateAndFillOneRow() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh for the stand-in script");
        Path log = tmp.resolve("log");
        Files.writeString(log, "");
        Runnable lab = () -> {
            try {
                Thread.sleep(2);
                Files.writeString(log, "lab\n", StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<SideBySide.Row> rows;
        try (PyTorchYardstick torch = PyTorchYardstick.start(fakePython(log).toString(), tmp.resolve("script.py"),
                1)) {
            assertEquals("0.0-fake", torch.torchVersion());
            rows = new VersusPyTorch(0.01, 3, new PrintStream(new ByteArrayOutputStream())).run(List.of("toy"),
                    name -> new VersusPyTorch.Workload(name, "toy workload", SideBySide.Unit.MILLIS, lab, Map.of()),
                    torch, 1, new PrintStream(out, true, StandardCharsets.UTF_8));
        }
        List<String> events = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String e = line.strip();
            if (events.isEmpty() || !events.get(events.size() - 1).equals(e)) {
                events.add(e);
            }
        }
        assertEquals(List.of("lab", "torch prepare toy", "lab", "torch window toy", "lab", "torch window toy", "lab",
                "torch window toy", "torch release toy", "torch quit"), events);
        assertEquals(1, rows.size());
        assertEquals(3, rows.get(0).lab().length);
        assertEquals(250.0, SideBySide.median(rows.get(0).pytorch()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("PyTorch 0.0-fake") && printed.contains("FakeBLAS")
                && printed.contains("load average") && printed.contains("| toy workload "), printed);
        assertTrue(printed.contains("4.00 ms (4.00–4.00) |"), "PyTorch's 250 /s read as 4 ms:\n" + printed);
    }

    @Test
    void aPythonThatDoesNotExistIsSaidInOneLineWithHowToInstall() {
        String python = tmp.resolve("no-such-python3").toString();

        assertOneLineError(run("bench", "--vs-pytorch", "--python", python, "--nets", "ring8-nsgan"),
                "cannot run python '" + python + "'", "apt-get install python3-torch", "--python");
    }

    @Test
    void aPythonWithoutTorchIsSaidInOneLineWithHowToInstall() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh for the stand-in python");
        Path python = tmp.resolve("python-without-torch");
        Files.writeString(python, "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'torch'\" >&2\nexit "
                + PyTorchYardstick.NO_TORCH + "\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));

        assertOneLineError(run("bench", "--vs-pytorch", "--python", python.toString(), "--nets", "ring8-nsgan"),
                "has no PyTorch", "apt-get install python3-torch", "pip install torch");
    }

    @Test
    void aMissingYardstickScriptIsSaidInOneLine() {
        Path script = tmp.resolve("nowhere.py");

        assertOneLineError(run("bench", "--vs-pytorch", "--yardstick", script.toString()), "does not exist",
                "--yardstick");
        LabException e = assertThrows(LabException.class, () -> PyTorchYardstick.locateScript(script, tmp));
        assertTrue(e.getMessage().contains("bench/pytorch_yardstick.py"), e.getMessage());
    }

    @Test
    void theScriptIsFoundInTheLabsFolder() {
        assertEquals(Path.of(".").toAbsolutePath().resolve(PyTorchYardstick.SCRIPT),
                PyTorchYardstick.locateScript(null, Path.of(".")));
    }

    @Test
    void oneThreadCountOnlyAndGeometryRowsOnlyBesidePyTorch() {
        assertOneLineError(run("bench", "--vs-pytorch", "--threads", "1,2"), "one thread count", "--threads N");
        console.err.reset();
        assertOneLineError(run("bench", "--nets", "geometry-hvp", "--threads", "1"), "geometry workload",
                "--vs-pytorch");
        console.err.reset();
        assertOneLineError(run("bench", "--vs-pytorch", "--nets", "no-such-net"), "no-such-net");
    }
}
