package org.latentlab.ui.lessons;

import org.junit.jupiter.api.Test;
import org.latentlab.experiment.Presets;
import org.latentlab.ui.geometry.GeometryView;
import org.latentlab.ui.studies.Lectures;
import org.latentlab.ui.studies.Studies;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled lessons: each parses, and each action names a preset, study, tab, view and value the lab has. */
class BundledLessonsTest {

    @Test
    void atLeastEightLessonsParseWithDistinctTitles() {
        List<LessonFiles.Bundled> all = LessonFiles.bundled();
        assertTrue(all.size() >= 8, "lessons: " + all.size());
        Set<String> titles = new HashSet<>();
        all.forEach(b -> assertTrue(titles.add(b.lesson().title()), "twice: " + b.lesson().title()));
    }

    @Test
    void everyActionNamesSomethingThatExists() {
        int actions = 0;
        for (LessonFiles.Bundled b : LessonFiles.bundled()) {
            for (LessonStep s : b.lesson().steps()) {
                LessonAction a = s.action();
                if (a == null) {
                    continue;
                }
                actions++;
                String where = b.id() + " / " + s.title();
                if (a.preset() != null) {
                    assertTrue(Presets.gans().contains(a.preset()) || Presets.reconstructs(a.preset()), where);
                }
                if (a.study() != null) {
                    assertTrue(Studies.find(a.study()).isPresent() || Lectures.find(a.study()).isPresent(), where);
                }
                if (a.tab() != null) {
                    assertTrue(org.latentlab.ui.LaunchPlan.KNOWN.contains("tab"), where);
                    assertTrue(LessonAction.TABS.contains(a.tab()), where);
                }
                if ("geometry".equals(a.tab()) && a.view() != null) {
                    assertEquals(a.view(), GeometryView.section(a.view()).name().toLowerCase(java.util.Locale.ROOT),
                            where);
                }
                a.set().keySet().forEach(p -> assertTrue(LessonTargets.lab().values().contains(p), where + ": " + p));
            }
        }
        assertTrue(actions >= 16, "actions: " + actions);
    }

    @Test
    void theLessonTabsAreTheWindowsTabs() {
        assertEquals(LessonAction.TABS, java.util.Arrays.stream(org.latentlab.ui.LaunchPlan.Tab.values())
                .map(org.latentlab.ui.LaunchPlan.Tab::id).toList());
    }

    @Test
    void everyBundledLessonRoundTripsThroughItsJson() {
        for (LessonFiles.Bundled b : LessonFiles.bundled()) {
            assertEquals(b.lesson(), LessonFiles.parse(LessonFiles.toJson(b.lesson()), b.id(), LessonTargets.lab()));
        }
    }
}
