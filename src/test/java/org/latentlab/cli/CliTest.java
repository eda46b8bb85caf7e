package org.latentlab.cli;

import org.latentlab.experiment.ExperimentData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.DataSource;
import org.latentlab.experiment.Checkpoint;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.GanViews;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.RunStore;
import org.latentlab.train.Backend;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

/** The command line through {@link Main#execute}, with stdout and stderr captured. */
class CliTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;

    /**
     * Runs a {@code train} command line with a time limit, so that a run that never reports back fails the test
     * instead of hanging the build.
     */
    private static int train(String... args) {
        return ConsoleCapture.train(Duration.ofSeconds(60), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRateIsLeftOutUntilItHasBeenMeasured() {
        assertEquals("", TrainCommand.rate(Double.NaN));
        assertEquals("  94 it/s", TrainCommand.rate(93.6));
    }

    @Test
    void presetsListsEveryPreset() {
        assertEquals(0, Main.execute("presets"));

        for (String name : Presets.gans()) {
            assertTrue(stdout().contains(name + " "), "missing " + name + " in:\n" + stdout());
        }
    }

    @Test
    void presetsWithANamePrintsItsJson() {
        assertEquals(0, Main.execute("presets", "ring8-wgan"));

        assertEquals(Presets.loadGan("ring8-wgan"), ExperimentFiles.parseGan(stdout(), "stdout"));
    }

    @Test
    void unknownPresetFails() {
        int code = train("no-such-preset", "--runs", tmp.toString());

        assertNotEquals(0, code);
        assertTrue(stderr().contains("no preset named 'no-such-preset'"), stderr());
        assertTrue(isEmptyFolder(tmp));
    }

    @Test
    void badExperimentFileFailsNamingTheFile() throws IOException {
        String json = ExperimentFiles.toJson(Presets.loadGan("ring8-nsgan")).replace("\"batchSize\" : 256",
                "\"batchSize\" : \"abc\"");
        Path file = Files.writeString(tmp.resolve("broken-experiment.json"), json);
        Path runs = tmp.resolve("runs");

        int code = train(file.toString(), "--runs", runs.toString());

        assertNotEquals(0, code);
        assertTrue(stderr().contains("broken-experiment.json"), stderr());
        assertTrue(stderr().contains("training.batchSize"), stderr());
        assertTrue(!Files.exists(runs) || isEmptyFolder(runs));
    }

    @Test
    void experimentAndResumeTogetherFail() {
        int code = train("ring8-nsgan", "--resume", tmp.toString());

        assertNotEquals(0, code);
        assertTrue(stderr().contains("not both"), stderr());
    }

    @Test
    void trainWritesOneRunFolder() throws IOException {
        int code = train("ring8-nsgan", "--iterations", "30", "--runs", tmp.toString());

        assertEquals(0, code, stderr());
        Path run = onlyRunFolder(tmp);
        assertTrue(run.getFileName().toString().endsWith("-ring8-nsgan"), run.toString());
        assertEquals(30, ExperimentFiles.readGan(run.resolve("spec.json")).iterations());
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(2, metrics.size(), "header + the final row at 30: " + metrics);
        assertTrue(metrics.get(1).startsWith("30,"), metrics.get(1));
        assertEquals(30, Checkpoint.latestIteration(run));
        assertTrue(stdout().contains("done: finished 30 iterations"), stdout());
    }

    /**
     * A run stopped after its checkpoint at 20 (rows up to 25 written, as a killed process leaves them) resumes to
     * 30: the rows after the checkpoint are replaced, none duplicated, and the redone row 25 repeats the lost one's
     * losses and metrics exactly (only elapsed_s differs).
     */
    @Test
    void resumeContinuesFromTheCheckpointWithoutDuplicateRows() throws IOException {
        Backend.init();
        GanExperiment preset = Presets.loadGan("ring8-nsgan");
        GanExperiment spec = new GanExperiment(preset.name(), preset.description(), preset.seed(), preset.dataset(),
                preset.generator(), preset.discriminator(), preset.training(), 30, 5, 10);
        DataSource data = ExperimentData.open(spec, tmp);
        RunStore store = RunStore.create(tmp, spec, data.contentHash());
        GanTrainer trainer = ExperimentRunner.buildTrainer(spec, data, DataType.FLOAT);
        GanViews views = new GanViews(trainer, spec.seed());
        while (trainer.iteration() < 25) {
            trainer.iterate();
            if (trainer.iteration() % 5 == 0) {
                store.appendMetrics(trainer, 0, views.evaluate(trainer));
            }
            if (trainer.iteration() == 20) {
                Checkpoint.save(store.dir(), trainer);
            }
        }
        Path csv = store.dir().resolve("metrics.csv");
        String lostRow25 = Files.readAllLines(csv).get(5);
        assertTrue(lostRow25.startsWith("25,"), lostRow25);

        int code = train("--resume", store.dir().toString());

        assertEquals(0, code, stderr());
        List<String> lines = Files.readAllLines(csv);
        List<String> iterations = lines.stream().skip(1).map(l -> l.split(",", -1)[0]).toList();
        assertEquals(List.of("5", "10", "15", "20", "25", "30"), iterations, String.join("\n", lines));
        assertEquals(withoutElapsed(lostRow25), withoutElapsed(lines.get(5)));
        assertEquals(30, Checkpoint.latestIteration(store.dir()));
        assertEquals(1, runFolders(tmp).size(), "resume writes into the same folder");
    }

    /** Resuming a run that has already finished reports that and exits, not waiting for iterations to come. */
    @Test
    void resumingAFinishedRunExitsPromptly() throws IOException {
        assertEquals(0, train("ring8-nsgan", "--iterations", "30", "--runs", tmp.toString()));
        Path run = onlyRunFolder(tmp);
        List<String> before = Files.readAllLines(run.resolve("metrics.csv"));

        int code = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Main.execute("train", "--resume", run.toString()),
                "resuming a finished run should exit, not wait for iterations that never come");

        assertEquals(0, code, stderr());
        assertEquals(before, Files.readAllLines(run.resolve("metrics.csv")));
        Set<String> its = new HashSet<>();
        for (String line : before.subList(1, before.size())) {
            assertTrue(its.add(line.split(",")[0]), "duplicate row " + line);
        }
    }

    private static String withoutElapsed(String row) {
        String[] cells = row.split(",", -1);
        cells[1] = "";
        return String.join(",", Arrays.asList(cells));
    }

    private static Path onlyRunFolder(Path root) throws IOException {
        List<Path> runs = runFolders(root);
        assertEquals(1, runs.size(), runs.toString());
        return runs.get(0);
    }

    private static List<Path> runFolders(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    private static boolean isEmptyFolder(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
