package org.latentlab.ui.geometry;

import org.latentlab.core.LabException;
import org.latentlab.experiment.geometry.LineResult;
import org.latentlab.experiment.geometry.SurfaceSlice;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The loss-surface section's exports: its slice, trajectory and line as CSV, and a picture of it as PNG. */
final class SurfaceExport {

    private SurfaceExport() {
    }

    /**
     * Writes the slice ({@code name.csv}: the resumable scan format, one row per cell), its trajectory
     * ({@code name-trajectory.csv}) and the line ({@code name-line.csv}), whichever are not null; returns the files.
     */
    static List<Path> writeCsv(SurfaceSlice slice, LineResult line, Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        List<Path> out = new ArrayList<>();
        try {
            if (slice != null) {
                Path s = file.resolveSibling(base + ".csv");
                Files.copy(slice.scanFile(), s, StandardCopyOption.REPLACE_EXISTING);
                out.add(s);
                Path t = file.resolveSibling(base + "-trajectory.csv");
                Files.copy(slice.trajectoryFile(), t, StandardCopyOption.REPLACE_EXISTING);
                out.add(t);
            }
        } catch (IOException e) {
            throw new LabException("could not write " + file + ": " + e.getMessage(), e);
        }
        if (line != null) {
            Path l = file.resolveSibling(base + "-line.csv");
            line.writeCsv(l);
            out.add(l);
        }
        return out;
    }

    /** Writes {@code picture} as a PNG file. */
    static void writePng(BufferedImage picture, Path file) {
        try {
            if (!ImageIO.write(picture, "png", file.toFile())) {
                throw new LabException("could not write " + file + ": no PNG writer for this picture");
            }
        } catch (IOException e) {
            throw new LabException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
