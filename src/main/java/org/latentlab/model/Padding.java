package org.latentlab.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

/**
 * Convolution border handling. {@code same}: output size is ceil(in / stride) for a convolution and in * stride
 * for a transposed convolution. {@code valid}: (in - kernel) / stride + 1, and (in - 1) * stride + kernel.
 */
public enum Padding {
    SAME, VALID;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static Padding parse(String s) {
        return EnumIds.parse(values(), Padding::id, s, "padding");
    }
}
