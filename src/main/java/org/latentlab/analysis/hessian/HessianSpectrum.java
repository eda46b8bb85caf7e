package org.latentlab.analysis.hessian;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The full eigendecomposition of a symmetric matrix (a Hessian), by LAPACK's {@code dsyev} through ND4J
 * ({@code Eigen.symmetricGeneralizedEigenvalues}). Measured here for a 2,000 × 2,000 matrix on one thread: ND4J
 * ~9.5 s with or without vectors, commons-math3's {@code EigenDecomposition} 68 s; so ND4J it is, for every size
 * (the 2 × 2 toy Hessians go through the same call). The native call cannot be cancelled: report "computing the
 * spectrum" before it.
 *
 * @param eigenvalues  all eigenvalues, ascending
 * @param eigenvectors {@code eigenvectors[i]} is the unit eigenvector of {@code eigenvalues[i]}; null when not asked
 *                     for
 */
public record HessianSpectrum(double[] eigenvalues, double[][] eigenvectors) {

    /** Bin edges (bins + 1, ascending) and counts of a histogram of the eigenvalues. */
    public record Histogram(double[] edges, long[] counts) {
        @Override
        public String toString() {
            return "Histogram " + counts.length + " bins over [" + edges[0] + ", " + edges[edges.length - 1] + "]";
        }
    }

    public HessianSpectrum {
        if (eigenvectors != null && eigenvectors.length != eigenvalues.length) {
            throw new IllegalArgumentException("one eigenvector per eigenvalue");
        }
    }

    /** The spectrum of a symmetric matrix (only its lower triangle is read). */
    public static HessianSpectrum of(double[][] symmetric, boolean withVectors) {
        int n = symmetric.length;
        if (n == 0) {
            return new HessianSpectrum(new double[0], withVectors ? new double[0][] : null);
        }
        INDArray a = Nd4j.createFromArray(symmetric).castTo(DataType.DOUBLE);
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(a, withVectors);
        double[] lambda = values.castTo(DataType.DOUBLE).toDoubleVector();
        double[][] vectors = null;
        if (withVectors) {
            // dsyev leaves the eigenvectors in the columns of a
            double[][] cols = a.transpose().dup('c').toDoubleMatrix();
            vectors = cols;
        }
        // dsyev sorts ascending already; sort defensively together with the vectors
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(lambda[i], lambda[j]));
        double[] sorted = new double[n];
        double[][] sortedVectors = withVectors ? new double[n][] : null;
        for (int i = 0; i < n; i++) {
            sorted[i] = lambda[order[i]];
            if (withVectors) {
                sortedVectors[i] = vectors[order[i]];
            }
        }
        return new HessianSpectrum(sorted, sortedVectors);
    }

    public int size() {
        return eigenvalues.length;
    }

    public double min() {
        return eigenvalues[0];
    }

    public double max() {
        return eigenvalues[eigenvalues.length - 1];
    }

    /** The k largest eigenvalues, descending. */
    public double[] top(int k) {
        int m = Math.min(k, eigenvalues.length);
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = eigenvalues[eigenvalues.length - 1 - i];
        }
        return out;
    }

    /** The sum of the eigenvalues (the trace). */
    public double trace() {
        double t = 0;
        for (double v : eigenvalues) {
            t += v;
        }
        return t;
    }

    /**
     * The fraction of eigenvalues below −tolerance·max|λ| (the "index" of a critical point divided by n;
     * Dauphin et al. 2014 relate it to the loss at critical points).
     */
    public double negativeFraction(double relativeTolerance) {
        if (eigenvalues.length == 0) {
            return 0;
        }
        double cut = -relativeTolerance * Math.max(Math.abs(min()), Math.abs(max()));
        int neg = 0;
        for (double v : eigenvalues) {
            if (v < cut) {
                neg++;
            }
        }
        return (double) neg / eigenvalues.length;
    }

    /** Equal-width bins over [min, max]; the picture's log scale of the counts is left to the screen. */
    public Histogram histogram(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("at least one bin");
        }
        double lo = eigenvalues.length == 0 ? 0 : min();
        double hi = eigenvalues.length == 0 ? 1 : max();
        if (hi <= lo) {
            hi = lo + 1e-12 + Math.abs(lo) * 1e-9;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        long[] counts = new long[bins];
        for (double v : eigenvalues) {
            int b = (int) ((v - lo) / (hi - lo) * bins);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return new Histogram(edges, counts);
    }

    @Override
    public String toString() {
        int n = eigenvalues.length;
        String shown = n <= 8 ? Arrays.toString(eigenvalues)
                : "[" + eigenvalues[0] + ", " + eigenvalues[1] + ", ..., " + eigenvalues[n - 2] + ", "
                + eigenvalues[n - 1] + "]";
        return "HessianSpectrum n=" + n + " λ=" + shown + (eigenvectors != null ? " with eigenvectors" : "");
    }
}
