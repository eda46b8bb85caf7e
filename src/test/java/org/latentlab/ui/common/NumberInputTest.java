package org.latentlab.ui.common;

import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Typed numbers read one way, refused with the field's rule. */
class NumberInputTest {

    @Test
    void wholeNumbersInRange() {
        assertEquals(12, NumberInput.wholeNumber(" 12 ", "grid", 2, 1001));
        assertEquals("grid: a whole number from 2 to 1001",
                assertThrows(LabException.class, () -> NumberInput.wholeNumber("1", "grid", 2, 1001)).getMessage());
        assertThrows(LabException.class, () -> NumberInput.wholeNumber("2.5", "grid", 2, 1001));
        assertThrows(LabException.class, () -> NumberInput.wholeNumber(null, "grid", 2, 1001));
    }

    @Test
    void positiveAndFiniteNumbers() {
        assertEquals(0.3, NumberInput.positive("0.3", "σ"));
        assertEquals("σ: a positive number",
                assertThrows(LabException.class, () -> NumberInput.positive("0", "σ")).getMessage());
        assertThrows(LabException.class, () -> NumberInput.positive("Infinity", "σ"));
        assertThrows(LabException.class, () -> NumberInput.positive("NaN", "σ"));
        assertEquals(-2.0, NumberInput.number("-2", "w₃"));
        assertEquals("w₃: a number", assertThrows(LabException.class, () -> NumberInput.number("x", "w₃")).getMessage());
    }
}
