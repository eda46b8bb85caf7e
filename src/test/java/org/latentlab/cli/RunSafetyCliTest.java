package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.Checkpoint;
import org.latentlab.experiment.Checkpoints;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;

/**
 * What {@code train} does when the disk or the run folder lets it down: a full disk before and during a run, a runs
 * folder that cannot be written, and damaged or missing checkpoint files on resume. Each case must end with one
 * line saying what is wrong, a non-zero exit (or a warning and success, for a fallback that worked), and nothing
 * lost or half-written.
 */
class RunSafetyCliTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;
    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void restore() throws Exception {
        for (Path m : mounts) {
            new ProcessBuilder("umount", "-l", m.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static int train(String... args) {
        return ConsoleCapture.train(Duration.ofSeconds(120), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The error output is the one line the user reads: no exception names, no stack frames. */
    private void assertOneLineError(String... mustContain) {
        String e = stderr().strip();
        assertFalse(e.isEmpty(), "no message at all");
        assertFalse(e.contains("Exception") || e.contains("\tat ") || e.contains("\n"), "not one line:\n" + e);
        for (String s : mustContain) {
            assertTrue(e.contains(s), "'" + s + "' missing from: " + e);
        }
    }

    /** A small file system of {@code bytes}, or the test is skipped where mounting is not allowed. */
    private Path tmpfs(String name, long bytes) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        boolean mounted = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here (not root?)");
        mounts.add(dir);
        return dir;
    }

    private static GanExperiment ring(long iterations, int sampleInterval, int checkpointInterval) {
        GanExperiment p = Presets.loadGan("ring8-nsgan");
        return new GanExperiment(p.name(), p.description(), p.seed(), p.dataset(), p.generator(),
                p.discriminator(), p.training(), iterations, sampleInterval, checkpointInterval);
    }

    private Path specFile(GanExperiment spec) throws IOException {
        return Files.writeString(tmp.resolve(spec.name() + ".json"), ExperimentFiles.toJson(spec));
    }

    /** A finished ring run with checkpoints at 20 and 30 (the two newest of 10, 20, 30). */
    private Path finishedRingRun(Path runs) throws IOException {
        int code = train(specFile(ring(30, 5, 10)).toString(), "--runs", runs.toString());
        assertEquals(0, code, stderr());
        out.reset();
        err.reset();
        Path run = onlyRunFolder(runs);
        assertEquals(List.of(20L, 30L), checkpointIterations(run));
        return run;
    }

    // ---- a full disk

    @Test
    void aTooSmallDiskIsRefusedBeforeTrainingWithTheNumbers() throws Exception {
        Path runs = tmpfs("small", 300 * 1024);
        int code = train("mnist-mlp-gan", "--iterations", "20", "--runs", runs.toString());

        assertEquals(1, code);
        assertOneLineError("the runs folder " + runs, "free", "needs about", "MB");
        assertTrue(isEmptyFolder(runs), "nothing written: " + list(runs));
        assertFalse(stdout().contains("done"), stdout());
    }

    /**
     * A disk with room for two checkpoints of the MLP GAN but not a third: the run stops at the third with the
     * reason, exits 1, never says "done", leaves no half-written folder, and the newest good checkpoint resumes.
     */
    @Test
    void aDiskThatFillsUpMidRunStopsTheRunAndKeepsTheLastGoodCheckpoint() throws Exception {
        GanExperiment preset = Presets.loadGan("mnist-mlp-gan");
        GanExperiment spec = new GanExperiment(preset.name(), preset.description(), preset.seed(),
                preset.dataset(), preset.generator(), preset.discriminator(), preset.training(), 40, 1000, 5);
        long checkpoint = ExperimentRunner.checkpointBytes(spec);
        Path runs = tmpfs("filling", 2 * checkpoint + (1 << 20) + (512 << 10));

        int code = train(specFile(spec).toString(), "--runs", runs.toString());

        assertEquals(1, code, stdout() + stderr());
        assertFalse(stdout().contains("done"), stdout());
        assertOneLineError("cannot save the checkpoint at iteration 15: No space left on device",
                "the newest good checkpoint is still checkpoints/iter-00000010");
        Path run = onlyRunFolder(runs);
        assertEquals(List.of(5L, 10L), checkpointIterations(run), "no half-written folder is left");
        for (long it : checkpointIterations(run)) {
            assertNull(Checkpoints.damage(checkpoint(run, it)), "checkpoint " + it);
        }
        assertEquals(10, Checkpoint.latestIteration(run));
    }

    // ---- a runs folder that cannot be written

    @Test
    void aRunsFolderThatIsAFileIsRefusedBeforeTraining() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "my notes\n");

        int code = train("ring8-nsgan", "--iterations", "30", "--runs", notes.toString());

        assertEquals(1, code);
        assertOneLineError(notes.toString(), "is a file, not a folder");
        assertEquals("my notes\n", Files.readString(notes));
        assertTrue(stdout().isEmpty(), "no training line: " + stdout());
    }

    @Test
    void aRunsFolderThatCannotBeCreatedIsRefusedBeforeTraining() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        Path runs = Path.of("/proc/latentlab-runs");

        int code = train("ring8-ae-2d", "--iterations", "30", "--runs", runs.toString());

        assertEquals(1, code);
        assertOneLineError("cannot create the runs folder " + runs);
        assertTrue(stdout().isEmpty(), "no training line: " + stdout());
    }

    @Test
    void aReadOnlyRunsFolderIsRefusedBeforeTraining() throws Exception {
        Path ro = tmpfs("readonly", 1 << 20);
        Process p = new ProcessBuilder("mount", "-o", "remount,ro", ro.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "cannot remount read-only");

        int code = train("ring8-nsgan", "--iterations", "30", "--runs", ro.toString());

        assertEquals(1, code);
        assertOneLineError("cannot write in the runs folder " + ro, "Read-only file system");
    }

    @Test
    void iterationsOrSeedWithResumeAreRefusedRatherThanIgnored() throws IOException {
        Path run = finishedRingRun(tmp.resolve("runs"));
        List<String> before = Files.readAllLines(run.resolve("metrics.csv"));

        int code = train("--resume", run.toString(), "--iterations", "60");

        assertEquals(1, code);
        assertOneLineError("--resume continues " + run, "--iterations belongs to a new run");
        assertEquals(before, Files.readAllLines(run.resolve("metrics.csv")), "the run is left as it was");
        err.reset();
        assertEquals(1, train("--resume", run.toString(), "--seed", "7"));
        assertOneLineError("--seed belongs to a new run");
    }

    // ---- damaged and missing checkpoint files

    @Test
    void aTruncatedGeneratorFallsBackToTheNewestIntactCheckpointAndSaysSo() throws IOException {
        Path run = finishedRingRun(tmp.resolve("runs"));
        Path g = checkpoint(run, 30).resolve("G.zip");
        try (FileChannel c = FileChannel.open(g, StandardOpenOption.WRITE)) {
            c.truncate(c.size() / 2);
        }
        List<String> before = Files.readAllLines(run.resolve("metrics.csv"));

        int code = train("--resume", run.toString());

        assertEquals(0, code, stderr());
        String e = stderr().strip();
        assertTrue(e.startsWith("warning: "), e);
        assertTrue(e.contains("iter-00000030") && e.contains("G.zip") && e.contains("iter-00000020"), e);
        assertFalse(e.contains("Exception") || e.contains("\tat ") || e.contains("\n"), e);
        assertTrue(stdout().contains("done: finished 30 iterations"), stdout());
        assertEquals(firstColumn(before), firstColumn(Files.readAllLines(run.resolve("metrics.csv"))),
                "the rows after 20 are redone, none lost or doubled");
        assertNull(Checkpoints.damage(checkpoint(run, 30)), "iteration 30 written again, intact");
    }

    @Test
    void whenEveryCheckpointIsDamagedResumeRefusesAndDeletesNothing() throws IOException {
        Path run = finishedRingRun(tmp.resolve("runs"));
        Files.writeString(checkpoint(run, 30).resolve("D.zip"), "garbage");
        Files.delete(checkpoint(run, 20).resolve("G.zip"));
        Map<Path, byte[]> before = snapshot(run);

        int code = train("--resume", run.toString());

        assertEquals(1, code);
        assertOneLineError(run + " has no intact checkpoint to resume from", "iter-00000030", "D.zip",
                "iter-00000020", "G.zip");
        assertEquals(before.keySet(), snapshot(run).keySet());
        Map<Path, byte[]> after = snapshot(run);
        for (Path f : before.keySet()) {
            assertTrue(java.util.Arrays.equals(before.get(f), after.get(f)), "changed: " + f);
        }
    }

    @Test
    void aMissingLatestFileDoesNotStopAResume() throws IOException {
        Path runs = tmp.resolve("runs");
        int first = train(specFile(ring(20, 5, 10)).toString(), "--runs", runs.toString());
        assertEquals(0, first, stderr());
        Path run = onlyRunFolder(runs);
        Files.delete(run.resolve("checkpoints/LATEST"));
        Files.writeString(run.resolve("spec.json"), ExperimentFiles.toJson(ring(30, 5, 10)));
        out.reset();
        err.reset();

        int code = train("--resume", run.toString());

        assertEquals(0, code, stderr());
        assertTrue(stdout().contains("done: finished 30 iterations"), stdout());
        assertEquals(30, Checkpoint.latestIteration(run));
        assertEquals(checkpoint(run, 30).getFileName().toString(),
                Files.readString(run.resolve("checkpoints/LATEST")).strip());
    }

    // ---- the process asked to exit

    /** SIGTERM in the middle of training: a checkpoint is saved, and one line says where and how to continue. */
    @Test
    void sigtermSavesACheckpointAndSaysHowToContinue() throws Exception {
        Path runs = tmp.resolve("runs");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-XX:-UseSuperWord", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "train", "ring8-nsgan",
                "--iterations", "100000000", "--runs", runs.toString())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.matches("it [1-9].*"));
            assertNotNull(line, "the run never reported an iteration");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running a minute after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(143, p.exitValue());
        String err = Files.readString(tmp.resolve("stderr.txt"));
        Path run = onlyRunFolder(runs);
        long saved = Checkpoint.latestIteration(run);
        assertTrue(saved > 0, "no checkpoint saved on SIGTERM:\n" + err);
        assertNull(Checkpoints.damage(checkpoint(run, saved)));
        assertTrue(err.contains("stopped: the process was asked to exit; the run folder " + run
                + " keeps its checkpoint at iteration " + saved + ": continue with train --resume " + run), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.list(Path.of(".")).anyMatch(f -> f.getFileName().toString().startsWith("hs_err")),
                "a JVM crash file in the project folder");
    }

    // ---- helpers

    private static List<String> firstColumn(List<String> csv) {
        return csv.stream().map(l -> l.split(",", -1)[0]).toList();
    }

    private static Map<Path, byte[]> snapshot(Path dir) throws IOException {
        Map<Path, byte[]> m = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(f), Files.readAllBytes(f));
            }
        }
        return m;
    }

    /** The iterations of every checkpoint folder, a half-written one included (which would fail the test). */
    private static List<Long> checkpointIterations(Path run) throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            return s.filter(Files::isDirectory).map(Checkpoints::iterationOf).sorted().toList();
        }
    }

    private static Path checkpoint(Path run, long iteration) throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            return s.filter(p -> p.getFileName().toString().matches("iter-0*" + iteration)).findFirst()
                    .orElseThrow(() -> new AssertionError("no checkpoint at " + iteration + " in " + run));
        }
    }

    private static Path onlyRunFolder(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            List<Path> runs = s.filter(Files::isDirectory).toList();
            assertEquals(1, runs.size(), runs.toString());
            return runs.get(0);
        }
    }

    private static boolean isEmptyFolder(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static String list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(Path::toString).toList().toString();
        }
    }
}
