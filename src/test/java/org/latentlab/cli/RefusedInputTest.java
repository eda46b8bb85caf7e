package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.Presets;
import org.latentlab.train.Backend;

/**
 * Input the command line must refuse: each case ends in exactly one {@code error:} line on stderr that says what
 * is wrong (no exception name, no stack trace), a non-zero exit code, and nothing written or replaced: the
 * {@code --runs} folder stays empty and an existing file keeps its bytes.
 */
class RefusedInputTest {

    @TempDir
    Path tmp;

    private Path runs;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;

    /** The backend's start-up log lines go to the real stderr, not to the one a test reads. */
    @BeforeAll
    static void startBackend() {
        Backend.init();
    }

    @BeforeEach
    void capture() {
        runs = tmp.resolve("runs");
    }

    private int run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.execute(args),
                "did not return within 60 s: " + String.join(" ", args));
    }

    private int train(Path experiment) {
        return run("train", experiment.toString(), "--runs", runs.toString());
    }

    /**
     * Exit code {@code code}, one line on stderr, starting "error: " and holding every part; no exception or stack
     * trace on stdout or stderr; and no run folder made.
     */
    private void assertRefused(int expectedCode, int code, String... parts) {
        String stderr = err.toString(StandardCharsets.UTF_8);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, stderr);
        assertEquals(1, stderr.strip().lines().count(), "one line:\n" + stderr);
        assertTrue(stderr.startsWith("error: "), stderr);
        for (String part : parts) {
            assertTrue(stderr.contains(part), "'" + part + "' missing in:\n" + stderr);
        }
        for (String text : new String[] {stderr, stdout}) {
            assertFalse(text.contains("Exception"), text);
            assertFalse(text.contains("at org."), text);
            assertFalse(text.contains("\tat "), text);
        }
        assertTrue(isEmptyOrAbsent(runs), "nothing written to " + runs);
    }

    private void assertRefused(int code, String... parts) {
        assertRefused(1, code, parts);
    }

    private static boolean isEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    /** A sparse file of {@code bytes}: it takes no disk space, but its size is what the lab sees. */
    private Path sparse(String name, long bytes) throws IOException {
        Path file = tmp.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    private static String preset(String name) {
        return ExperimentFiles.toJson(Presets.loadGan(name));
    }

    private static final long THREE_GB = 3L * 1024 * 1024 * 1024;

    // ---- experiment files that are not an experiment ----

    @Test
    void aFileThatIsJustNullIsRefused() throws IOException {
        Path file = write("null.json", "null\n");

        assertRefused(train(file), "null.json", "just null", "not an experiment");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = write("empty.json", "");

        assertRefused(train(file), "empty.json", "empty");
    }

    @Test
    void aSecondObjectAfterTheExperimentIsRefused() throws IOException {
        String experiment = preset("ring8-nsgan");
        Path file = write("two.json", experiment + "\n{}\n");

        assertRefused(train(file), "two.json", "(line " + (experiment.lines().count() + 1) + ", column 1)",
                "after the end of the experiment");
    }

    @Test
    void trailingTextAfterTheExperimentIsRefused() throws IOException {
        String experiment = preset("ring8-nsgan");
        Path file = write("trailing.json", experiment + "\nthis was the ring experiment\n");

        assertRefused(train(file), "trailing.json", "(line " + (experiment.lines().count() + 1) + ", column ",
                "after the end of the experiment");
    }

    @Test
    void nanWrittenAsTextForANumberIsRefused() throws IOException {
        String json = preset("ring8-nsgan").replace("\"instanceNoise\" : 0.0", "\"instanceNoise\" : \"NaN\"");
        assertTrue(json.contains("\"NaN\""));
        Path file = write("nan.json", json);

        assertRefused(train(file), "nan.json", "instanceNoise", "\"NaN\"");
    }

    @Test
    void aNumberWrittenAsTextIsRefused() throws IOException {
        String json = preset("ring8-nsgan").replace("\"learningRate\" : 0.001", "\"learningRate\" : \"0.001\"");
        Path file = write("text-number.json", json);

        assertRefused(train(file), "text-number.json", "learningRate");
    }

    @Test
    void aMisspeltFamilyListsTheFamilies() throws IOException {
        String json = ExperimentFiles.toJson(Presets.loadReconstruction("ring8-ae-2d"))
                .replaceFirst("\"family\" : \"autoencoder\"", "\"family\" : \"autoencodr\"");
        assertTrue(json.contains("autoencodr"), json);
        Path file = write("typo.json", json);

        int code = train(file);

        assertRefused(code, "typo.json", "autoencodr", "gan", "autoencoder", "vae", "rbm");
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("optimizer is missing"));
    }

    // ---- convolution strides ----

    /** fashion-dcgan with every "stride" of D (strided convolutions) replaced. */
    private static String dcganWithDiscriminatorStride(int stride) {
        String json = preset("fashion-dcgan");
        int d = json.indexOf("\"discriminator\"");
        String tail = json.substring(d).replace("\"stride\" : 2", "\"stride\" : " + stride);
        assertTrue(!tail.equals(json.substring(d)), "D has strided layers");
        return json.substring(0, d) + tail;
    }

    @Test
    void strideZeroIsRefusedNotReadAsOne() throws IOException {
        Path file = write("stride0.json", dcganWithDiscriminatorStride(0));

        assertRefused(train(file), "stride0.json", "stride >= 1, not 0");
    }

    @Test
    void aStrideThatSkipsTheInputIsRefusedByTheShapeCheck() throws IOException {
        Path file = write("stride100.json", dcganWithDiscriminatorStride(100));

        assertRefused(train(file), "stride100.json", "stride 100", "use a stride of at most");
    }

    // ---- huge inputs ----

    @Test
    void aThreeGigabyteExperimentFileIsRefusedNamingIt() throws IOException {
        Path file = sparse("huge.json", THREE_GB);

        assertRefused(train(file), "huge.json", "3,221,225,472 bytes (3.0 GiB)", "too large");
        assertEquals(THREE_GB, Files.size(file));
    }

    @Test
    void devZeroAsAnExperimentIsRefusedNamingIt() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));

        assertRefused(train(zero), "/dev/zero", "not a regular file");
    }

    /** ring8-nsgan on a person's CSV file. */
    private Path experimentOnCsv(String csvPath) throws IOException {
        String json = preset("ring8-nsgan").replace("\"kind\" : \"toy\",\n    \"name\" : \"ring8\"",
                "\"kind\" : \"csv\",\n    \"path\" : \"" + csvPath + "\"");
        assertTrue(json.contains(csvPath), json);
        return write("on-csv.json", json);
    }

    @Test
    void aThreeGigabyteCsvIsRefusedNamingIt() throws IOException {
        sparse("points.csv", THREE_GB);

        assertRefused(train(experimentOnCsv("points.csv")), "points.csv", "3,221,225,472 bytes (3.0 GiB)",
                "too large for a CSV file");
    }

    @Test
    void devZeroAsACsvIsRefusedNamingIt() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));

        assertRefused(train(experimentOnCsv("/dev/zero")), "/dev/zero", "not a regular file");
    }

    /** ring8-nsgan with G's two hidden layers widened to {@code units}. */
    private Path wideGenerator(int units) throws IOException {
        String json = preset("ring8-nsgan");
        for (String layer : new String[] {"g1", "g2"}) {
            json = json.replace("\"name\" : \"" + layer + "\",\n      \"units\" : 128",
                    "\"name\" : \"" + layer + "\",\n      \"units\" : " + units);
        }
        assertTrue(json.contains("\"units\" : " + units), json);
        return write("wide-" + units + ".json", json);
    }

    @Test
    void aNetworkOf100000UnitLayersIsRefusedBeforeItIsBuiltWithTheNumbers() throws IOException {
        long start = System.nanoTime();

        int code = train(wideGenerator(100_000));

        // 2x100,000 + 100,000x100,000 + 100,000x2 weights and 200,002 biases; Adam: 4 floats each.
        assertRefused(code, "ring8-nsgan", "G 10,000,600,002 parameters", "160,", "GB", "is available");
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused before anything is built");
    }

    @Test
    void aNetworkOf30000UnitLayersIsRefusedWhenItDoesNotFit() throws IOException {
        // The tests run with -Xmx3g, so ND4J may allocate about 3 GB; 900 million parameters need 14.4 GB.
        org.junit.jupiter.api.Assumptions.assumeTrue(org.bytedeco.javacpp.Pointer.maxBytes() < 14_000_000_000L,
                "ND4J may allocate more than the network needs here");
        int code = train(wideGenerator(30_000));

        assertRefused(code, "G 900,180,002 parameters", "14.4 GB", "is available");
    }

    // ---- options out of range ----

    @Test
    void benchRepeatsZeroIsRefused() {
        assertRefused(run("bench", "--repeats", "0"), "--repeats must be 1 to 1,000, not 0");
    }

    @Test
    void benchNegativeSoakIsRefused() {
        assertRefused(run("bench", "--soak", "-5"), "--soak must be 1 to", "not -5");
    }

    @Test
    void benchZeroThreadsIsRefused() {
        assertRefused(run("bench", "--threads", "0"), "--threads must be 1 to 256, not 0");
    }

    @Test
    void latencyZeroMovesIsRefused() {
        assertRefused(run("latency", "--moves", "0"), "--moves must be 1 to 100,000, not 0");
    }

    @Test
    void hessianTopBeyondItsBoundIsRefusedWithTheRange() {
        assertRefused(run("hessian", tmp.resolve("run").toString(), "--top", "100000"),
                "--top must be 1 to 200, not 100,000");
    }

    @Test
    void hessianExamplesBeyondTheirBoundAreRefusedWithTheRange() {
        assertRefused(run("hessian", tmp.resolve("run").toString(), "--trace", "--n", "2000000000"),
                "--n must be 1 to 100,000, not 2,000,000,000");
    }

    @Test
    void trainZeroIterationsIsRefused() {
        assertRefused(run("train", "ring8-nsgan", "--iterations", "0", "--runs", runs.toString()),
                "--iterations must be 1 to 1,000,000,000, not 0");
    }

    @Test
    void hessianDoesNotReplaceAnExistingFileWithoutForce() throws IOException {
        Path values = write("values.csv", "mine\n");

        int code = run("hessian", tmp.resolve("run").toString(), "--top", "5", "--out", values.toString());

        assertRefused(code, "values.csv already exists", "--force");
        assertEquals("mine\n", Files.readString(values));
    }

    @Test
    void aValueThatIsNotANumberIsOneLineWithExitCode2() {
        assertRefused(2, run("bench", "--repeats", "many"), "--repeats", "--help");
    }

    // ---- files that would be replaced ----

    @Test
    void landscapeDoesNotReplaceAnExistingFileWithoutForce() throws IOException {
        Path notes = write("notes.txt", "my notes\n");
        byte[] before = Files.readAllBytes(notes);

        int code = run("landscape", tmp.resolve("run").toString(), "--1d", "--out", notes.toString());

        assertRefused(code, "notes.txt already exists", "--force");
        assertArrayEquals(before, Files.readAllBytes(notes));
    }

    @Test
    void presetsWriteDoesNotReplaceAnExistingFileWithoutForce() throws IOException {
        Path existing = write("existing.json", "{\"mine\": true}\n");
        byte[] before = Files.readAllBytes(existing);

        int code = run("presets", "ring8-nsgan", "--write", existing.toString());

        assertRefused(code, "existing.json already exists", "--force");
        assertArrayEquals(before, Files.readAllBytes(existing));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().contains("existing")).count(),
                    "no temporary file left");
        }
    }

    @Test
    void presetsWriteWithForceReplacesTheFile() throws IOException {
        Path existing = write("existing.json", "{\"mine\": true}\n");

        assertEquals(0, run("presets", "ring8-nsgan", "--write", existing.toString(), "--force"),
                err.toString(StandardCharsets.UTF_8));

        assertEquals(Presets.loadGan("ring8-nsgan"), ExperimentFiles.readGan(existing));
    }

    // ---- a fault of the lab's own ----

    @Test
    void anUnexpectedFailureIsStillOneLineWithoutTheExceptionsName() {
        String line = Main.errorLine(new IllegalStateException("queue full\n  while saving"), "train", "x.json");
        assertEquals("error: unexpected failure in 'latentlab train x.json': queue full; while saving", line);

        String bare = Main.errorLine(new NullPointerException(), "bench");
        assertEquals("error: unexpected failure in 'latentlab bench': null pointer", bare);
        assertFalse(bare.contains("Exception"));
    }
}
