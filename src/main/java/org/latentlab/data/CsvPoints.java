package org.latentlab.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.latentlab.core.InputFiles;
import org.latentlab.core.LabException;

/**
 * 2-D points from a CSV file (RFC 4180, read by {@link CsvTable}), one {@code x,y} pair per line. Blank lines and
 * lines starting with {@code #} are skipped; the first remaining line is a header if none of its fields is a number.
 * Every other line must hold exactly two finite numbers. Sampling draws stored points uniformly with replacement, without jitter.
 */
public final class CsvPoints implements DataSource {

    /**
     * The largest CSV file read: 64 MiB, a few million points (a point is a line of about 20 bytes). A larger file
     * or a device such as {@code /dev/zero} is refused with its name and size before anything is read.
     */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final String name;
    private final float[] xy;

    private CsvPoints(String name, float[] xy) {
        this.name = name;
        this.xy = xy;
    }

    /**
     * Reads a UTF-8 CSV file of at most {@link #MAX_BYTES} ({@link InputFiles}); any problem is a
     * {@link LabException} naming the file and, where there is one, the line and column.
     */
    public static CsvPoints read(Path file) {
        String fileName = file.getFileName().toString();
        List<CsvTable.Row> rows = CsvTable.parse(InputFiles.readText(file, "CSV file", MAX_BYTES), fileName, false, 1)
                .rows();
        float[] values = new float[2 * Math.max(rows.size(), 1)];
        int count = 0;
        boolean firstContentLine = true;
        for (CsvTable.Row row : rows) {
            List<String> fields = row.cells();
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            boolean header = firstContentLine && fields.stream().noneMatch(CsvPoints::isNumber);
            firstContentLine = false;
            if (header) {
                continue;
            }
            String where = fileName + " line " + row.line();
            if (fields.size() != 2) {
                throw new LabException(where + ": expected 2 numbers (x,y) but found " + fields.size()
                        + (fields.size() == 1 ? " column" : " columns"));
            }
            for (int c = 0; c < 2; c++) {
                values[2 * count + c] = parse(fields.get(c).strip(), where + ", column " + (c + 1));
            }
            count++;
        }
        if (count < 2) {
            throw new LabException(fileName + ": needs at least 2 points but found " + count);
        }
        return new CsvPoints(fileName, Arrays.copyOf(values, 2 * count));
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float parse(String field, String where) {
        double v;
        try {
            v = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new LabException(where + ": '" + field + "' is not a number");
        }
        float f = (float) v;
        if (!Float.isFinite(f)) {
            throw new LabException(where + ": '" + field + "' is not a finite number (NaN and infinities, and "
                    + "values beyond +-3.4e38, are not allowed)");
        }
        return f;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return new int[] {2};
    }

    /** Number of points. */
    public int size() {
        return xy.length / 2;
    }

    /** The points as x0, y0, x1, y1, ... (a copy). */
    public float[] points() {
        return xy.clone();
    }

    /** {xmin, xmax, ymin, ymax} of the points, widened by 10% of the larger extent on every side, for plotting. */
    public double[] viewBounds() {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < xy.length; i += 2) {
            b[0] = Math.min(b[0], xy[i]);
            b[1] = Math.max(b[1], xy[i]);
            b[2] = Math.min(b[2], xy[i + 1]);
            b[3] = Math.max(b[3], xy[i + 1]);
        }
        double margin = Math.max(0.1 * Math.max(b[1] - b[0], b[3] - b[2]), 1e-3);
        return new double[] {b[0] - margin, b[1] + margin, b[2] - margin, b[3] + margin};
    }

    /** Draws n stored points uniformly with replacement ({@code rng.nextInt(size())} each). */
    @Override
    public void sample(int n, Random rng, float[] out) {
        if (n < 0 || out.length < 2L * n) {
            throw new IllegalArgumentException("need room for " + n + " points (" + 2L * n + " floats), got "
                    + out.length);
        }
        int size = size();
        for (int k = 0; k < n; k++) {
            int i = rng.nextInt(size);
            out[2 * k] = xy[2 * i];
            out[2 * k + 1] = xy[2 * i + 1];
        }
    }

    /** SHA-256 (hex) of the point values as big-endian IEEE floats, in file order. */
    @Override
    public String contentHash() {
        ByteBuffer buffer = ByteBuffer.allocate(4 * xy.length);
        buffer.asFloatBuffer().put(xy);
        return Sha256.hex(buffer.array());
    }

    @Override
    public String toString() {
        return name + ": " + size() + " points";
    }
}
