package org.latentlab.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What is wrong in a JSON file of the lab (an experiment, a design, a network), said as a person can act on it: the
 * JSON path and line, then the reason, e.g. {@code at training.batchSize (line 12, column 9): must be 1..65536, not
 * 0}. One wording for every file the lab reads.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** {@code at networks[0].network.layers[1] (line 12, column 9): dense layer 'g2' needs units >= 1, not 0}. */
    public static String describe(JsonProcessingException e) {
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where = "at " + path(m) + " ";
        }
        String line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? "(line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "";
        String what;
        if (e instanceof InvalidTypeIdException t) {
            what = "unknown layer type '" + t.getTypeId() + "' (known: " + layerTypes() + ")";
        } else if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown field '" + u.getPropertyName() + "' (known: " + u.getKnownPropertyIds() + ")";
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            what = v.getCause().getMessage();
        } else if (rootIllegalArgument(e) != null) {
            what = rootIllegalArgument(e).getMessage();
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            what = "unexpected text after the end of the JSON";
        } else if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            what = "expected " + kind(mi.getTargetType()) + " here";
        } else {
            what = e.getOriginalMessage();
        }
        String place = (where + line).trim();
        return place.isEmpty() ? what : place + ": " + what;
    }

    private static IllegalArgumentException rootIllegalArgument(Throwable e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException iae) {
                return iae;
            }
        }
        return null;
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class) {
            return "a whole number";
        } else if (type == double.class || type == Double.class) {
            return "a number";
        } else if (type == String.class) {
            return "text";
        } else if (List.class.isAssignableFrom(type) || type.isArray() || type == Shape.class) {
            return "a list";
        }
        return "an object {...}";
    }

    private static String layerTypes() {
        return Arrays.stream(LayerSpec.class.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name)
                .collect(Collectors.joining(", "));
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.toString();
    }
}
