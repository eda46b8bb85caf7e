package org.latentlab.model.edit;

import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.Padding;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The property sheet's model of a layer: its parameters, read from the components of its {@link LayerSpec} record
 * (so a new parameter shows up without code here), each with a type, its current value, the values it accepts and a
 * one-line description from the table below; and {@link #with} to change one, which builds a new record through its
 * validating constructor and so refuses everything a network file would refuse, with the record's own reason.
 *
 * <p>The table adds what the records leave implicit: a kernel, stride or size is a whole number from 1, a dropout
 * rate lies in [0, 1), and a leaky-ReLU slope in (0, 1] (the records read 0 as "use the default 0.2", so a 0 typed
 * into the sheet is refused rather than silently stored as 0.2).
 */
public final class LayerProperties {

    /** The editor a property needs. */
    public enum Type {
        INT, DOUBLE, ENUM, STRING
    }

    /**
     * Accepted numbers: from {@code min} to {@code max}, each end included or not; infinite for no bound.
     */
    public record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {

        public static Range atLeast(double min) {
            return new Range(min, true, Double.POSITIVE_INFINITY, false);
        }

        public boolean contains(double v) {
            return (minIncluded ? v >= min : v > min) && (maxIncluded ? v <= max : v < max);
        }

        /** {@code >= 1}, {@code [0, 1)}, {@code (0, 1]}. */
        @Override
        public String toString() {
            if (Double.isInfinite(max)) {
                return (minIncluded ? ">= " : "> ") + number(min);
            }
            return (minIncluded ? "[" : "(") + number(min) + ", " + number(max) + (maxIncluded ? "]" : ")");
        }
    }

    /**
     * One parameter of a layer as the sheet shows it.
     *
     * @param range   accepted numbers, for INT and DOUBLE (null otherwise)
     * @param choices accepted values, for ENUM (empty otherwise)
     */
    public record Property(String name, Type type, Object value, Range range, List<?> choices, String description) {

        public Property {
            choices = List.copyOf(choices);
        }
    }

    /** The result of {@link #with}: the new layer, or why the value was refused. */
    public sealed interface Change {

        /** The value is accepted; {@code layer} is the changed copy. */
        record Accepted(LayerSpec layer) implements Change {
        }

        /** The value is refused; {@code reason} says why and what would be accepted. */
        record Refused(String reason) implements Change {
        }
    }

    private record Info(Type type, Range range, String description) {
    }

    private static final Map<String, Info> TABLE = Map.ofEntries(
            Map.entry("name", new Info(Type.STRING, null, "the layer's name, unique in its network")),
            Map.entry("units", new Info(Type.INT, Range.atLeast(1), "number of output units")),
            Map.entry("activation", new Info(Type.ENUM, null, "elementwise nonlinearity applied to the output")),
            Map.entry("alpha", new Info(Type.DOUBLE, new Range(0, false, 1, true),
                    "negative slope of leaky ReLU (used only by leakyrelu)")),
            Map.entry("rate", new Info(Type.DOUBLE, new Range(0, true, 1, false),
                    "probability of dropping each value while training")),
            Map.entry("filters", new Info(Type.INT, Range.atLeast(1), "number of output channels")),
            Map.entry("kernel", new Info(Type.INT, Range.atLeast(1), "side of the square kernel")),
            Map.entry("stride", new Info(Type.INT, Range.atLeast(1), "step of the kernel (and the up-scaling factor"
                    + " of a transposed convolution)")),
            Map.entry("padding", new Info(Type.ENUM, null, "same: output size in / stride (conv) or in * stride"
                    + " (deconv); valid: no padding")),
            Map.entry("scale", new Info(Type.INT, Range.atLeast(1), "integer up-sampling factor")),
            Map.entry("pooling", new Info(Type.ENUM, null, "max: the largest value of each window; avg: their mean")),
            Map.entry("channels", new Info(Type.INT, Range.atLeast(1), "channels of the image made")),
            Map.entry("height", new Info(Type.INT, Range.atLeast(1), "height of the image made")),
            Map.entry("width", new Info(Type.INT, Range.atLeast(1), "width of the image made")),
            Map.entry("kernels", new Info(Type.INT, new Range(1, true, 1024, true),
                    "B: closeness features added, one per kernel")),
            Map.entry("dims", new Info(Type.INT, new Range(1, true, 1024, true),
                    "C: length of each kernel's rows, compared by L1 distance across the batch")),
            Map.entry("referenceBatch", new Info(Type.INT, new Range(1, true, 4096, true),
                    "R: codes in the fixed reference batch whose statistics normalise every example")),
            Map.entry("pieces", new Info(Type.INT, new Range(2, true, 64, true),
                    "k: linear pieces per unit, of which the unit outputs the largest")));

    private LayerProperties() {
    }

    /** The parameters of {@code layer}, in the order of its record (the name first). */
    public static List<Property> of(LayerSpec layer) {
        List<Property> out = new ArrayList<>();
        for (RecordComponent c : layer.getClass().getRecordComponents()) {
            Info info = info(layer, c.getName());
            List<?> choices = c.getType().isEnum() ? Arrays.asList(c.getType().getEnumConstants()) : List.of();
            out.add(new Property(c.getName(), info.type(), read(layer, c), info.range(), choices,
                    info.description()));
        }
        return out;
    }

    /** One parameter of {@code layer}; an {@link IllegalArgumentException} naming the ones it has if unknown. */
    public static Property get(LayerSpec layer, String property) {
        return of(layer).stream().filter(p -> p.name().equals(property)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(unknown(layer, property)));
    }

    /**
     * {@code layer} with {@code property} set to {@code value}, or the reason it cannot be. Values: an
     * {@link Integer} (or a {@link Long} in int range) for INT, any {@link Number} for DOUBLE, the enum constant
     * or its JSON id ({@code "leakyrelu"}) for ENUM, a {@link String} for STRING.
     */
    public static Change with(LayerSpec layer, String property, Object value) {
        RecordComponent[] components = layer.getClass().getRecordComponents();
        int index = -1;
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(property)) {
                index = i;
            }
        }
        if (index < 0) {
            return new Change.Refused(unknown(layer, property));
        }
        RecordComponent target = components[index];
        Info info = info(layer, property);
        Object converted;
        try {
            converted = convert(target.getType(), value);
        } catch (IllegalArgumentException e) {
            return new Change.Refused(property + " of " + NetworkCheck.q(layer.name()) + ": " + e.getMessage());
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = i == index ? converted : read(layer, components[i]);
        }
        LayerSpec changed;
        try {
            Constructor<?> canonical = layer.getClass().getDeclaredConstructor(types);
            changed = (LayerSpec) canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException why) {
                return new Change.Refused(why.getMessage());
            }
            throw new IllegalStateException("cannot rebuild " + layer.type() + " layer", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + layer.type() + " layer", e);
        }
        // The record's own rules come first (its reason is the one a network file would give); the table then
        // refuses what a record would quietly replace by a default (alpha 0 -> 0.2) or not check.
        if (info.range() != null && !info.range().contains(((Number) converted).doubleValue())) {
            return new Change.Refused(property + " of " + NetworkCheck.q(layer.name()) + " must be "
                    + info.range() + ", not " + value);
        }
        return new Change.Accepted(changed);
    }

    /**
     * {@code layer} with {@code property} set to {@code value}.
     *
     * @throws org.latentlab.core.LabException with the reason when the value is refused
     */
    public static LayerSpec require(LayerSpec layer, String property, Object value) {
        Change c = with(layer, property, value);
        if (c instanceof Change.Refused r) {
            throw new org.latentlab.core.LabException(r.reason());
        }
        return ((Change.Accepted) c).layer();
    }

    private static Object convert(Class<?> type, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a value is needed");
        }
        if (type == int.class) {
            if (value instanceof Integer i) {
                return i;
            }
            if (value instanceof Long l && l == (int) (long) l) {
                return (int) (long) l;
            }
            throw new IllegalArgumentException("needs a whole number, not " + value);
        }
        if (type == double.class) {
            if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                return n.doubleValue();
            }
            throw new IllegalArgumentException("needs a finite number, not " + value);
        }
        if (type == Activation.class) {
            return value instanceof Activation a ? a : Activation.parse(String.valueOf(value));
        }
        if (type == Padding.class) {
            return value instanceof Padding p ? p : Padding.parse(String.valueOf(value));
        }
        if (type.isEnum()) {
            if (type.isInstance(value)) {
                return value;
            }
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equalsIgnoreCase(String.valueOf(value))) {
                    return c;
                }
            }
            throw new IllegalArgumentException("needs one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(java.util.Locale.ROOT) + ", not " + value);
        }
        if (type == String.class) {
            if (value instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException("needs text, not " + value);
        }
        throw new IllegalStateException("no editor for a property of type " + type.getSimpleName());
    }

    private static Object read(LayerSpec layer, RecordComponent c) {
        try {
            return c.getAccessor().invoke(layer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + layer.type(), e);
        }
    }

    private static Info info(LayerSpec layer, String property) {
        Info info = TABLE.get(property);
        if (info == null) {
            throw new IllegalStateException("the property sheet has no entry for '" + property + "' of a "
                    + layer.type() + " layer: add it to LayerProperties");
        }
        return info;
    }

    private static String unknown(LayerSpec layer, String property) {
        return "a " + layer.type() + " layer has no property '" + property + "' (it has " + Arrays.stream(
                layer.getClass().getRecordComponents()).map(RecordComponent::getName).toList() + ")";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
