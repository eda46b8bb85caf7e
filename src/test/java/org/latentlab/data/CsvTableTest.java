package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;

/** CSV written and read back per RFC 4180: quoting only where needed, and one-line messages naming file and line. */
class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void headerAndCellsWithCommaQuoteAndNewlineRoundTrip() {
        Path file = dir.resolve("t.csv");
        List<String> header = List.of("iteration", "score, held-out", "the \"best\" one", "two\nlines");
        List<List<Object>> rows = List.of(List.of(10L, "a,b", "say \"hi\"", "x\ny"), List.of(20L, 0.5, "", "#not"));
        CsvTable.write(file, List.of("made by a test", "second\ncomment"), header, rows);

        CsvTable back = CsvTable.read(file);
        assertEquals(List.of("made by a test", "second comment"), back.comments());
        assertEquals(header, back.header());
        assertEquals(List.of("10", "a,b", "say \"hi\"", "x\ny"), back.rows().get(0).cells());
        assertEquals(List.of("20", "0.5", "", "#not"), back.rows().get(1).cells());
        assertEquals(2, back.column("the \"best\" one"));
        assertEquals(-1, back.column("absent"));
        // the header spans lines 3-4 (its last name holds a line break), so the rows start on lines 5 and 7
        assertEquals(5, back.rows().get(0).line());
        assertEquals(7, back.rows().get(1).line());
    }

    @Test
    void numbersAndPlainNamesAreWrittenWithoutQuotes() {
        assertEquals("iteration,elapsed_s,held-out_negative_ELBO,d loss\n",
                CsvTable.line(List.of("iteration", "elapsed_s", "held-out_negative_ELBO", "d loss")));
        assertEquals("3,-1.5E-7,0.25,,\n", CsvTable.line(Arrays.asList(3, -1.5e-7, 0.25, "", null)));
        assertEquals("alpha,loss\n-0.5,1.25\n", CsvTable.format(List.of(), List.of("alpha", "loss"),
                List.of(List.of(-0.5, 1.25))));
    }

    @Test
    void aFirstCellStartingWithHashIsQuotedSoItIsNotReadAsAComment() {
        Path file = dir.resolve("hash.csv");
        CsvTable.write(file, List.of("#points", "y"), List.of(List.of("#1", "2")));
        CsvTable back = CsvTable.read(file);
        assertEquals(List.of(), back.comments());
        assertEquals(List.of("#points", "y"), back.header());
        assertEquals(List.of("#1", "2"), back.rows().get(0).cells());
    }

    @Test
    void appendCreatesTheFileAndAddsRows() throws IOException {
        Path file = dir.resolve("metrics.csv");
        CsvTable.append(file, List.of(List.of("iteration", "a,b")));
        CsvTable.append(file, List.of(List.of(1, 2.5)));
        CsvTable.append(file, List.of(List.of(2, "x\"y")));
        assertEquals("iteration,\"a,b\"\n1,2.5\n2,\"x\"\"y\"\n", Files.readString(file));
        assertEquals(2, CsvTable.read(file).rows().size());
    }

    @Test
    void blankLinesCommentsAndAByteOrderMarkAreSkipped() {
        CsvTable t = CsvTable.parse("\uFEFF# one\n\n# two\nx,y\r\n1,2\n\n  # later\n3,4\n", "p.csv", true, 1);
        assertEquals(List.of("one", "two"), t.comments());
        assertEquals(List.of("x", "y"), t.header());
        assertEquals(List.of(5, 8), t.rows().stream().map(CsvTable.Row::line).toList());
    }

    @Test
    void anUnclosedQuoteNamesFileAndLineInOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,\"4\n5,6\n");
        LabException e = assertThrows(LabException.class, () -> CsvTable.read(file));
        assertTrue(e.getMessage().startsWith(file + " line 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("closing quote"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteNamesFileAndLine() {
        LabException e = assertThrows(LabException.class,
                () -> CsvTable.parse("1,2\n3,\"4\"x\n", "body.csv", false, 10));
        assertTrue(e.getMessage().startsWith("body.csv line 11: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.csv");
        LabException e = assertThrows(LabException.class, () -> CsvTable.read(file));
        assertTrue(e.getMessage().contains("absent.csv"), e.getMessage());
    }
}
