package org.latentlab.analysis.landscape;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.LabException;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A training trajectory (parameter vectors of successive checkpoints) drawn in a plane of parameter space, either
 * <ul>
 *   <li>{@link #onto}: a given plane, e.g. a surface scan's: each θᵢ − origin is projected onto span{d₁, d₂} by
 *       least squares (the directions need not be orthogonal), or</li>
 *   <li>{@link #pca}: the plane of the first two principal components of θᵢ − θ_final (Li et al. 2018 §7: random
 *       directions are nearly orthogonal to a trajectory in high dimensions and would show nothing), centred on the
 *       final point, with the fraction of the variance each component explains.</li>
 * </ul>
 *
 * @param plane             the plane (for PCA: origin θ_final, unit directions)
 * @param a                 each checkpoint's first coordinate
 * @param b                 each checkpoint's second coordinate
 * @param explainedVariance for PCA the variance fraction of d₁ and d₂; for a given plane the fraction of
 *                          Σ‖θᵢ − origin‖² that the projection keeps, in both entries
 */
public record TrajectoryProjection(ScanPlane plane, double[] a, double[] b, double[] explainedVariance) {

    /** The checkpoints' coordinates in the given plane. */
    public static TrajectoryProjection onto(ScanPlane plane, List<double[]> trajectory) {
        requireTrajectory(trajectory, plane.dimension(), 1);
        double[] d1 = plane.d1();
        double[] d2 = plane.d2();
        double g11 = Vectors.dot(d1, d1);
        double g12 = Vectors.dot(d1, d2);
        double g22 = Vectors.dot(d2, d2);
        double det = g11 * g22 - g12 * g12;
        if (!(det > 1e-12 * g11 * g22)) {
            throw new LabException("the plane's two directions are parallel: choose other directions");
        }
        int m = trajectory.size();
        double[] a = new double[m];
        double[] b = new double[m];
        double total = 0;
        double kept = 0;
        for (int i = 0; i < m; i++) {
            double[] r = Vectors.subtract(trajectory.get(i), plane.origin());
            double r1 = Vectors.dot(d1, r);
            double r2 = Vectors.dot(d2, r);
            a[i] = (g22 * r1 - g12 * r2) / det;
            b[i] = (g11 * r2 - g12 * r1) / det;
            total += Vectors.dot(r, r);
            kept += a[i] * r1 + b[i] * r2; // ‖projection‖² = cᵀ G c = cᵀ (d·r)
        }
        double f = total == 0 ? 1 : kept / total;
        return new TrajectoryProjection(plane, a, b, new double[] {f, f});
    }

    /** The plane of the first two principal components of the checkpoints' differences from the last one. */
    public static TrajectoryProjection pca(List<double[]> trajectory) {
        int n = trajectory.get(0).length;
        requireTrajectory(trajectory, n, 3);
        int m = trajectory.size();
        double[] last = trajectory.get(m - 1);
        double[][] diff = new double[m][];
        for (int i = 0; i < m; i++) {
            diff[i] = Vectors.subtract(trajectory.get(i), last);
        }
        // the m × m Gram matrix has the same nonzero eigenvalues as the n × n covariance: cheap for few checkpoints
        double[][] gram = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                gram[i][j] = gram[j][i] = Vectors.dot(diff[i], diff[j]);
            }
        }
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(gram, false));
        double[] lambda = ed.getRealEigenvalues();
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(lambda[y], lambda[x]));
        double sum = 0;
        for (double l : lambda) {
            sum += Math.max(l, 0);
        }
        if (!(lambda[order[1]] > 1e-14 * sum)) {
            throw new LabException("the checkpoints lie on a line (or coincide): a plane needs a trajectory that"
                    + " turns; save more checkpoints");
        }
        double[][] dirs = new double[2][];
        double[] explained = new double[2];
        for (int k = 0; k < 2; k++) {
            double[] u = ed.getEigenvector(order[k]).toArray();
            double[] v = new double[n];
            for (int i = 0; i < m; i++) {
                Vectors.addScaledInPlace(v, u[i], diff[i]);
            }
            dirs[k] = Vectors.normalize(v);
            explained[k] = lambda[order[k]] / sum;
        }
        ScanPlane plane = new ScanPlane(last.clone(), dirs[0], dirs[1], "PCA of " + m + " checkpoints");
        double[] a = new double[m];
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            a[i] = Vectors.dot(diff[i], dirs[0]);
            b[i] = Vectors.dot(diff[i], dirs[1]);
        }
        return new TrajectoryProjection(plane, a, b, explained);
    }

    /** Writes {@code checkpoint,a,b} rows with a header, atomically. */
    public void writeCsv(Path file) {
        org.latentlab.core.AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("# plane: " + plane.label() + "\n");
            w.write("# explained variance: " + explainedVariance[0] + " " + explainedVariance[1] + "\n");
            w.write("checkpoint,a,b\n");
            for (int i = 0; i < a.length; i++) {
                w.write(i + "," + a[i] + "," + b[i] + "\n");
            }
            w.flush();
        });
    }

    private static void requireTrajectory(List<double[]> trajectory, int n, int min) {
        if (trajectory.size() < min) {
            throw new LabException("a trajectory plot needs at least " + min + " checkpoints, not "
                    + trajectory.size());
        }
        for (double[] t : trajectory) {
            if (t.length != n) {
                throw new LabException("a checkpoint has " + t.length + " parameters, the model " + n
                        + ": the checkpoints belong to another model");
            }
        }
    }

    @Override
    public String toString() {
        return "TrajectoryProjection of " + a.length + " checkpoints on " + plane.label() + ", explained "
                + java.util.Arrays.toString(explainedVariance);
    }
}
