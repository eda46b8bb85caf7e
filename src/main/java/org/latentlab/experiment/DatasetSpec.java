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
 *   <li>{@code {"kind": "csv", "path": "points.csv"}}: a person's own 2-D points;</li>
 *   <li>{@code {"kind": "folder", "path": "my-images", "width": 28, "height": 28, "colour": false}}: a folder of
 *       PNG / JPEG images (one sub-folder per class, or all in one), resized (centre crop) to width x height;</li>
 *   <li>{@code {"kind": "stacked", "name": "mnist"}}: Stacked MNIST ({@link org.latentlab.data.StackedMnist}),
 *       three MNIST digits as the channels of one 3x28x28 image, 1,000 modes.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetSpec(Kind kind, String name, String path, Integer width, Integer height, Boolean colour) {

    public enum Kind {
        TOY, IMAGES, CSV, FOLDER, STACKED;

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
            throw new IllegalArgumentException("dataset.kind is missing (toy, images, csv, folder or stacked)");
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
            case STACKED -> {
                if (!"mnist".equals(name) || path != null) {
                    throw new IllegalArgumentException("a stacked data set is Stacked MNIST: give name \"mnist\""
                            + " and no path");
                }
            }
            case CSV -> {
                if (path == null || path.isBlank()) {
                    throw new IllegalArgumentException("a csv data set needs a path");
                }
            }
            case FOLDER -> {
                if (path == null || path.isBlank()) {
                    throw new IllegalArgumentException("a folder data set needs the path of a folder of images");
                }
                width = width == null ? 28 : width;
                height = height == null ? 28 : height;
                colour = colour != null && colour;
                if (width < 1 || width > 512 || height < 1 || height > 512) {
                    throw new IllegalArgumentException("dataset.width and dataset.height must be 1..512, not "
                            + width + "x" + height);
                }
            }
        }
        if (kind != Kind.FOLDER && (width != null || height != null || colour != null)) {
            throw new IllegalArgumentException("width, height and colour apply to folder data sets only");
        }
    }

    public DatasetSpec(Kind kind, String name, String path) {
        this(kind, name, path, null, null, null);
    }

    public static DatasetSpec folder(String path, int width, int height, boolean colour) {
        return new DatasetSpec(Kind.FOLDER, null, path, width, height, colour);
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
