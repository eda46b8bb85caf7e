package org.latentlab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.latentlab.core.LabException;

/**
 * Reads IDX files, the format of the original MNIST distribution (LeCun et al.): a big-endian header, magic number
 * {@code 0x0000TTDD} (TT = data type, 0x08 for unsigned bytes; DD = number of dimensions), then one big-endian int32
 * per dimension, then the data. Images are {@code 0x00000803} (count, rows, cols), labels {@code 0x00000801}
 * (count). Files may be gzip-compressed; compression is detected from the gzip magic bytes {@code 1f 8b}, not from
 * the name. Bytes after the promised data are ignored. Every problem is a {@link LabException} naming the file.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_SIDE = 65_536;
    private static final long MAX_BYTES = Integer.MAX_VALUE - 64;

    private IdxReader() {
    }

    /** Reads an image file (magic {@code 0x00000803}). */
    public static IdxImages readImages(Path file) {
        try (CountingInput in = open(file)) {
            int[] dims = readHeader(file, in, 3, "an image file (magic 0x00000803)");
            int count = dims[0];
            int rows = dims[1];
            int cols = dims[2];
            if (count < 0 || rows <= 0 || cols <= 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new LabException(file + ": implausible IDX image dimensions " + count + " x " + rows + "x"
                        + cols + " (a damaged header?)");
            }
            long bytes = (long) count * rows * cols;
            String promise = count + " images of " + rows + "x" + cols + " (" + bytes + " bytes)";
            byte[] pixels = readData(file, in, bytes, promise);
            return new IdxImages(count, rows, cols, pixels);
        } catch (IOException e) {
            throw wrap(file, e);
        }
    }

    /** Reads a label file (magic {@code 0x00000801}): one unsigned byte per image. */
    public static byte[] readLabels(Path file) {
        try (CountingInput in = open(file)) {
            int count = readHeader(file, in, 1, "a label file (magic 0x00000801)")[0];
            if (count < 0) {
                throw new LabException(file + ": implausible IDX label count " + count + " (a damaged header?)");
            }
            return readData(file, in, count, count + " labels (" + count + " bytes)");
        } catch (IOException e) {
            throw wrap(file, e);
        }
    }

    private static CountingInput open(Path file) throws IOException {
        if (Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
            throw new LabException(file + ": not a regular file (a device or a pipe): give an IDX file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return new CountingInput(gzip ? new GZIPInputStream(raw, 1 << 16) : raw, gzip);
    }

    /** Checks the magic number and returns the dimensions. */
    private static int[] readHeader(Path file, CountingInput in, int expectedDims, String expected)
            throws IOException {
        byte[] magic = new byte[4];
        if (in.readFully(magic) < 4) {
            throw truncatedHeader(file, in);
        }
        int magicValue = ((magic[0] & 0xff) << 24) | ((magic[1] & 0xff) << 16) | ((magic[2] & 0xff) << 8)
                | (magic[3] & 0xff);
        if (magic[0] != 0 || magic[1] != 0) {
            throw new LabException(String.format("%s: not an IDX file: magic number 0x%08X at offset 0, expected %s",
                    file, magicValue, expected));
        }
        if ((magic[2] & 0xff) != UNSIGNED_BYTE) {
            throw new LabException(String.format("%s: IDX data type 0x%02X is not supported, expected 0x08 (unsigned "
                    + "byte) as in MNIST (magic 0x%08X)", file, magic[2] & 0xff, magicValue));
        }
        int dims = magic[3] & 0xff;
        if (dims != expectedDims) {
            throw new LabException(String.format("%s: expected %s but found an IDX file with %d dimension%s "
                    + "(magic 0x%08X)%s", file, expected, dims, dims == 1 ? "" : "s", magicValue,
                    dims == 1 ? ": is this a label file?" : dims == 3 ? ": is this an image file?" : ""));
        }
        byte[] header = new byte[4 * dims];
        if (in.readFully(header) < header.length) {
            throw truncatedHeader(file, in);
        }
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            sizes[d] = ((header[4 * d] & 0xff) << 24) | ((header[4 * d + 1] & 0xff) << 16)
                    | ((header[4 * d + 2] & 0xff) << 8) | (header[4 * d + 3] & 0xff);
        }
        return sizes;
    }

    private static byte[] readData(Path file, CountingInput in, long bytes, String promise) throws IOException {
        if (bytes > MAX_BYTES) {
            throw new LabException(file + ": IDX header promises " + promise + ", too large to load (a damaged "
                    + "header?)");
        }
        long headerEnd = in.count;
        byte[] data = new byte[(int) bytes];
        int read;
        boolean gzipCutShort = false;
        try {
            read = in.readFully(data);
        } catch (EOFException e) {
            read = (int) (in.count - headerEnd);
            gzipCutShort = true;
        }
        if (read < bytes) {
            throw new LabException(file + ": truncated IDX file: header promises " + promise
                    + " but data ends after " + read + " bytes (offset " + (headerEnd + read)
                    + (in.gzip ? " in the decompressed stream" : "")
                    + (gzipCutShort ? "; the gzip file itself is cut short)" : ")"));
        }
        return data;
    }

    private static LabException truncatedHeader(Path file, CountingInput in) {
        return new LabException(file + ": truncated IDX file: header ends after " + in.count + " bytes"
                + (in.count == 0 ? " (empty file)" : ""));
    }

    private static LabException wrap(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new LabException(file + ": file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new LabException(file + ": permission denied", e);
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return new LabException(file + ": damaged gzip data (" + e.getMessage() + ")", e);
        }
        return new LabException(file + ": cannot read IDX file (" + e.getMessage() + ")", e);
    }

    /** An input stream that counts the (decompressed) bytes read, so errors can give an offset. */
    private static final class CountingInput implements AutoCloseable {
        private final InputStream in;
        private final boolean gzip;
        private long count;

        CountingInput(InputStream in, boolean gzip) {
            this.in = in;
            this.gzip = gzip;
        }

        /** Reads until {@code buffer} is full or the stream ends; returns the number of bytes read. */
        int readFully(byte[] buffer) throws IOException {
            int total = 0;
            while (total < buffer.length) {
                int n = in.read(buffer, total, buffer.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
                count += n;
            }
            return total;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
