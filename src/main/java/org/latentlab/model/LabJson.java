package org.latentlab.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;

/**
 * The one strict way the lab reads its JSON files (experiments, designs, networks): unknown fields, duplicate keys,
 * numbers for enums, fractions for whole numbers and text after the end of the document are errors; a number must
 * be written as a number (not {@code "0.5"} or {@code "NaN"}) and must be finite ({@code 1e999} is refused, not
 * read as infinity); text is not read as a number, a boolean as text, or the reverse. Messages come from
 * {@link JsonErrors}.
 */
public final class LabJson {

    private LabJson() {
    }

    /** A new mapper with the lab's strict reading and indented writing. */
    public static ObjectMapper strictMapper() {
        ObjectMapper m = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        SimpleModule finite = new SimpleModule("finite-numbers");
        finite.addDeserializer(double.class, new FiniteDouble(true));
        finite.addDeserializer(Double.class, new FiniteDouble(false));
        return m.registerModule(finite);
    }

    /** A JSON number that fits a double and is finite; text (even {@code "1.5"} or {@code "NaN"}) is refused. */
    static final class FiniteDouble extends StdScalarDeserializer<Double> {

        private final boolean primitive;

        FiniteDouble(boolean primitive) {
            super(primitive ? Double.TYPE : Double.class);
            this.primitive = primitive;
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                double v = p.getDoubleValue();
                if (!Double.isFinite(v)) {
                    throw JsonMappingException.from(p, "must be a finite number, not " + p.getText());
                }
                return v;
            }
            if (t == JsonToken.VALUE_STRING) {
                throw JsonMappingException.from(p, "expected a number, not the text \"" + p.getText()
                        + "\": write numbers without quotes, and finite (no NaN or Infinity)");
            }
            throw JsonMappingException.from(p, "expected a number here, not " + describe(t));
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return primitive ? 0.0 : null;
        }

        private static String describe(JsonToken t) {
            return switch (t) {
                case START_OBJECT -> "an object {...}";
                case START_ARRAY -> "a list [...]";
                case VALUE_TRUE, VALUE_FALSE -> "true / false";
                default -> String.valueOf(t);
            };
        }
    }
}
