package org.latentlab.model.edit;

import java.util.Set;

/** Small shared rules about node ids and layer names. */
final class GraphNodes {

    private GraphNodes() {
    }

    static void checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("every node needs an id");
        }
    }

    /**
     * {@code wanted} if no layer has that name yet, otherwise the first free {@code base_2}, {@code base_3}, ...
     * where {@code base} is {@code wanted} without a trailing {@code _<number>}.
     */
    static String freshName(String wanted, Set<String> taken) {
        if (!taken.contains(wanted)) {
            return wanted;
        }
        String base = wanted.replaceFirst("_\\d+$", "");
        for (int k = 2; ; k++) {
            String candidate = base + "_" + k;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
