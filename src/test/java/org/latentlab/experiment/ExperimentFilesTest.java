package org.latentlab.experiment;

import org.latentlab.core.AtomicFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentlab.core.LabException;

/**
 * Experiment files: every preset round-trips through JSON, and each kind of bad file gives one {@link LabException}
 * naming the file and the place in it. Bad files are made by editing a preset's JSON text.
 */
class ExperimentFilesTest {

    private static final String SOURCE = "edited.json";

    @TempDir
    Path dir;

    static List<String> presetNames() {
        return Presets.gans();
    }

    @ParameterizedTest
    @MethodSource("presetNames")
    void presetLoadsAndRoundTripsThroughJson(String name) {
        GanExperiment spec = Presets.loadGan(name);
        assertEquals(name, spec.name());

        String json = ExperimentFiles.toJson(spec);
        GanExperiment back = ExperimentFiles.parseGan(json, SOURCE);

        assertEquals(spec, back);
        assertEquals(json, ExperimentFiles.toJson(back), "writing is stable");
    }

    @ParameterizedTest
    @MethodSource("presetNames")
    void presetRoundTripsThroughAFile(String name) {
        GanExperiment spec = Presets.loadGan(name);
        Path file = dir.resolve(name + ".json");

        ExperimentFiles.write(spec, file);

        assertEquals(spec, ExperimentFiles.readGan(file));
    }

    @Test
    void equalityNoticesAChangedField() {
        // Guards the round-trip test: equals must not be trivially true.
        String json = ExperimentFiles.toJson(ring8());
        GanExperiment edited = ExperimentFiles.parseGan(edit(json, "\"learningRate\" : 0.001", "\"learningRate\" : 0.002"),
                SOURCE);
        assertNotEquals(ring8(), edited);
    }

    @Test
    void wrongTypeNamesTheField() {
        String message = failure(edit(ring8Json(), "\"batchSize\" : 256", "\"batchSize\" : \"abc\""));

        assertNamesSource(message);
        assertContains(message, "training.batchSize");
        assertContains(message, "line");
    }

    @Test
    void unknownLayerTypeNamesTheLayer() {
        String json = ring8Json().replaceFirst("\"type\" : \"dense\",(\\s*\"name\" : \"g2\")", "\"type\" : \"dense9\",$1");
        assertNotEquals(ring8Json(), json, "the edit must apply");

        String message = failure(json);

        assertNamesSource(message);
        assertContains(message, "unknown layer type 'dense9'");
        assertContains(message, "generator.layers[1]");
    }

    @Test
    void unknownFieldIsNamed() {
        String message = failure(edit(ring8Json(), "\"training\" : {", "\"training\" : {\n    \"bogus\" : 1,"));

        assertNamesSource(message);
        assertContains(message, "unknown field 'bogus'");
        assertContains(message, "training");
        assertContains(message, "line");
    }

    @Test
    void shapesThatDoNotFitMentionBothNetworks() {
        String json = ring8Json().replaceFirst("(\"name\" : \"g_out\",\\s*\"units\" : )2", "$13");
        assertNotEquals(ring8Json(), json, "the edit must apply");

        String message = failure(json);

        assertNamesSource(message);
        assertContains(message, "generator outputs 3");
        assertContains(message, "discriminator takes 2");
        assertContains(message, "line");
    }

    @Test
    void invalidValueNamesTheField() {
        String message = failure(edit(ring8Json(), "\"batchSize\" : 256", "\"batchSize\" : 0"));

        assertNamesSource(message);
        assertContains(message, "batchSize");
        assertContains(message, "not 0");
    }

    @Test
    void malformedJsonGivesTheLine() {
        String json = ring8Json().strip();
        assertTrue(json.endsWith("}"));

        String message = failure(json.substring(0, json.length() - 1));

        assertNamesSource(message);
        assertContains(message, "line");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("missing-experiment.json");

        String message = assertThrows(LabException.class, () -> ExperimentFiles.readGan(missing)).getMessage();

        assertContains(message, "missing-experiment.json");
        assertContains(message, "no such experiment file");
    }

    @Test
    void badFileReadFromDiskNamesThePath() throws IOException {
        Path file = Files.writeString(dir.resolve("bad-batch.json"),
                edit(ring8Json(), "\"batchSize\" : 256", "\"batchSize\" : \"abc\""));

        String message = assertThrows(LabException.class, () -> ExperimentFiles.readGan(file)).getMessage();

        assertTrue(message.startsWith(file.toString() + ": "), message);
        assertContains(message, "training.batchSize");
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        String message = assertThrows(LabException.class, () -> Presets.loadGan("no-such-preset")).getMessage();

        assertContains(message, "no preset named 'no-such-preset'");
        assertContains(message, Presets.defaultName());
    }

    @Test
    void atomicWriteThatFailsKeepsThePreviousContentAndNoTempFile() throws IOException {
        Path target = dir.resolve("metrics.txt");
        AtomicFiles.writeString(target, "previous content");

        LabException e = assertThrows(LabException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half a new file".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertContains(e.getMessage(), "disk full");
        assertContains(e.getMessage(), target.toString());
        assertEquals("previous content", Files.readString(target));
        assertEquals(List.of(target.getFileName()), listNames(dir));
    }

    @Test
    void atomicWriteThatThrowsAnUncheckedExceptionLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("spec.json");
        AtomicFiles.writeString(target, "{}");

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("writer broke");
        }));

        assertEquals("{}", Files.readString(target));
        assertEquals(List.of(target.getFileName()), listNames(dir));
    }

    @Test
    void atomicWriteReplacesContentAndCreatesFolders() throws IOException {
        Path target = dir.resolve("a").resolve("b").resolve("file.txt");

        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");

        assertEquals("two", Files.readString(target));
        assertEquals(List.of(target.getFileName()), listNames(target.getParent()));
    }

    private static GanExperiment ring8() {
        return Presets.loadGan("ring8-nsgan");
    }

    private static String ring8Json() {
        return ExperimentFiles.toJson(ring8());
    }

    private static String edit(String json, String from, String to) {
        assertTrue(json.contains(from), "the preset JSON no longer contains " + from);
        return json.replace(from, to);
    }

    private static String failure(String json) {
        return assertThrows(LabException.class, () -> ExperimentFiles.parseGan(json, SOURCE)).getMessage();
    }

    private static void assertNamesSource(String message) {
        assertTrue(message.startsWith(SOURCE + ": "), "message should start with the source: " + message);
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
    }

    private static List<Path> listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::getFileName).toList();
        }
    }
}
