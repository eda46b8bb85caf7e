package org.latentlab.ui.common;

import org.latentlab.core.LabException;

/**
 * Numbers typed into a screen's fields, read the one way every screen reads them: surrounding spaces ignored, and
 * a value that is not a number or out of range refused with a {@link LabException} whose message names the field
 * and says what it takes ("examples: a whole number from 1 to 10000"), ready to show as it is. Plain Java, so
 * ViewModels use it and are tested without a screen.
 */
public final class NumberInput {

    private NumberInput() {
    }

    /** {@code text} as a whole number from {@code min} to {@code max}; otherwise "field: a whole number from …". */
    public static int wholeNumber(String text, String field, int min, int max) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below with the field's rule
        }
        throw new LabException(field + ": a whole number from " + min + " to " + max);
    }

    /** {@code text} as a finite number above zero; otherwise "field: a positive number". */
    public static double positive(String text, String field) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.trim());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below with the field's rule
        }
        throw new LabException(field + ": a positive number");
    }

    /** {@code text} as a finite number; otherwise "field: a number". */
    public static double number(String text, String field) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below with the field's rule
        }
        throw new LabException(field + ": a number");
    }
}
