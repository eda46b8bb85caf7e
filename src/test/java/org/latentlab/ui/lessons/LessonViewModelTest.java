package org.latentlab.ui.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Next performs the step's action, Back does not, Do again does; a bad file is one line. */
class LessonViewModelTest {

    @TempDir
    Path dir;

    /** Records what the lesson asked of the window and answers at once. */
    static final class Recorder implements LessonStage {
        final List<String> done = new ArrayList<>();
        int cancels;

        @Override
        public void perform(LessonAction action, Consumer<Outcome> report) {
            done.add(action.toString());
            report.accept(action.preset() != null && action.preset().equals("broken")
                    ? Outcome.failed("cannot load it") : Outcome.done("did " + action));
        }

        @Override
        public void cancel() {
            cancels++;
        }
    }

    private static Lesson lesson() {
        return new Lesson("L", "", List.of(
                new LessonStep("one", "text", new LessonAction("geometry", "toy", null, null, null,
                        Map.of("toy.surface", "saddle"), null), null),
                new LessonStep("two", "text", null, "look"),
                new LessonStep("three", "text", new LessonAction(null, null, null, null, "ring8-nsgan", null, "300"), null)));
    }

    @Test
    void nextPerformsBackDoesNotAgainDoes() {
        Recorder r = new Recorder();
        LessonViewModel vm = new LessonViewModel(r, List.of(lesson()));
        vm.choose(vm.lessons().get(0));
        assertEquals(List.of("tab geometry / toy · set toy.surface=saddle"), r.done);
        assertEquals("step 1 of 3", vm.positionProperty().get());
        assertFalse(vm.canBackProperty().get());
        vm.next();
        vm.next();
        assertEquals("step 3 of 3", vm.positionProperty().get());
        assertEquals(2, r.done.size());
        assertEquals("preset ring8-nsgan · run to 300", r.done.get(1));
        assertTrue(vm.messageProperty().get().startsWith("did "));
        assertFalse(vm.canNextProperty().get());
        vm.back();
        assertEquals("two", vm.stepProperty().get().title());
        assertEquals(2, r.done.size(), "Back performs nothing");
        assertTrue(r.cancels >= 1);
        vm.back();
        vm.again();
        assertEquals(3, r.done.size());
    }

    @Test
    void aFailedActionIsSaidAsAnError() {
        Recorder r = new Recorder();
        Lesson l = new Lesson("L", "", List.of(new LessonStep("one", "t",
                new LessonAction(null, null, null, null, "broken", null, null), null)));
        LessonViewModel vm = new LessonViewModel(r, List.of());
        vm.choose(l);
        assertEquals("cannot load it", vm.messageProperty().get());
        assertTrue(vm.messageIsErrorProperty().get());
        assertEquals(1, vm.lessons().size());
    }

    @Test
    void aBadFileIsOneLineAndChangesNothing() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"title\": \"x\", \"steps\": [{\"title\": \"a\", \"text\": \"b\","
                + " \"action\": {\"preset\": \"nope\"}}]}");
        LessonViewModel vm = new LessonViewModel(new Recorder(), List.of(lesson()));
        assertFalse(vm.open(f));
        assertTrue(vm.messageProperty().get().startsWith("bad.json: step 1 ('a'): no preset 'nope'"),
                vm.messageProperty().get());
        assertTrue(vm.messageIsErrorProperty().get());
        assertEquals(1, vm.lessons().size());
    }
}
