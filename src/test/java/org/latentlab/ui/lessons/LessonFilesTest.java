package org.latentlab.ui.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson files: what a teacher's mistake is told as, in one line naming the file and the step. */
class LessonFilesTest {

    private static final LessonTargets TARGETS = new LessonTargets(List.of("ring8-nsgan", "mnist-ae"),
            List.of("dae-field"), List.of("gan.k", "toy.surface"));

    @TempDir
    Path dir;

    private static String lesson(String... steps) {
        return "{\"title\": \"T\", \"summary\": \"S\", \"steps\": [" + String.join(",", steps) + "]}";
    }

    private static String step(String title, String action) {
        return "{\"title\": \"" + title + "\", \"text\": \"Some **text**.\"" + (action == null ? ""
                : ", \"action\": " + action) + "}";
    }

    private static String message(String json) {
        LabException e = assertThrows(LabException.class, () -> LessonFiles.parse(json, "my.json", TARGETS));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("my.json: "), e.getMessage());
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + message + "' should mention '" + p + "'");
        }
    }

    @Test
    void aGoodLessonParsesAndRoundTrips() {
        Lesson l = LessonFiles.parse(lesson(step("One", "{\"preset\": \"ring8-nsgan\", \"set\": {\"gan.k\": \"5\"},"
                + " \"run\": \"200\"}"), step("Two", null)), "my.json", TARGETS);
        assertEquals(2, l.steps().size());
        assertEquals(200, l.steps().get(0).action().runTo());
        assertEquals("5", l.steps().get(0).action().set().get("gan.k"));
        assertEquals(l, LessonFiles.parse(LessonFiles.toJson(l), "again.json", TARGETS));
    }

    @Test
    void anUnknownPresetNamesTheStepAndTheKnownOnes() {
        assertMentions(message(lesson(step("One", null), step("Collapse", "{\"preset\": \"grid52\"}"))),
                "step 2 ('Collapse')", "no preset 'grid52'", "ring8-nsgan");
    }

    @Test
    void aBuilderTemplateMustBeOneTheLabHas() {
        LessonTargets withTemplates = new LessonTargets(TARGETS.presets(), TARGETS.studies(), TARGETS.values(),
                List.of("cgan-2d", "infogan-2d"));
        Lesson l = LessonFiles.parse(lesson(step("Labels", "{\"tab\": \"builder\", \"template\": \"cgan-2d\"}")),
                "my.json", withTemplates);
        assertEquals("cgan-2d", l.steps().get(0).action().template());
        assertEquals(l, LessonFiles.parse(LessonFiles.toJson(l), "again.json", withTemplates));
        LabException e = assertThrows(LabException.class, () -> LessonFiles.parse(lesson(step("A",
                "{\"template\": \"cgan-3d\"}")), "my.json", withTemplates));
        assertMentions(e.getMessage(), "step 1 ('A')", "no builder template 'cgan-3d'", "infogan-2d");
    }

    @Test
    void anUnknownStudyOrValueIsNamed() {
        assertMentions(message(lesson(step("A", "{\"study\": \"nope\"}"))), "step 1 ('A')", "no study 'nope'",
                "dae-field");
        assertMentions(message(lesson(step("A", "{\"preset\": \"ring8-nsgan\", \"set\": {\"gan.q\": \"1\"}}"))),
                "no value 'gan.q'", "gan.k");
    }

    @Test
    void aBadRunOrTabOrViewIsSaidWithItsStepCountedFromOne() {
        assertMentions(message(lesson(step("A", null), step("B", null),
                step("C", "{\"preset\": \"ring8-nsgan\", \"run\": \"soon\"}"))), "step 3, action", "line",
                "\"start\", \"pause\" or an iteration");
        assertMentions(message(lesson(step("A", "{\"tab\": \"kitchen\"}"))), "step 1", "no tab 'kitchen'",
                "geometry");
        assertMentions(message(lesson(step("A", "{\"tab\": \"geometry\", \"view\": \"sky\"}"))),
                "no view 'sky'", "toy");
        assertMentions(message(lesson(step("A", "{\"view\": \"toy\"}"))), "a view needs its tab");
    }

    @Test
    void runWithoutAPresetOnABenchIsRefused() {
        assertMentions(message(lesson(step("Go", "{\"run\": \"start\"}"))), "step 1 ('Go')", "needs a preset");
    }

    @Test
    void missingPartsAndUnknownFieldsAreNamed() {
        assertMentions(message("{\"title\": \"T\", \"steps\": [{\"title\": \"A\", \"text\": \"x\"},"
                + " {\"title\": \"B\"}]}"), "step 2", "step 'B' needs a text");
        assertMentions(message("{\"title\": \"T\", \"steps\": []}"), "at least one step");
        assertMentions(message(lesson(step("A", "{\"preset\": \"ring8-nsgan\", \"speed\": 2}"))),
                "step 1, action", "unknown field 'speed'");
        assertMentions(message("{\"title\": \"T\", \"steps\": [ {\"title\": \"A\" \"text\": \"x\"} ]}"), "line 1");
    }

    @Test
    void aMissingFileIsNamed() {
        LabException e = assertThrows(LabException.class, () -> LessonFiles.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("none.json"), e.getMessage());
    }

    @Test
    void aFileOnDiskIsCheckedAgainstTheLab() throws Exception {
        Path f = dir.resolve("mine.json");
        Files.writeString(f, lesson(step("A", "{\"preset\": \"grid25-collapse\", \"run\": \"100\"}")));
        assertEquals("grid25-collapse", LessonFiles.read(f).steps().get(0).action().preset());
        Files.writeString(f, lesson(step("A", "{\"preset\": \"grid25-colapse\"}")));
        LabException e = assertThrows(LabException.class, () -> LessonFiles.read(f));
        assertMentions(e.getMessage(), "mine.json: step 1 ('A'): no preset 'grid25-colapse'");
    }
}
