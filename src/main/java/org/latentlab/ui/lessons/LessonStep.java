package org.latentlab.ui.lessons;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a lesson: a title, the text (Markdown-ish: paragraphs, {@code **bold**}, {@code *italic*},
 * {@code `code`}, lists of {@code - } items; see {@link LessonText}), an optional action done when Next reaches the
 * step, and what to look for on screen.
 *
 * @param title   a few words
 * @param text    what to read
 * @param action  what reaching the step does, or null
 * @param lookFor what to watch for once the action is done, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonStep(String title, String text, LessonAction action, String lookFor) {

    public LessonStep {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a step needs a title");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("step '" + title.trim() + "' needs a text");
        }
        title = title.trim();
        text = text.strip();
        lookFor = lookFor == null || lookFor.isBlank() ? null : lookFor.strip();
        if (action != null && action.doesNothing()) {
            action = null;
        }
    }
}
