package org.latentlab.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * One setting as a person edits it: its JSON path in the experiment ({@code "training.beta"}), a readable label, a
 * tooltip, what kind of value it holds (for enums the choices, as the experiment file spells them), the text as typed
 * (a boolean's "true" / "false", an enum's id), whether it is editable now, whether the last edit was refused, and
 * whether it differs from the setting in force. Only its panel's model changes the last three.
 */
public final class SettingField {

    /** What a field holds, and so how it is drawn: a text field, a check box or a choice box. */
    public enum Kind {
        /** A real number (double). */
        NUMBER,
        /** A whole number (int or long). */
        WHOLE,
        /** A yes / no switch. */
        BOOLEAN,
        /** One of an enum's values. */
        CHOICE,
        /** Free text (a layer's name). */
        TEXT,
        /** A list of whole numbers, typed "500, 250". */
        LIST
    }

    private final String path;
    private final String label;
    private final String help;
    private final Kind kind;
    private final List<String> choices;
    final StringProperty text;
    final BooleanProperty editable = new SimpleBooleanProperty(false);
    final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);

    SettingField(String path, String label, String help, Kind kind, List<String> choices, String value) {
        this.path = path;
        this.label = label;
        this.help = help;
        this.kind = kind;
        this.choices = List.copyOf(choices);
        this.text = new SimpleStringProperty(value);
    }

    /** The JSON path in the experiment file. */
    public String path() {
        return path;
    }

    /** The component's name made readable ("Discriminator steps"), or its label from the help file. */
    public String label() {
        return label;
    }

    /** The tooltip: what the setting does, its path and kind. */
    public String help() {
        return help;
    }

    public Kind kind() {
        return kind;
    }

    /** An enum's ids; empty otherwise. */
    public List<String> choices() {
        return choices;
    }

    /** The text as typed, or the value chosen. */
    public StringProperty textProperty() {
        return text;
    }

    /** Whether the field may be changed now (before a run: all; while paused: the live-safe ones). */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable;
    }

    /** True while the text typed was refused (not a number, or the record's constructor said no). */
    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    /** True while the draft's value differs from the one in force (Apply pending). */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return path + " = " + text.get();
    }
}
