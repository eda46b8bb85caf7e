package org.latentlab.ui.lessons;

import org.latentlab.core.LabException;

/**
 * Checks that every action of a lesson names something the lab has: its presets, studies and the values its benches
 * take. The message names the file and the step: {@code my.json: step 3 ('Collapse'): no preset 'grid52' (known:
 * ...)}.
 */
public final class LessonCheck {

    private LessonCheck() {
    }

    /** Throws a {@link LabException} at the first name the lab does not have. */
    public static Lesson check(Lesson lesson, String source, LessonTargets targets) {
        for (int i = 0; i < lesson.steps().size(); i++) {
            LessonStep step = lesson.steps().get(i);
            LessonAction a = step.action();
            if (a == null) {
                continue;
            }
            String where = source + ": step " + (i + 1) + " ('" + step.title() + "'): ";
            if (a.preset() != null && !targets.presets().contains(a.preset())) {
                throw new LabException(where + "no preset '" + a.preset() + "' (known: "
                        + String.join(", ", targets.presets()) + ")");
            }
            if (a.template() != null && !targets.templates().contains(a.template())) {
                throw new LabException(where + "no builder template '" + a.template() + "' (known: "
                        + String.join(", ", targets.templates()) + ")");
            }
            if (a.study() != null && !targets.studies().contains(a.study())) {
                throw new LabException(where + "no study '" + a.study() + "' (known: "
                        + String.join(", ", targets.studies()) + ")");
            }
            for (String path : a.set().keySet()) {
                if (!targets.values().contains(path)) {
                    throw new LabException(where + "no value '" + path + "' to set (known: "
                            + String.join(", ", targets.values()) + ")");
                }
            }
            if (a.run() != null && a.preset() == null && !hasBenchBefore(lesson, i)) {
                throw new LabException(where + "\"run\" needs a preset on a bench: load one in this step or an"
                        + " earlier one");
            }
        }
        return lesson;
    }

    private static boolean hasBenchBefore(Lesson lesson, int step) {
        for (int i = 0; i < step; i++) {
            LessonAction a = lesson.steps().get(i).action();
            if (a != null && a.preset() != null) {
                return true;
            }
        }
        return false;
    }
}
