package org.latentlab.ui.common;

import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;

/**
 * A short text field for a number, its text bound both ways to a ViewModel's property, which reads it with
 * {@link NumberInput} when it is used (so a half-typed value is never refused while typing).
 */
public final class NumberField extends TextField {

    /**
     * @param id      the node id (for tests and the README)
     * @param columns the width in characters
     * @param text    the ViewModel's text for the field
     */
    public NumberField(String id, int columns, StringProperty text) {
        setId(id);
        setPrefColumnCount(columns);
        textProperty().bindBidirectional(text);
    }
}
