package org.latentlab.ui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window options of the lessons: --presenter and --lesson. */
class LaunchPlanLessonTest {

    @Test
    void presenterAsAFlagOrAValue() {
        assertTrue(LaunchPlan.of(List.of("--presenter")).presenter());
        assertTrue(LaunchPlan.of(List.of("--presenter=true")).presenter());
        assertFalse(LaunchPlan.of(List.of("--presenter=false")).presenter());
        LaunchPlan bad = LaunchPlan.of(List.of("--presenter=big"));
        assertFalse(bad.presenter());
        assertTrue(bad.summary().contains("--presenter must be true or false"), bad.summary());
        assertTrue(LaunchPlan.of(List.of("--presenter", "--tab=geometry")).messages().isEmpty());
    }

    @Test
    void aBundledLessonOrAMissingOne() {
        assertEquals("gan-collapse", LaunchPlan.of(List.of("--lesson=gan-collapse")).lesson());
        LaunchPlan none = LaunchPlan.of(List.of("--lesson=no-such-lesson.json"));
        assertNull(none.lesson());
        assertTrue(none.summary().startsWith("--lesson: "), none.summary());
        assertTrue(none.summary().contains("gan-collapse"), "lists the bundled ones: " + none.summary());
    }
}
