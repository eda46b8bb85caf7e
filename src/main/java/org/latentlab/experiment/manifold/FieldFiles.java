package org.latentlab.experiment.manifold;

import org.latentlab.core.AtomicFiles;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of a reconstruction field: {@value #CSV} (one row per grid point: x, y, the arrow r(x) − x and its
 * length) and {@value #PNG} (the arrows over the data, {@link FieldPicture}). Each written atomically.
 */
public final class FieldFiles {

    public static final String CSV = "field.csv";
    public static final String PNG = "field.png";
    public static final List<String> COLUMNS = List.of("x", "y", "dx", "dy", "length");

    private FieldFiles() {
    }

    /** Writes both files into {@code dir} (which must exist) and returns their paths. */
    public static List<Path> write(ReconstructionField f, float[] data, String title, Path dir) {
        Path csv = dir.resolve(CSV);
        AtomicFiles.writeString(csv, csv(f));
        Path png = dir.resolve(PNG);
        AtomicFiles.write(png, out -> ImageIO.write(FieldPicture.draw(f, data, title, 640, 680), "png", out));
        return List.of(csv, png);
    }

    static String csv(ReconstructionField f) {
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (int i = 0; i < f.points(); i++) {
            b.append(f.x()[i]).append(',').append(f.y()[i]).append(',').append(f.dx()[i]).append(',')
                    .append(f.dy()[i]).append(',').append(Math.hypot(f.dx()[i], f.dy()[i])).append('\n');
        }
        return b.toString();
    }
}
