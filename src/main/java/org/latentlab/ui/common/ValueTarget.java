package org.latentlab.ui.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of a bench that can be set from outside its own form, by a path and the text a person would type: a
 * lesson's "set" action today, a generic settings panel later. Each bench says which paths it takes (e.g. the GAN
 * bench's {@code gan.lr.d}, {@code gan.k}, {@code gan.r1}) and applies them as its own Apply button would, with the
 * same checks and the same one-line messages.
 */
public interface ValueTarget {

    /** The paths this bench takes, in the order a list would show them. */
    List<String> paths();

    /** One line per path: what it sets and the values it takes (for help texts and messages). */
    default Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        paths().forEach(p -> out.put(p, p));
        return out;
    }

    /**
     * Sets several values at once and applies them together (on the FX thread). Returns null when applied, else
     * what is wrong, in one line; nothing is applied then.
     */
    String set(Map<String, String> values);

    /** Sets one value; as {@link #set(Map)}. */
    default String set(String path, String value) {
        return set(Map.of(path, value));
    }
}
