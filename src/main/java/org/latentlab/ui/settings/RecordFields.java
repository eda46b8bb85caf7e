package org.latentlab.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.latentlab.experiment.ExperimentFiles;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The settings panel's generator: walks a spec record's components (Java's {@link Class#getRecordComponents()}) into
 * one field per number, boolean, enum, string or list of whole numbers and one titled group per nested record, and
 * rebuilds the record through its canonical constructor when a field changes, so the record's own validation decides
 * and its {@link IllegalArgumentException} message is what a person reads. Components of other types (the networks,
 * the data set) are left out: they have their own editors.
 */
final class RecordFields {

    private static final ObjectMapper JSON = ExperimentFiles.mapper();

    private RecordFields() {
    }

    /**
     * The group of {@code root}'s components whose top-level name {@code shown} accepts, with everything inside them;
     * a nested record that is null (an RBM experiment's autoencoder block) is left out.
     */
    static SettingGroup build(Record root, String title, Predicate<String> shown, SettingsHelp help) {
        return group(root, "", title, shown, help);
    }

    private static SettingGroup group(Record r, String prefix, String title, Predicate<String> shown,
                                      SettingsHelp help) {
        List<SettingField> fields = new ArrayList<>();
        List<SettingGroup> groups = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            String path = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
            if (prefix.isEmpty() && !shown.test(c.getName())) {
                continue;
            }
            Object value = read(r, c);
            if (c.getType().isRecord()) {
                if (value != null) {
                    groups.add(group((Record) value, path, help.label(path, c.getName()), p -> true, help));
                }
                continue;
            }
            SettingField.Kind kind = kindOf(c.getGenericType());
            if (kind == null) {
                continue;
            }
            List<String> choices = kind == SettingField.Kind.CHOICE ? choices(c.getType()) : List.of();
            fields.add(new SettingField(path, help.label(path, c.getName()), help.help(path, c.getName(), kind), kind,
                    choices, format(value)));
        }
        return new SettingGroup(prefix, title, fields, groups);
    }

    /** The kind of field a component of type {@code t} becomes, or null when it has no field. */
    static SettingField.Kind kindOf(Type t) {
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return SettingField.Kind.NUMBER;
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return SettingField.Kind.WHOLE;
        }
        if (t == boolean.class || t == Boolean.class) {
            return SettingField.Kind.BOOLEAN;
        }
        if (t == String.class) {
            return SettingField.Kind.TEXT;
        }
        if (t instanceof Class<?> c && c.isEnum()) {
            return SettingField.Kind.CHOICE;
        }
        if (t instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == Integer.class) {
            return SettingField.Kind.LIST;
        }
        return null;
    }

    /** An enum's values as the experiment file spells them ({@code "wgan-gp"}). */
    private static List<String> choices(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            out.add(format(constant));
        }
        return out;
    }

    /** A value as a field shows it: numbers plainly ({@code 0.0002}, not {@code 2.0E-4}), enums by their id. */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return Double.toString(d);
            }
            String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return plain.length() > 12 ? Double.toString(d) : plain;
        }
        if (value instanceof Enum<?>) {
            return JSON.convertValue(value, String.class);
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /**
     * Parses {@code text} for the component at {@code path} of {@code root}'s class.
     *
     * @throws IllegalArgumentException saying what was expected, e.g. {@code "training.beta: a number, not 'abc'"}
     */
    static Object parse(Record root, String path, String text) {
        RecordComponent c = component(root.getClass(), path);
        Type t = c.getGenericType();
        String s = text == null ? "" : text.trim();
        try {
            if (t == double.class || t == Double.class) {
                return Double.parseDouble(s);
            }
            if (t == float.class || t == Float.class) {
                return Float.parseFloat(s);
            }
            if (t == int.class || t == Integer.class) {
                return Integer.parseInt(s);
            }
            if (t == long.class || t == Long.class) {
                return Long.parseLong(s);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": " + (kindOf(t) == SettingField.Kind.WHOLE
                    ? "a whole number" : "a number (e.g. 0.001 or 1e-3)") + ", not '" + s + "'");
        }
        if (t == boolean.class || t == Boolean.class) {
            if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(path + ": true or false, not '" + s + "'");
            }
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        if (t == String.class) {
            return s;
        }
        if (t instanceof Class<?> e && e.isEnum()) {
            try {
                return JSON.convertValue(s, e);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(path + ": one of " + choices(e) + ", not '" + s + "'");
            }
        }
        if (kindOf(t) == SettingField.Kind.LIST) {
            List<Integer> out = new ArrayList<>();
            for (String part : s.split("[,\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Integer.parseInt(part));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(path + ": whole numbers separated by commas (e.g. 500, 250),"
                            + " not '" + s + "'");
                }
            }
            return out;
        }
        throw new IllegalArgumentException(path + " is not a setting a field can change");
    }

    /** The value at {@code path} of {@code root}. */
    static Object value(Record root, String path) {
        Object v = root;
        for (String name : path.split("\\.")) {
            if (!(v instanceof Record r)) {
                throw new IllegalArgumentException("no setting " + path);
            }
            v = read(r, component(r.getClass(), name));
        }
        return v;
    }

    /**
     * {@code root} with the value at {@code path} replaced, every record on the way rebuilt through its canonical
     * constructor (so each one's checks run, the outermost last).
     *
     * @throws IllegalArgumentException the constructor's own message when a record refuses the value
     */
    static Record with(Record root, String path, Object value) {
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        RecordComponent[] components = root.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            args[i] = read(root, components[i]);
            if (components[i].getName().equals(name)) {
                found = true;
                if (dot < 0) {
                    args[i] = value;
                } else if (args[i] instanceof Record inner) {
                    args[i] = with(inner, path.substring(dot + 1), value);
                } else {
                    throw new IllegalArgumentException("no setting " + path);
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no setting " + name + " in " + root.getClass().getSimpleName());
        }
        return construct(root.getClass(), components, args);
    }

    private static Record construct(Class<?> type, RecordComponent[] components, Object[] args) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return (Record) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException(type.getSimpleName() + " refused the value: " + cause.getMessage(),
                    cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e);
        }
    }

    /** The component at {@code path} below {@code type}. */
    static RecordComponent component(Class<?> type, String path) {
        RecordComponent found = null;
        Class<?> at = type;
        for (String name : path.split("\\.")) {
            found = null;
            for (RecordComponent c : at.isRecord() ? at.getRecordComponents() : new RecordComponent[0]) {
                if (c.getName().equals(name)) {
                    found = c;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("no setting " + path);
            }
            at = found.getType();
        }
        return found;
    }

    private static Object read(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    /** "discriminatorSteps" as "Discriminator steps", "r1Gamma" as "R1 gamma". */
    static String readable(String name) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (i > 0 && Character.isUpperCase(ch) && !Character.isUpperCase(name.charAt(i - 1))) {
                s.append(' ').append(Character.toLowerCase(ch));
            } else {
                s.append(i == 0 ? Character.toUpperCase(ch) : ch);
            }
        }
        return s.toString();
    }
}
