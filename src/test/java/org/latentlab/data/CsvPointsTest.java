package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;

class CsvPointsTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("points.csv"), text);
    }

    private String failure(String text) throws IOException {
        Path file = csv(text);
        return assertThrows(LabException.class, () -> CsvPoints.read(file)).getMessage();
    }

    @Test
    void readsPointsSkippingCommentsAndBlankLines() throws IOException {
        CsvPoints points = CsvPoints.read(csv("# my points\n1,2\n\n  3.5 , -4e-1 \n# end\n"));
        assertEquals("points.csv", points.name());
        assertEquals(2, points.size());
        assertArrayEquals(new float[] {1f, 2f, 3.5f, -0.4f}, points.points());
        assertArrayEquals(new int[] {2}, points.shape());
    }

    @Test
    void headerLineIsSkipped() throws IOException {
        CsvPoints points = CsvPoints.read(csv("x,y\r\n0,0\r\n1,1\r\n"));
        assertEquals(2, points.size());
    }

    @Test
    void sampleDrawsStoredPoints() throws IOException {
        CsvPoints points = CsvPoints.read(csv("0,0\n10,10\n20,20\n"));
        float[] a = new float[200];
        points.sample(100, new Random(5), a);
        float[] b = new float[200];
        points.sample(100, new Random(5), b);
        assertArrayEquals(a, b);
        for (int i = 0; i < a.length; i += 2) {
            assertEquals(a[i], a[i + 1]);
            assertEquals(0, a[i] % 10);
        }
    }

    @Test
    void contentHashFollowsTheValues() throws IOException {
        String h1 = CsvPoints.read(csv("0,0\n1,1\n")).contentHash();
        String h2 = CsvPoints.read(csv("# comment\n0.0, 0\n1,1.0\n")).contentHash();
        String h3 = CsvPoints.read(csv("0,0\n1,2\n")).contentHash();
        assertEquals(h1, h2);
        assertNotEquals(h1, h3);
    }

    @Test
    void textInANumericFieldNamesLineAndColumn() throws IOException {
        String msg = failure("x,y\n0,0\n1,1\n# c\n\n2,2\n3,abc\n");
        assertEquals("points.csv line 7, column 2: 'abc' is not a number", msg);
    }

    @Test
    void wrongColumnCount() throws IOException {
        String msg = failure("x,y\n0,0\n1,1\n# c\n\n2,2\n3,4,5\n");
        assertEquals("points.csv line 7: expected 2 numbers (x,y) but found 3 columns", msg);
        assertTrue(failure("0,0\n1\n").contains("line 2: expected 2 numbers (x,y) but found 1 column"));
    }

    @Test
    void nonFiniteValuesAreRejected() throws IOException {
        assertTrue(failure("0,0\nNaN,1\n").contains("line 2, column 1: 'NaN' is not a finite number"));
        assertTrue(failure("0,0\n1,Infinity\n").contains("line 2, column 2"));
        assertTrue(failure("0,0\n1,1e300\n").contains("line 2, column 2"));
    }

    @Test
    void fewerThanTwoPoints() throws IOException {
        assertTrue(failure("x,y\n1,1\n").contains("at least 2 points but found 1"));
        assertTrue(failure("").contains("at least 2 points but found 0"));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.csv");
        LabException e = assertThrows(LabException.class, () -> CsvPoints.read(file));
        assertTrue(e.getMessage().contains("absent.csv"));
    }
}
