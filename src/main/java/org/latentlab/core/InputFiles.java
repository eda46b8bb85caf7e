package org.latentlab.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text files a person hands the lab (experiment, design and network JSON, CSV points) with a bound on
 * what is read: a regular file of at most {@value #MAX_JSON_BYTES} bytes for JSON (a caller's bound for data), in
 * UTF-8. A 3 GB file, {@code /dev/zero} or a
 * folder is refused with its name and size before anything is read, so no such input ends in an
 * {@link OutOfMemoryError}.
 */
public final class InputFiles {

    /** The largest JSON file read: 8 MiB (the bundled experiments are a few KB; a design with layout, tens of KB). */
    public static final long MAX_JSON_BYTES = 8L * 1024 * 1024;

    private InputFiles() {
    }

    /** The text of a JSON file of at most {@link #MAX_JSON_BYTES}; {@code what} names it, e.g. "experiment file". */
    public static String readJson(Path file, String what) {
        return readText(file, what, MAX_JSON_BYTES);
    }

    /**
     * The text of {@code file}, refused with a {@link LabException} naming the file when it is missing, not a
     * regular file, larger than {@code maxBytes}, not UTF-8, or cannot be read.
     */
    public static String readText(Path file, String what, long maxBytes) {
        if (Files.isDirectory(file)) {
            throw new LabException(file + ": is a folder, not " + a(what));
        }
        if (!Files.exists(file)) {
            throw new LabException(file + ": no such " + what);
        }
        if (!Files.isRegularFile(file)) {
            throw new LabException(file + ": not a regular file (a device or a pipe): give " + a(what));
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new LabException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (size > maxBytes) {
            throw new LabException(file + ": " + bytes(size) + " is too large for " + a(what) + " (at most "
                    + bytes(maxBytes) + "): is this the right file?");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes((int) maxBytes + 1);
            if (data.length > maxBytes) {
                throw new LabException(file + ": grew past " + bytes(maxBytes) + " while being read: " + a(what)
                        + " is a small text file");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (NoSuchFileException e) {
            throw new LabException(file + ": no such " + what);
        } catch (CharacterCodingException e) {
            throw new LabException(file + ": not UTF-8 text: is this the right " + what + "?");
        } catch (IOException e) {
            throw new LabException(file + ": cannot read: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new LabException(file + ": out of memory while reading its " + bytes(size) + "; give the JVM more"
                    + " memory (-Xmx) or a smaller " + what);
        }
    }

    private static String a(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    /** {@code 3,221,225,472 bytes (3.0 GiB)}, {@code 812 bytes}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%,d bytes (%.1f %s)", n, v, units[u]);
    }
}
