package org.latentlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.manifold.FieldFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vector-field} through {@link Main#execute}: a preset trained briefly writes one CSV row per grid point
 * whose length column is the arrow's norm, and a PNG; an image autoencoder preset is refused in one line.
 */
class VectorFieldCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aPresetWritesTheGridsArrowsAndThePicture() throws Exception {
        assertEquals(0, Main.execute("vector-field", "curve-dae-2d", "--iterations", "20", "--grid", "7", "--out",
                tmp.toString()));
        List<String> lines = Files.readAllLines(tmp.resolve(FieldFiles.CSV));
        assertEquals(String.join(",", FieldFiles.COLUMNS), lines.get(0));
        assertEquals(1 + 7 * 7, lines.size());
        for (String l : lines.subList(1, lines.size())) {
            double[] v = java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(Math.hypot(v[2], v[3]), v[4], 1e-12);
        }
        assertEquals("-2.0,-2.0", lines.get(1).substring(0, lines.get(1).indexOf(',', 5)));
        assertTrue(Files.size(tmp.resolve(FieldFiles.PNG)) > 1000);
    }

    @Test
    void anImageAutoencoderIsRefused() {
        assertNotEquals(0, Main.execute("vector-field", "mnist-ae", "--iterations", "1", "--out", tmp.toString()));
    }
}
