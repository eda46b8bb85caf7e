package org.latentlab.cli;

import org.latentlab.core.LabException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The checks every command makes on its options before it starts work: a number within its range (zero, negative
 * and absurd values refused with the range and what to use instead), and an output that would replace an existing
 * file only with {@code --force}. Each failure is one {@link LabException} that names the option and the value.
 */
final class OptionChecks {

    private OptionChecks() {
    }

    /** {@code value} when {@code min <= value <= max}; else "--moves must be 1 to 100,000, not 0" and the hint. */
    static long within(String option, long value, long min, long max, String hint) {
        if (value < min || value > max) {
            throw new LabException(String.format(Locale.ROOT, "%s must be %,d to %,d, not %,d%s", option, min, max,
                    value, hint.isEmpty() ? "" : ": " + hint));
        }
        return value;
    }

    static long within(String option, long value, long min, long max) {
        return within(option, value, min, max, "");
    }

    /** A finite {@code value} with {@code min <= value <= max} ({@code minExclusive}: {@code min < value}). */
    static double within(String option, double value, double min, boolean minExclusive, double max) {
        boolean low = minExclusive ? !(value > min) : !(value >= min);
        if (!Double.isFinite(value) || low || value > max) {
            throw new LabException(String.format(Locale.ROOT, "%s must be a number %s %s and at most %s, not %s",
                    option, minExclusive ? "above" : "from", plain(min), plain(max), value));
        }
        return value;
    }

    /**
     * Refuses to replace an existing file (or to write into a folder that already holds files) unless
     * {@code force}: "notes.txt already exists; --out would replace it: add --force to replace it, or choose
     * another file".
     */
    static void mayWrite(Path target, boolean force, String option) {
        if (target == null || force || !Files.exists(target)) {
            return;
        }
        if (Files.isDirectory(target)) {
            throw new LabException(target + " is a folder; " + option + " names the file to write: choose a file"
                    + " name");
        }
        throw new LabException(target + " already exists; " + option + " would replace it: add --force to replace"
                + " it, or choose another file");
    }

    /** As {@link #mayWrite} for an output folder: refused when it holds anything, unless {@code force}. */
    static void mayWriteInto(Path folder, boolean force, String option) {
        if (folder == null || force || !Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new LabException(folder + " already exists and is a file; " + option + " names a folder to write"
                    + " into: choose another name");
        }
        try (Stream<Path> s = Files.list(folder)) {
            if (s.findAny().isPresent()) {
                throw new LabException(folder + " is not empty; " + option + " would replace the files in it: add"
                        + " --force to replace them, or choose an empty or new folder");
            }
        } catch (IOException e) {
            throw new LabException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Creates the output folder (and its parents); a {@link LabException} naming it if that fails. */
    static void createFolder(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new LabException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : Double.toString(v);
    }
}
