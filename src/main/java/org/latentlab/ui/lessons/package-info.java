/**
 * Lessons: an experiment walked through step by step in a side panel of the window. {@link
 * org.latentlab.ui.lessons.Lesson}, {@link org.latentlab.ui.lessons.LessonStep} and {@link
 * org.latentlab.ui.lessons.LessonAction} are the file format (validated records, read by {@link
 * org.latentlab.ui.lessons.LessonFiles} and checked against the lab by {@link org.latentlab.ui.lessons.LessonCheck});
 * {@link org.latentlab.ui.lessons.LessonViewModel} holds the lesson and its step and performs each step's action on a
 * {@link org.latentlab.ui.lessons.LessonStage}, which the window implements with its benches; {@link
 * org.latentlab.ui.lessons.LessonPanel} and {@link org.latentlab.ui.lessons.LessonTextFlow} only lay out and draw.
 * May use the benches' packages (for the names a lesson may use), never the window's own package.
 */
package org.latentlab.ui.lessons;
