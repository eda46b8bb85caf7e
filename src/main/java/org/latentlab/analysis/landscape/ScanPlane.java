package org.latentlab.analysis.landscape;

import org.latentlab.analysis.Objective;
import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.EigenPairs;
import org.latentlab.analysis.hessian.HessianVectorProduct;
import org.latentlab.analysis.hessian.Lanczos;
import org.latentlab.analysis.hessian.ParameterLayout;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;

import org.latentlab.core.AtomicFiles;
import org.latentlab.data.CsvTable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A plane through parameter space, θ(a, b) = origin + a·d₁ + b·d₂, on which the loss surface is drawn (Li et al.
 * 2018, "Visualizing the Loss Landscape of Neural Nets"). Directions come from {@link FilterNormalizedDirection}
 * (random, scaled filter by filter), from the top two Hessian eigenvectors, from a trajectory's principal
 * components ({@link TrajectoryProjection}) or, for the 2-parameter toys, from the coordinate axes.
 *
 * @param origin the centre θ₀ (a = b = 0)
 * @param d1     the direction of the first coordinate
 * @param d2     the direction of the second coordinate
 * @param label  how the directions were made, for file headers and axis titles
 */
public record ScanPlane(double[] origin, double[] d1, double[] d2, String label) {

    public ScanPlane {
        if (d1.length != origin.length || d2.length != origin.length) {
            throw new IllegalArgumentException("origin and directions must have the same length");
        }
        if (label == null || label.isBlank() || label.contains("\n")) {
            throw new IllegalArgumentException("a plane needs a one-line label");
        }
    }

    /** θ(a, b). */
    public double[] point(double a, double b) {
        double[] p = origin.clone();
        Vectors.addScaledInPlace(p, a, d1);
        Vectors.addScaledInPlace(p, b, d2);
        return p;
    }

    public int dimension() {
        return origin.length;
    }

    /** The plane of parameters i and j through {@code origin}: the toys' (x, y) plane, or a slice of a 3-D one. */
    public static ScanPlane axes(double[] origin, int i, int j) {
        double[] e1 = new double[origin.length];
        double[] e2 = new double[origin.length];
        e1[i] = 1;
        e2[j] = 1;
        return new ScanPlane(origin.clone(), e1, e2, "axes " + i + ", " + j);
    }

    /** Two seeded random filter-normalised directions through θ (Li et al. 2018). */
    public static ScanPlane filterNormalized(ParameterLayout layout, double[] theta, long seed) {
        double[][] d = FilterNormalizedDirection.pair(layout, theta, seed);
        return new ScanPlane(theta.clone(), d[0], d[1], "filter-normalised random directions, seed " + seed);
    }

    /** The top two Hessian eigenvectors at θ, by {@link Lanczos}, as unit directions. */
    public static ScanPlane hessianEigenvectors(Objective objective, double[] theta, long seed, Monitor monitor) {
        if (objective.dimension() < 2) {
            throw new LabException("a plane needs at least 2 parameters");
        }
        EigenPairs top = new Lanczos(new HessianVectorProduct(objective, theta), seed)
                .topEigenvalues(2, Math.min(objective.dimension(), 60), 1e-6, monitor);
        return new ScanPlane(theta.clone(), top.eigenvectors()[0], top.eigenvectors()[1],
                "top Hessian eigenvectors (λ = " + (float) top.eigenvalues()[0] + ", " + (float) top.eigenvalues()[1]
                        + ")");
    }

    /** A short hash of origin and directions, stored with scans so that a scan resumes only on its own plane. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 * 3 * origin.length);
            for (double[] v : new double[][] {origin, d1, d2}) {
                for (double x : v) {
                    buf.putDouble(x);
                }
            }
            md.update(buf.array());
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the plane as text: the label on the first line, then origin, d₁ and d₂ one per line as CSV rows (exact
     * doubles).
     */
    public void write(Path file) {
        StringBuilder text = new StringBuilder(label).append('\n');
        for (double[] v : new double[][] {origin, d1, d2}) {
            text.append(CsvTable.line(Arrays.stream(v).boxed().toList()));
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** Reads a plane written by {@link #write}. */
    public static ScanPlane read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("could not read the scan plane " + file + ": " + e.getMessage(), e);
        }
        int end = text.indexOf('\n');
        String label = (end < 0 ? text : text.substring(0, end)).replaceFirst("^\uFEFF", "").replaceFirst("\r$", "");
        List<CsvTable.Row> rows = CsvTable.parse(end < 0 ? "" : text.substring(end + 1), file.toString(), false, 2)
                .rows();
        if (rows.size() < 3) {
            throw new LabException(file + " ends early: it is not a scan plane file");
        }
        double[][] v = new double[3][];
        for (int k = 0; k < 3; k++) {
            CsvTable.Row row = rows.get(k);
            v[k] = new double[row.size()];
            for (int i = 0; i < row.size(); i++) {
                try {
                    v[k][i] = Double.parseDouble(row.get(i).trim());
                } catch (NumberFormatException e) {
                    throw new LabException(file + " line " + row.line() + ", column " + (i + 1) + ": '" + row.get(i)
                            + "' is not a number: it is not a scan plane file", e);
                }
            }
        }
        try {
            return new ScanPlane(v[0], v[1], v[2], label);
        } catch (IllegalArgumentException e) {
            throw new LabException("could not read the scan plane " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ScanPlane " + label + " (" + origin.length + " parameters)";
    }
}
