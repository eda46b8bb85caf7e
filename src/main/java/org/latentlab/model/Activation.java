package org.latentlab.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

import java.util.Locale;

/** Elementwise nonlinearities the lab offers. Written in JSON in lower case: {@code "leakyrelu"}. */
public enum Activation {
    IDENTITY, RELU, LEAKYRELU, TANH, SIGMOID;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Activation parse(String s) {
        return EnumIds.parse(values(), Activation::id, s, "activation");
    }
}
