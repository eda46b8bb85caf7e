package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;

class IdxReaderTest {

    private static final Path MNIST_IMAGES = Path.of("datasets", "mnist-10k-images-idx3-ubyte.gz");
    private static final Path MNIST_LABELS = Path.of("datasets", "mnist-10k-labels-idx1-ubyte.gz");

    @TempDir
    Path dir;

    /** An IDX file: magic, dims, then {@code dataBytes} bytes of pattern. */
    private static byte[] idx(int magic, int[] dims, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + dataBytes);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < dataBytes; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        if (gzip) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bytes)) {
                out.write(content);
            }
            content = bytes.toByteArray();
        }
        Files.write(file, content);
        return file;
    }

    private static String failure(Runnable read) {
        return assertThrows(LabException.class, read::run).getMessage();
    }

    @Test
    void readsBundledMnist() {
        IdxImages images = IdxReader.readImages(MNIST_IMAGES);
        assertEquals(10000, images.count());
        assertEquals(28, images.rows());
        assertEquals(28, images.cols());
        assertEquals(10000 * 28 * 28, images.pixels().length);
        byte[] labels = IdxReader.readLabels(MNIST_LABELS);
        assertEquals(10000, labels.length);
        int[] perClass = new int[10];
        for (byte label : labels) {
            assertTrue(label >= 0 && label <= 9);
            perClass[label]++;
        }
        for (int c : perClass) {
            assertTrue(c > 500, "every digit present");
        }
    }

    @Test
    void readsRawAndGzipIdentically() throws IOException {
        byte[] content = idx(0x00000803, new int[] {3, 2, 4}, 24);
        IdxImages raw = IdxReader.readImages(write("raw.idx", content, false));
        // a gzip file without .gz in its name: detected by magic bytes
        IdxImages gz = IdxReader.readImages(write("compressed.idx", content, true));
        assertEquals(3, raw.count());
        assertEquals(2, raw.rows());
        assertEquals(4, raw.cols());
        assertArrayEquals(raw.pixels(), gz.pixels());
        assertEquals(23, raw.pixels()[23]);
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));

        assertEquals("/dev/zero: not a regular file (a device or a pipe): give an IDX file",
                failure(() -> IdxReader.readImages(zero)));
        assertEquals("/dev/zero: not a regular file (a device or a pipe): give an IDX file",
                failure(() -> IdxReader.readLabels(zero)));
    }

    @Test
    void wrongMagicNamesTheFile() throws IOException {
        Path file = write("notidx.gz", "hello, this is text".getBytes(), true);
        String msg = failure(() -> IdxReader.readImages(file));
        assertTrue(msg.contains("notidx.gz") && msg.contains("magic"), msg);
    }

    @Test
    void labelFileReadAsImagesSaysSo() throws IOException {
        Path file = write("labels.idx", idx(0x00000801, new int[] {5}, 5), false);
        String msg = failure(() -> IdxReader.readImages(file));
        assertTrue(msg.contains("labels.idx") && msg.contains("label file"), msg);
    }

    @Test
    void wrongDataTypeIsRejected() throws IOException {
        Path file = write("floats.idx", idx(0x00000D03, new int[] {1, 2, 2}, 16), false);
        String msg = failure(() -> IdxReader.readImages(file));
        assertTrue(msg.contains("floats.idx") && msg.contains("data type 0x0D"), msg);
    }

    @Test
    void truncatedDataGivesTheOffset() throws IOException {
        byte[] full = idx(0x00000803, new int[] {10, 28, 28}, 1234);
        Path file = write("short-images.gz", full, true);
        String msg = failure(() -> IdxReader.readImages(file));
        assertTrue(msg.contains("short-images.gz"), msg);
        assertTrue(msg.contains("10 images of 28x28 (7840 bytes)"), msg);
        assertTrue(msg.contains("ends after 1234 bytes"), msg);
        assertTrue(msg.contains("offset 1250"), msg);
    }

    @Test
    void cutGzipFileIsTruncation() throws IOException {
        byte[] pixels = new byte[60_000];
        new Random(1).nextBytes(pixels);
        ByteBuffer content = ByteBuffer.allocate(16 + pixels.length).putInt(0x803).putInt(60).putInt(1000).putInt(1);
        content.put(pixels);
        Path file = write("cut.gz", content.array(), true);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String msg = failure(() -> IdxReader.readImages(file));
        assertTrue(msg.contains("cut.gz") && msg.contains("truncated"), msg);
    }

    @Test
    void truncatedHeaderAndEmptyFile() throws IOException {
        Path header = write("half-header.idx", new byte[] {0, 0, 8, 3, 0, 0}, false);
        assertTrue(failure(() -> IdxReader.readImages(header)).contains("half-header.idx"));
        Path empty = write("empty.idx", new byte[0], false);
        String msg = failure(() -> IdxReader.readLabels(empty));
        assertTrue(msg.contains("empty.idx") && msg.contains("empty"), msg);
    }

    @Test
    void absurdDimensionsAreRejected() throws IOException {
        Path file = write("huge.idx", idx(0x00000803, new int[] {-5, 28, 28}, 0), false);
        String msg = failure(() -> IdxReader.readImages(file));
        assertTrue(msg.contains("huge.idx") && msg.contains("implausible"), msg);
        Path big = write("big.idx", idx(0x00000803, new int[] {1_000_000, 60_000, 1}, 0), false);
        msg = failure(() -> IdxReader.readImages(big));
        assertTrue(msg.contains("big.idx") && msg.contains("too large"), msg);
    }

    @Test
    void missingFileNamesIt() {
        Path file = dir.resolve("nowhere-images.gz");
        String msg = failure(() -> IdxReader.readImages(file));
        assertTrue(msg.contains("nowhere-images.gz") && msg.contains("not found"), msg);
    }
}
