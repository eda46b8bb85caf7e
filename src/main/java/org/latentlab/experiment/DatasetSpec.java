package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;
import org.latentlab.data.ToyDistribution;

import java.util.Locale;

/**
 * Where the real examples come from.
 * <ul>
 *   <li>{@code {"kind": "toy", "name": "ring8"}}: a 2-D toy distribution ({@link ToyDistribution#names()});</li>
 *   <li>{@code {"kind": "images", "name": "mnist"}} or {@code "fashion"}: the bundled IDX sets (or the full
 *       originals dropped into datasets/); {@code {"kind": "images", "path": "my-images-idx3-ubyte.gz"}}: any IDX
 *       image file;</li>
 *   <li>{@code {"kind": "csv", "path": "points.csv"}}: a person's own 2-D points.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetSpec(Kind kind, String name, String path) {

    public enum Kind {
        TOY, IMAGES, CSV;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind parse(String s) {
            return EnumIds.parse(values(), Kind::id, s, "data set kind");
        }
    }

    public DatasetSpec {
        if (kind == null) {
            throw new IllegalArgumentException("dataset.kind is missing (toy, images or csv)");
        }
        switch (kind) {
            case TOY -> {
                if (name == null || !ToyDistribution.names().contains(name)) {
                    throw new IllegalArgumentException("dataset.name must be one of " + ToyDistribution.names()
                            + ", not " + (name == null ? "missing" : "'" + name + "'"));
                }
            }
            case IMAGES -> {
                if (path == null && !"mnist".equals(name) && !"fashion".equals(name)) {
                    throw new IllegalArgumentException("an images data set needs name \"mnist\" or \"fashion\","
                            + " or a path to an IDX images file");
                }
            }
            case CSV -> {
                if (path == null || path.isBlank()) {
                    throw new IllegalArgumentException("a csv data set needs a path");
                }
            }
        }
    }

    public static DatasetSpec toy(String name) {
        return new DatasetSpec(Kind.TOY, name, null);
    }

    public static DatasetSpec images(String name) {
        return new DatasetSpec(Kind.IMAGES, name, null);
    }

    @Override
    public String toString() {
        return kind.id() + ":" + (path != null ? path : name);
    }
}
