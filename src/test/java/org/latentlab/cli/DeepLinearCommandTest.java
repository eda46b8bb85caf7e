package org.latentlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepLinearCommandTest {

    @Test
    void writesTheSurfaceAndTheSpectra(@TempDir Path dir) throws Exception {
        assertEquals(0, Main.execute("deep-linear", "--depth", "6", "--weights", "2,5", "--resolution", "11",
                "--out", dir.toString()));
        List<String> surface = Files.readAllLines(dir.resolve("surface.csv"));
        assertEquals("w2,w5,loss", surface.get(0));
        assertEquals(1 + 11 * 11, surface.size());
        List<String> hessian = Files.readAllLines(dir.resolve("hessian.csv"));
        assertEquals(1 + 3 * 6, hessian.size(), "origin, minimum and saddle, six eigenvalues each");
        String md = Files.readString(dir.resolve("hessian.md"));
        assertTrue(md.contains("| origin |") && md.contains("0 (×6)"), md);
        assertTrue(md.contains("0 (×5), 12"), md);
    }

    @Test
    void refusesTheSameWeightTwice(@TempDir Path dir) {
        assertNotEquals(0, Main.execute("deep-linear", "--weights", "3,3", "--out", dir.toString()));
    }
}
