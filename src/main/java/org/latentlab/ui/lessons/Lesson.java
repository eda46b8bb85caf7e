package org.latentlab.ui.lessons;

import java.util.List;

/**
 * A lesson: an experiment walked through step by step. A file holds one ({@link LessonFiles}); the bundled ones are
 * resources listed in {@code lessons.txt}.
 *
 * @param title   the lesson's name in the list
 * @param summary one or two sentences: what the class will see
 * @param steps   at least one step
 */
public record Lesson(String title, String summary, List<LessonStep> steps) {

    /** A lesson longer than this is a course: split it. */
    public static final int MAX_STEPS = 40;

    public Lesson {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a lesson needs a title");
        }
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one step");
        }
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("a lesson has at most " + MAX_STEPS + " steps, not " + steps.size());
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == null) {
                throw new IllegalArgumentException("step " + (i + 1) + " is empty (null)");
            }
        }
        title = title.trim();
        summary = summary == null ? "" : summary.strip();
        steps = List.copyOf(steps);
    }

    @Override
    public String toString() {
        return title;
    }
}
