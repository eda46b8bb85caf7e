package org.latentlab.ui.settings;

import org.junit.jupiter.api.Test;
import org.latentlab.train.RunState;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings panel's generator and ViewModel on a small record of each kind of setting, without a screen. */
class SettingsPanelModelTest {

    enum Mode { FAST, SLOW }

    record Step(double rate, Mode mode) {
        Step {
            if (!(rate > 0 && rate < 1)) {
                throw new IllegalArgumentException("step.rate must be in (0, 1), not " + rate);
            }
        }
    }

    record Plan(String name, int steps, boolean noisy, Step step, List<Integer> sizes, Object other) {
        Plan {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, not " + steps);
            }
            if (noisy && step.mode() == Mode.FAST) {
                throw new IllegalArgumentException("noisy plans must be slow");
            }
        }
    }

    private static final Plan PLAN = new Plan("p", 3, false, new Step(0.5, Mode.FAST), List.of(500, 250), "x");

    private final List<Record[]> applied = new ArrayList<>();

    private SettingsPanelModel model(Set<String> liveSafe) {
        SettingsPanelModel m = new SettingsPanelModel((from, next, before) -> {
            applied.add(new Record[] {from, next});
            return null;
        });
        m.show(PLAN, "plan", List.of("step", "steps", "noisy", "sizes", "other"), liveSafe);
        return m;
    }

    @Test
    void oneFieldPerSettingAndAGroupPerNestedRecord() {
        SettingsPanelModel m = model(Set.of("step.rate"));
        SettingGroup g = m.formProperty().get();
        assertEquals(List.of("steps", "noisy", "sizes"), g.fields().stream().map(SettingField::path).toList(),
                "the roots shown, in the order given; 'name' not shown and 'other' has no field");
        assertEquals(1, g.groups().size());
        SettingGroup step = g.groups().get(0);
        assertEquals("step", step.path());
        assertEquals(List.of("step.rate", "step.mode"), step.fields().stream().map(SettingField::path).toList());
        assertEquals(SettingField.Kind.NUMBER, m.field("step.rate").kind());
        assertEquals(SettingField.Kind.CHOICE, m.field("step.mode").kind());
        assertEquals(List.of("FAST", "SLOW"), m.field("step.mode").choices());
        assertEquals(SettingField.Kind.WHOLE, m.field("steps").kind());
        assertEquals(SettingField.Kind.BOOLEAN, m.field("noisy").kind());
        assertEquals(SettingField.Kind.LIST, m.field("sizes").kind());
        assertEquals("500, 250", m.field("sizes").textProperty().get());
        assertEquals("0.5", m.field("step.rate").textProperty().get());
        assertEquals("Rate", m.field("step.rate").label());
        assertTrue(m.field("step.rate").help().contains("step.rate: a number"), m.field("step.rate").help());
        assertEquals("Discriminator steps", RecordFields.readable("discriminatorSteps"));
        assertEquals("R1 gamma", RecordFields.readable("r1Gamma"));
    }

    @Test
    void anInvalidValueShowsTheRecordsMessageAndKeepsTheDraft() {
        SettingsPanelModel m = model(Set.of());
        m.follow(RunState.READY, false);
        assertEquals("step.rate must be in (0, 1), not 2.0", m.set("step.rate", "2"));
        assertTrue(m.field("step.rate").invalidProperty().get());
        assertTrue(m.messageIsErrorProperty().get());
        assertSame(PLAN, m.draft());
        assertFalse(m.canApplyProperty().get());
        assertTrue(m.apply().startsWith("fix the marked settings first: step.rate"));

        assertEquals("steps: a whole number, not 'many'", m.set("steps", "many"));
        assertEquals("noisy plans must be slow", m.set("noisy", "true"), "a rule across fields, from the constructor");
        assertEquals("step.mode: one of [FAST, SLOW], not 'MEDIUM'", m.set("step.mode", "MEDIUM"));
        assertTrue(applied.isEmpty());
    }

    @Test
    void aValidValueRebuildsTheRecordAndApplyHandsItOn() {
        SettingsPanelModel m = model(Set.of());
        m.follow(RunState.READY, false);
        assertNull(m.set("step.rate", "0.25"));
        assertNull(m.set("sizes", "100 ,50, 10"));
        assertNull(m.set("step.mode", "SLOW"));
        assertNull(m.set("noisy", "true"));
        Plan expected = new Plan("p", 3, true, new Step(0.25, Mode.SLOW), List.of(100, 50, 10), "x");
        assertEquals(expected, m.draft());
        assertTrue(m.field("step.rate").changedProperty().get());
        assertFalse(m.field("steps").changedProperty().get());
        assertEquals(List.of("noisy", "sizes", "step.rate", "step.mode"), m.changedPaths());
        assertTrue(m.canApplyProperty().get());
        assertNull(m.apply());
        assertEquals(1, applied.size());
        assertSame(PLAN, applied.get(0)[0]);
        assertEquals(expected, applied.get(0)[1]);

        m.inForce(expected);
        assertFalse(m.canApplyProperty().get());
        assertTrue(m.changedPaths().isEmpty());
    }

    @Test
    void whilePausedOnlyTheLiveSafeFieldsChange() {
        SettingsPanelModel m = model(Set.of("step.rate"));
        m.follow(RunState.PAUSED, true);
        assertEquals(SettingsPanelModel.Phase.PAUSED, m.phase());
        assertTrue(m.field("step.rate").editableProperty().get());
        assertFalse(m.field("steps").editableProperty().get());
        String refused = m.set("steps", "5");
        assertNotNull(refused);
        assertTrue(refused.startsWith("steps cannot change now"), refused);
        assertNull(m.set("step.rate", "0.1"));

        m.follow(RunState.RUNNING, true);
        assertFalse(m.field("step.rate").editableProperty().get());
        assertTrue(m.apply().startsWith("settings cannot change now"));

        m.follow(RunState.READY, false);
        assertTrue(m.field("steps").editableProperty().get(), "after a reset, before the run again");
        assertEquals("no setting step.size in this panel", m.set("step.size", "1"));
    }
}
