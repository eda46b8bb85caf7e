package org.latentlab.ui.lessons;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.core.LabException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The lessons panel's state: the lessons to pick from, the one chosen and its current step, and what the step's
 * action reported. Next moves on and performs the new step's action on the {@link LessonStage}; Back only moves back
 * (the window stays as the later step left it: a class does not lose a run by looking back); Do again performs the
 * current step's action once more. Opening a file adds its lesson to the list and chooses it, or says in one line
 * what is wrong with the file.
 */
public final class LessonViewModel {

    private final LessonStage stage;
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LessonStep> step = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(false);
    private int index = -1;

    public LessonViewModel(LessonStage stage, List<Lesson> bundled) {
        this.stage = stage;
        lessons.setAll(bundled);
    }

    /** Chooses a lesson and shows its first step, performing that step's action. */
    public void choose(Lesson l) {
        if (l == null || l == lesson.get()) {
            return;
        }
        if (!lessons.contains(l)) {
            lessons.add(l);
        }
        stage.cancel();
        lesson.set(l);
        go(0, true);
    }

    /** Reads a teacher's lesson file, adds it to the list and chooses it; a bad file is said in one line. */
    public boolean open(Path file) {
        try {
            choose(LessonFiles.read(file));
            return true;
        } catch (LabException e) {
            say(e.getMessage(), true);
            return false;
        }
    }

    public void next() {
        if (canNext.get()) {
            go(index + 1, true);
        }
    }

    public void back() {
        if (canBack.get()) {
            stage.cancel();
            go(index - 1, false);
        }
    }

    /** Performs the current step's action again (e.g. after a run was reset by hand). */
    public void again() {
        if (step.get() != null && step.get().action() != null) {
            perform(step.get());
        }
    }

    private void go(int i, boolean act) {
        Lesson l = lesson.get();
        index = i;
        LessonStep s = l.steps().get(i);
        step.set(s);
        position.set(String.format(Locale.ROOT, "step %d of %d", i + 1, l.steps().size()));
        canBack.set(i > 0);
        canNext.set(i < l.steps().size() - 1);
        say("", false);
        if (act && s.action() != null) {
            perform(s);
        }
    }

    private void perform(LessonStep s) {
        say("… " + s.action(), false);
        stage.perform(s.action(), outcome -> {
            if (step.get() == s) {
                say(outcome.text(), outcome.problem());
            }
        });
    }

    private void say(String text, boolean error) {
        message.set(text == null ? "" : text);
        messageIsError.set(error);
    }

    public ObservableList<Lesson> lessons() {
        return lessons;
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LessonStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** "step 2 of 6". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** What the current step's action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    /** The current step's index from 0, or -1 before a lesson is chosen. */
    public int index() {
        return index;
    }
}
