package org.latentlab.experiment.geometry;

import org.latentlab.core.LabException;
import org.latentlab.experiment.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cache of a {@link HessianTop}: its numbers as JSON ({@code name.json}, through {@link AnalysisCache}) and its
 * eigenvectors, k × (number of parameters) values, as 32-bit floats in a binary file beside it
 * ({@code name.vectors.bin}: a magic number, k, the length, then the values row by row). In JSON the vectors of an
 * MNIST autoencoder's top 5 took 11 MB; as floats 2 MB. A fresh result's vectors are rounded to float before it is
 * returned, so that a result read back is identical to the one computed (a Hessian plane made from either has the
 * same fingerprint, and a scan on it resumes); float keeps 7 digits, far below the Lanczos residuals.
 */
final class HessianTopFiles {

    private static final Logger LOG = LoggerFactory.getLogger(HessianTopFiles.class);
    private static final int MAGIC = 0x4C4C5456; // "LLTV"

    /** What the JSON file holds: the result without its vectors. */
    record Numbers(AnalysisInfo info, double[] eigenvalues, double[] residuals, int products, boolean converged) {
    }

    private HessianTopFiles() {
    }

    /** The sidecar of {@code json}. */
    static Path vectorsFile(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name)
                + ".vectors.bin");
    }

    /** The cached result, or null when either file is missing or unreadable. */
    static HessianTop read(Path json) {
        Numbers n = AnalysisCache.read(json, Numbers.class);
        if (n == null) {
            return null;
        }
        Path bin = vectorsFile(json);
        if (!Files.isRegularFile(bin)) {
            LOG.warn("{}: the eigenvectors' file {} is missing; computing the result again", json, bin.getFileName());
            return null;
        }
        try (InputStream raw = Files.newInputStream(bin);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not an eigenvector file");
            }
            int k = in.readInt();
            int length = in.readInt();
            if (k != n.eigenvalues().length || length != n.info().parameters()) {
                throw new IOException(k + " vectors of " + length + " values where the result has "
                        + n.eigenvalues().length + " of " + n.info().parameters());
            }
            double[][] v = new double[k][length];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < length; j++) {
                    v[i][j] = in.readFloat();
                }
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return new HessianTop(n.info(), n.eigenvalues(), v, n.residuals(), n.products(), n.converged());
        } catch (EOFException e) {
            LOG.warn("{}: cut off; computing the result again", bin);
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: unreadable ({}); computing the result again", bin, e.getMessage());
            return null;
        }
    }

    /** Writes the vectors, then the numbers (so that a JSON file always has its vectors); failures are logged. */
    static void write(Path json, HessianTop top) {
        Path bin = vectorsFile(json);
        try {
            AtomicFiles.write(bin, raw -> {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
                out.writeInt(MAGIC);
                out.writeInt(top.size());
                out.writeInt(top.info().parameters());
                for (double[] row : top.eigenvectors()) {
                    for (double x : row) {
                        out.writeFloat((float) x);
                    }
                }
                out.flush();
            });
        } catch (LabException e) {
            LOG.warn("could not keep the eigenvectors in {}: {}", bin, e.getMessage());
            return;
        }
        AnalysisCache.write(json, new Numbers(top.info(), top.eigenvalues(), top.residuals(), top.products(),
                top.converged()));
    }

    /** The result with its vectors rounded to float, as they are stored. */
    static HessianTop rounded(HessianTop top) {
        double[][] v = new double[top.size()][];
        for (int i = 0; i < v.length; i++) {
            double[] row = top.eigenvectors()[i];
            v[i] = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                v[i][j] = (float) row[j];
            }
        }
        return new HessianTop(top.info(), top.eigenvalues(), v, top.residuals(), top.products(), top.converged());
    }
}
