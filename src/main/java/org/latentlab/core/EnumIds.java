package org.latentlab.core;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the lower-case ids the experiment files use for enum values, with one message for an unknown id. */
public final class EnumIds {

    private EnumIds() {
    }

    /**
     * The value whose id equals {@code s} (ignoring case).
     *
     * @throws IllegalArgumentException "unknown activation 'relu6' (known: identity, relu, ...)"
     */
    public static <E extends Enum<E>> E parse(E[] values, Function<E, String> id, String s, String what) {
        for (E v : values) {
            if (id.apply(v).equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + s + "' (known: "
                + Arrays.stream(values).map(id).collect(Collectors.joining(", ")) + ")");
    }
}
