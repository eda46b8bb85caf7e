package org.latentlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.CsvPoints;

/**
 * What is read of a file a person names is bounded: a file over the limit, a device and a folder are refused with
 * one line naming the file (and its size), before anything is read, so none ends in an out-of-memory error.
 */
class InputFilesTest {

    @TempDir
    Path dir;

    private Path sparse(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    private static String refusal(Runnable read) {
        String message = assertThrows(LabException.class, read::run).getMessage();
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    @Test
    void aSmallFileIsReadWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("a.json"), "{\"x\": \"é\"}");

        assertEquals("{\"x\": \"é\"}", InputFiles.readJson(file, "experiment file"));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsNameAndSize() throws IOException {
        Path file = sparse("big.json", InputFiles.MAX_JSON_BYTES + 1);

        String message = refusal(() -> InputFiles.readJson(file, "experiment file"));

        assertEquals(file + ": 8,388,609 bytes (8.0 MiB) is too large for an experiment file (at most 8,388,608 bytes"
                + " (8.0 MiB)): is this the right file?", message);
    }

    @Test
    void aFileAtTheLimitIsRead() throws IOException {
        Path file = sparse("limit.txt", 1000);

        assertEquals(1000, InputFiles.readText(file, "text file", 1000).length());
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero));

        assertEquals("/dev/zero: not a regular file (a device or a pipe): give a design file",
                refusal(() -> InputFiles.readJson(zero, "design file")));
    }

    @Test
    void aFolderAndAMissingFileAreNamed() {
        assertEquals(dir + ": is a folder, not an experiment file",
                refusal(() -> InputFiles.readJson(dir, "experiment file")));
        assertEquals(dir.resolve("nope.json") + ": no such network file",
                refusal(() -> InputFiles.readJson(dir.resolve("nope.json"), "network file")));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        Path file = Files.write(dir.resolve("latin1.json"), new byte[] {'{', (byte) 0xE9, '}'});

        assertTrue(refusal(() -> InputFiles.readJson(file, "experiment file")).startsWith(file + ": not UTF-8"));
    }

    @Test
    void aThreeGigabyteCsvIsRefusedBeforeItIsRead() throws IOException {
        Path file = sparse("points.csv", 3L * 1024 * 1024 * 1024);

        assertEquals(file + ": 3,221,225,472 bytes (3.0 GiB) is too large for a CSV file (at most 67,108,864 bytes"
                + " (64.0 MiB)): is this the right file?", refusal(() -> CsvPoints.read(file)));
    }

    @Test
    void devZeroAsACsvIsRefused() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero));

        assertEquals("/dev/zero: not a regular file (a device or a pipe): give a CSV file",
                refusal(() -> CsvPoints.read(zero)));
    }

    @Test
    void sizesReadAsBytesAndBinaryUnits() {
        assertEquals("812 bytes", InputFiles.bytes(812));
        assertEquals("3,221,225,472 bytes (3.0 GiB)", InputFiles.bytes(3L << 30));
    }
}
