package org.latentlab.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Elementwise nonlinearities the lab offers. Written in JSON in lower case: {@code "leakyrelu"}. */
public enum Activation {
    IDENTITY, RELU, LEAKYRELU, TANH, SIGMOID;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Activation parse(String s) {
        for (Activation a : values()) {
            if (a.id().equalsIgnoreCase(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + s + "' (known: "
                + Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", ")) + ")");
    }
}
